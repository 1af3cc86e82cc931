import { AllergiesDocument, type AllergiesQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';
import { allergyStatus, statusWords } from './statusWords';
import { scopeWords } from './combinedWords';

const allergyColumns = [col('Allergy', (a) => a.code.display), col('Status', allergyStatus), col('Reaction', (a) => a.reaction), col('Criticality', (a) => statusWords(a.criticality)), col('Recorded', (a) => formatDate(a.recordedDate))];
const statementColumns = [col('Statement', (s) => s.code.display ?? s.code.text), col('Covers', (s) => scopeWords(s.scope)), col('Recorded', (s) => formatDate(s.recordedDate)), col('Status', (s) => (s.current ? 'Stands' : `Withdrawn (${statusWords(s.verificationStatus === 'refuted' ? 'refuted' : s.clinicalStatus) || 'no longer current'})`))];

/**
 * <sfy-allergies nhs-number="..."> — fields in allergies.graphql. Each source apart (the GP's, the
 * hospital's, the mental health trust's, community services', the council's). Only allergies the record says are current (`current`) are listed as current
 * ("Unconfirmed" when suspected); resolved, inactive and refuted ones are history, saying which.
 * "No known allergies" statements are their own sections, never allergies.
 */
export class AllergiesPanel extends RecordPanel<AllergiesQuery> {
  protected heading = 'Allergies and adverse reactions';
  protected document = AllergiesDocument;
  protected sections: Section[] = [
    { title: 'Allergies and adverse reactions', path: ['patient', 'allergies'], source: 'gpSource', current: { history: 'Past and ruled-out allergies' }, columns: allergyColumns },
    { title: '“No known allergies” statements (GP)', path: ['patient', 'noKnownAllergies'], source: 'gpSource', current: { history: 'Withdrawn statements' }, columns: statementColumns },
    { title: 'Allergies recorded in hospital', path: ['patient', 'hospitalAllergies'], source: 'acuteSource', current: { history: 'Past and ruled-out allergies (hospital)' }, columns: allergyColumns },
    { title: '“No known allergies” statements (hospital)', path: ['patient', 'hospitalNoKnownAllergies'], source: 'acuteSource', current: { history: 'Withdrawn statements (hospital)' }, columns: statementColumns },
    { title: 'Allergies recorded by the mental health trust', path: ['patient', 'mentalHealthAllergies'], source: 'mentalHealthSource', current: { history: 'Past and ruled-out allergies (mental health)' }, columns: allergyColumns },
    { title: '“No known allergies” statements (mental health)', path: ['patient', 'mentalHealthNoKnownAllergies'], source: 'mentalHealthSource', current: { history: 'Withdrawn statements (mental health)' }, columns: statementColumns },
    { title: 'Allergies recorded by community services', path: ['patient', 'communityAllergies'], source: 'communitySource', current: { history: 'Past and ruled-out allergies (community)' }, columns: allergyColumns },
    { title: '“No known allergies” statements (community)', path: ['patient', 'communityNoKnownAllergies'], source: 'communitySource', current: { history: 'Withdrawn statements (community)' }, columns: statementColumns },
    { title: 'Allergies known to social care', path: ['patient', 'socialCareAllergies'], source: 'socialCareSource', current: { history: 'Past and ruled-out allergies (social care)' }, columns: allergyColumns },
    { title: '“No known allergies” statements (social care)', path: ['patient', 'socialCareNoKnownAllergies'], source: 'socialCareSource', current: { history: 'Withdrawn statements (social care)' }, columns: statementColumns },
  ];
}

customElements.get('sfy-allergies') ?? customElements.define('sfy-allergies', AllergiesPanel);
