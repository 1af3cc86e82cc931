import { ProceduresDocument, type ProceduresQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';
import { statusWords } from './statusWords';

const columns = [
  col('Procedure', (p: any) => p.code.display ?? p.code.text),
  col('Status', (p: any) => `${statusWords(p.status)}${p.statusReason?.display ? `: ${p.statusReason.display}` : ''}`),
  col('Date', (p: any) => formatDate(p.performedDate)),
  col('Site', (p: any) => p.bodySite.map((b: { display?: string | null }) => b.display).filter(Boolean).join(', ')),
  col('Where', (p: any) => p.location),
];

/** <sfy-procedures nhs-number="..."> — fields in procedures.graphql. The GP's, the hospital's, the mental health trust's and community services' operations and procedures, each apart; under way ones current, the rest history saying their status. */
export class ProceduresPanel extends RecordPanel<ProceduresQuery> {
  protected heading = 'Operations and procedures';
  protected document = ProceduresDocument;
  protected sections: Section[] = [
    { title: 'Procedures recorded at the GP practice', path: ['patient', 'procedures'], source: 'gpSource', current: { history: 'Done, stopped and not done (GP)' }, columns },
    { title: 'Hospital operations and procedures', path: ['patient', 'hospitalProcedures'], source: 'acuteSource', current: { history: 'Done, stopped and not done (hospital)' }, columns },
    { title: 'Procedures by the mental health trust', path: ['patient', 'mentalHealthProcedures'], source: 'mentalHealthSource', current: { history: 'Done, stopped and not done (mental health)' }, columns },
    { title: 'Procedures by community services', path: ['patient', 'communityProcedures'], source: 'communitySource', current: { history: 'Done, stopped and not done (community)' }, columns },
  ];
}

customElements.get('sfy-procedures') ?? customElements.define('sfy-procedures', ProceduresPanel);
