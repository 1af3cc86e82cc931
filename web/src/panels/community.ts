import { CommunityDocument, type CommunityQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';

/** <sfy-community nhs-number="..."> — fields in community.graphql. */
export class CommunityPanel extends RecordPanel<CommunityQuery> {
  protected heading = 'Community services';
  protected document = CommunityDocument;
  protected sections: Section[] = [
    { title: 'Episodes of care', path: ['patient', 'communityEpisodes'], source: 'communitySource', columns: [col('Service', (e) => e.service), col('Team', (e) => e.team), col('Lead', (e) => e.leadClinician), col('From', (e) => formatDate(e.start)), col('To', (e) => formatDate(e.end) || 'Open')] },
    { title: 'Visits', path: ['patient', 'communityVisits'], source: 'communitySource', limit: 10, columns: [col('Date', (v) => formatDate(v.date)), col('Setting', (v) => v.setting), col('What', (v) => v.description), col('Clinician', (v) => v.clinician)] },
    { title: 'Care plans', path: ['patient', 'communityCarePlans'], source: 'communitySource', columns: [col('Plan', (p) => p.title), col('Status', (p) => p.status), col('From', (p) => formatDate(p.start))] },
  ];
}

customElements.get('sfy-community') ?? customElements.define('sfy-community', CommunityPanel);
