import { CombinedMedicationAdministrationsDocument, type CombinedMedicationAdministrationsQuery } from '../generated/graphql';
import { RecordPanel, type Section } from './recordPanel';
import { col } from './columns';
import { administrationStatus } from './statusWords';
import { formatDateTime } from './fhirTime';
import { quantity } from './medicineText';
import { eachSourceSays, nameCol, sourcesCol, sourcesStatusCol, combinedSection } from './combinedColumns';

type Dose = NonNullable<NonNullable<CombinedMedicationAdministrationsQuery['patient']>['combinedMedicationAdministrations']>['items'][number]['sources'][number];

/** The dose and route given: the clinician's words, else the amount; the route and any rate beside it. */
const doseAndRoute = (s: Dose) => {
  const d = s.dosage;
  if (!d) return '';
  return [d.text ?? (d.dose ? quantity(d.dose) : ''), d.route?.text ?? d.route?.display, d.rate && `at ${d.rate}`].filter(Boolean).join(', ');
};

/** When: the moment given (or due, for a dose not given), or from when to when for an infusion. */
const when = (s: Dose) => (s.effectiveEnd ? `${formatDateTime(s.effective)} to ${formatDateTime(s.effectiveEnd)}` : formatDateTime(s.effective));

/**
 * <sfy-combined-medication-administrations nhs-number="..."> — fields in
 * combinedMedicationAdministrations.graphql. Every source's medicines given (a mental health trust's
 * depot injection, a district nurse's enoxaparin, home care's insulin), each dose its own row naming
 * its organisation: newest first (one being given first of all). Its status is in words in its own
 * column: a dose not given reads "Not given" with why, never as given (clinical-safety H62).
 */
export class CombinedMedicationAdministrationsPanel extends RecordPanel<CombinedMedicationAdministrationsQuery> {
  protected heading = 'Medicines given';
  protected document = CombinedMedicationAdministrationsDocument;
  protected sections: Section[] = [
    combinedSection('combinedMedicationAdministrations', {
      title: 'Medicines given',
      name: 'medicationAdministrations',
      columns: [
        nameCol('Medicine', (i) => i.medication),
        col('Dose and route', (i) => eachSourceSays(i, doseAndRoute)),
        col('When', (i) => eachSourceSays(i, when)),
        sourcesStatusCol(administrationStatus),
        col('Who', (i) => eachSourceSays(i, (s: Dose) => s.performers.map((p) => p.actor).filter(Boolean).join(', '))),
        sourcesCol(administrationStatus),
      ],
    }),
  ];
}

customElements.get('sfy-combined-medication-administrations') ?? customElements.define('sfy-combined-medication-administrations', CombinedMedicationAdministrationsPanel);
