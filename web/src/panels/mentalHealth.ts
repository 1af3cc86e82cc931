import { MentalHealthDocument, type MentalHealthQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';

/** <sfy-mental-health nhs-number="..."> — fields in mentalHealth.graphql. */
export class MentalHealthPanel extends RecordPanel<MentalHealthQuery> {
  protected heading = 'Mental health';
  protected document = MentalHealthDocument;
  protected sections: Section[] = [
    { title: 'Care coordinator', path: ['patient', 'careCoordinator'], source: 'mentalHealthSource', columns: [col('Name', (c) => c.name), col('Team', (c) => c.team), col('Phone', (c) => c.phone), col('Since', (c) => formatDate(c.since))] },
    { title: 'Care programme approach', path: ['patient', 'careProgrammeStatus'], source: 'mentalHealthSource', columns: [col('Status', (c) => c.status), col('Since', (c) => formatDate(c.since))] },
    { title: 'Crisis plan', path: ['patient', 'crisisPlan'], source: 'mentalHealthSource', columns: [col('Plan', (c) => c.title), col('Triggers', (c) => c.triggers), col('Early warning signs', (c) => c.earlyWarningSigns), col('What helps', (c) => c.whatHelps), col('Contacts', (c) => c.contacts)] },
    { title: 'Episodes of care', path: ['patient', 'mentalHealthEpisodes'], source: 'mentalHealthSource', columns: [col('Service', (e) => e.service), col('Team', (e) => e.team), col('From', (e) => formatDate(e.start)), col('To', (e) => formatDate(e.end) || 'Open')] },
    { title: 'Risk summary', path: ['patient', 'riskSummary'], source: 'mentalHealthSource', columns: [col('Level', (r) => r.level), col('Summary', (r) => r.summary), col('Assessed', (r) => formatDate(r.date))] },
  ];
}

customElements.get('sfy-mental-health') ?? customElements.define('sfy-mental-health', MentalHealthPanel);
