import { AdvanceDecisionsDocument, type AdvanceDecisionsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';
import { advanceDecisionStatus } from './statusWords';
import { advanceDecisionName, advanceDecisionProvision } from './advanceDecisionText';

const columns = [
  col('Decision', (a: any) => advanceDecisionName(a)),
  col('Refuses or permits', (a: any) => advanceDecisionProvision(a)),
  col('Status', (a: any) => advanceDecisionStatus(a)),
  col('Made', (a: any) => formatDate(a.dateTime)),
  col('Made with', (a: any) => (a.performers ?? []).join(', ')),
];

/**
 * <sfy-advance-decisions nhs-number="..."> — fields in advanceDecisions.graphql. Each source apart: the
 * GP's, the hospital's, the mental health trust's, community services' and the council's advance
 * decisions (FHIR Consent as an advance directive: a refusal of treatment, a ReSPECT form). Only those
 * the record says are in force (`current`) are listed as current; withdrawn, ended or never agreed ones
 * are in each section's history part, saying which.
 */
export class AdvanceDecisionsPanel extends RecordPanel<AdvanceDecisionsQuery> {
  protected heading = 'Advance decisions';
  protected document = AdvanceDecisionsDocument;
  protected sections: Section[] = [
    { title: 'GP advance decisions', path: ['patient', 'advanceDecisions'], source: 'gpSource', current: { history: 'GP advance decisions no longer in force' }, columns },
    { title: 'Hospital advance decisions', path: ['patient', 'hospitalAdvanceDecisions'], source: 'acuteSource', current: { history: 'Hospital advance decisions no longer in force' }, columns },
    { title: 'Mental health trust advance decisions', path: ['patient', 'mentalHealthAdvanceDecisions'], source: 'mentalHealthSource', current: { history: 'Mental health trust advance decisions no longer in force' }, columns },
    { title: 'Community services advance decisions', path: ['patient', 'communityAdvanceDecisions'], source: 'communitySource', current: { history: 'Community services advance decisions no longer in force' }, columns },
    { title: 'Social care advance decisions', path: ['patient', 'socialCareAdvanceDecisions'], source: 'socialCareSource', current: { history: 'Social care advance decisions no longer in force' }, columns },
  ];
}

customElements.get('sfy-advance-decisions') ?? customElements.define('sfy-advance-decisions', AdvanceDecisionsPanel);
