import { CommunityDocument, type CommunityQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';
import { statusWords } from './statusWords';

const concepts = (list: Array<{ display: string; text?: string | null }> | undefined) => (list ?? []).map((c) => c.text ?? c.display).join('; ');

/**
 * <sfy-community nhs-number="..."> — fields in community.graphql. Each list comes current first
 * (open episodes, visits under way, plans in force), and says so: a closed episode reads "Closed".
 */
export class CommunityPanel extends RecordPanel<CommunityQuery> {
  protected heading = 'Community services';
  protected document = CommunityDocument;
  protected sections: Section[] = [
    {
      title: 'Episodes of care',
      path: ['patient', 'communityEpisodes'],
      source: 'communitySource',
      current: { history: 'Closed episodes' },
      columns: [
        col('Service', (e) => e.service ?? 'Service not stated'),
        col('Status', (e) => (e.current ? `Open (${statusWords(e.status)})` : `Closed (${statusWords(e.status)})`)),
        col('Team', (e) => (e.teams.length ? e.teams.join(', ') : e.team)),
        col('Lead', (e) => e.leadClinician),
        col('Referred for', (e) => e.referralReason ?? e.referrals.map((r: { description?: string | null }) => r.description).filter(Boolean).join('; ')),
        col('From', (e) => formatDate(e.start)),
        col('To', (e) => formatDate(e.end) || (e.current ? 'Open' : '')),
      ],
    },
    {
      title: 'Visits',
      path: ['patient', 'communityVisits'],
      source: 'communitySource',
      limit: 10,
      columns: [
        col('Date', (v) => formatDate(v.date)),
        col('Status', (v) => (v.current ? `Under way (${statusWords(v.status)})` : statusWords(v.status))),
        col('Setting', (v) => v.setting),
        col('What', (v) => [v.description, concepts(v.reasons)].filter(Boolean).join(': ')),
        col('Clinician', (v) => v.clinician),
        col('Where', (v) => v.location),
      ],
    },
    {
      title: 'Care plans',
      path: ['patient', 'communityCarePlans'],
      source: 'communitySource',
      current: { history: 'Past care plans' },
      columns: [
        col('Plan', (p) => p.title ?? p.categories[0]?.text ?? p.categories[0]?.display ?? 'Untitled plan'),
        col('Status', (p) => (p.current ? `In force (${statusWords(p.status)})` : statusWords(p.status))),
        col('Activities', (p) => p.activities.map((a: { description?: string | null; status?: string | null }) => `${a.description ?? ''}${a.status ? ` (${statusWords(a.status)})` : ''}`).join('; ')),
        col('From', (p) => formatDate(p.start)),
        col('To', (p) => formatDate(p.end)),
      ],
    },
  ];
}

customElements.get('sfy-community') ?? customElements.define('sfy-community', CommunityPanel);
