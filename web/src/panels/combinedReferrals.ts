import { CombinedReferralsDocument, type CombinedReferralsQuery } from '../generated/graphql';
import { RecordPanel, type Section } from './recordPanel';
import { col } from './columns';
import { statusWords } from './statusWords';
import { eachSourceSays, firstDate, nameCol, sourcesCol, sourcesStatusCol, combinedSection } from './combinedColumns';

const status = (r: { status?: string | null }) => statusWords(r.status);

/**
 * <sfy-combined-referrals nhs-number="..."> — fields in combinedReferrals.graphql. Referrals and
 * requests from the GP, the hospital and the mental health trust, the same request written the same day once; open ones as
 * current, the rest (completed, revoked) in the history part with their status in words.
 */
export class CombinedReferralsPanel extends RecordPanel<CombinedReferralsQuery> {
  protected heading = 'Referrals and requests';
  protected document = CombinedReferralsDocument;
  protected sections: Section[] = [
    combinedSection('combinedReferrals', {
      title: 'Referrals and requests',
      name: 'referrals',
      current: { history: 'Closed referrals and requests' },
      columns: [
        nameCol('Referral or request', (r) => r.code),
        col('Priority', (r) => eachSourceSays(r, (s) => statusWords(s.priority))),
        col('To', (r) => eachSourceSays(r, (s) => (s.performers as string[] | undefined)?.join(', '))),
        sourcesStatusCol(status),
        col('Written', (r) => firstDate(r, (s) => s.authoredOn)),
        sourcesCol(status),
      ],
    }),
  ];
}

customElements.get('sfy-combined-referrals') ?? customElements.define('sfy-combined-referrals', CombinedReferralsPanel);
