import { CombinedProceduresDocument, type CombinedProceduresQuery } from '../generated/graphql';
import { RecordPanel, type Section } from './recordPanel';
import { col } from './columns';
import { statusWords } from './statusWords';
import { eachSourceSays, firstDate, nameCol, sourcesCol, sourcesStatusCol, combinedSection } from './combinedColumns';

const status = (p: { status: string }) => statusWords(p.status);

/** <sfy-combined-procedures nhs-number="..."> — fields in combinedProcedures.graphql. Operations and procedures from the GP and the hospital, the same procedure on the same day once; under way ones current, done ones history. */
export class CombinedProceduresPanel extends RecordPanel<CombinedProceduresQuery> {
  protected heading = 'Operations and procedures';
  protected document = CombinedProceduresDocument;
  protected sections: Section[] = [
    combinedSection('combinedProcedures', {
      title: 'Operations and procedures',
      name: 'procedures',
      current: { history: 'Done, stopped and not done' },
      columns: [nameCol('Procedure', (p) => p.code), sourcesStatusCol(status), col('Date', (p) => firstDate(p, (s) => s.performedDate)), col('Site', (p) => eachSourceSays(p, (s) => s.bodySite.map((b: { display?: string }) => b.display).join(', '))), sourcesCol(status)],
    }),
  ];
}

customElements.get('sfy-combined-procedures') ?? customElements.define('sfy-combined-procedures', CombinedProceduresPanel);
