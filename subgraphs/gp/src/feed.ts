import { codingOf, dateOf, FHIR_STATUS, oneOf, optionalCodingOf, optionalDateOf, required, textOf, type SliceFeed } from '@shareforyou/kit';
import { gpPanels } from './panels';

/** The GP system's FHIR R4 feed (UK Core resources) -> the GP slice's panels. */
export const gpFeed: SliceFeed = {
  resources: {
    MedicationStatement: (r: fhir4.MedicationStatement) => {
      const status = oneOf(r.status, FHIR_STATUS.medicationStatement, 'MedicationStatement.status');
      return {
        panel: gpPanels.medications,
        fields: {
          medication: codingOf(r.medicationCodeableConcept, 'MedicationStatement.medicationCodeableConcept'),
          status,
          current: status === 'active' || status === 'on-hold',
          dosage: textOf(r.dosage?.[0]?.text),
          startDate: optionalDateOf(r.effectivePeriod?.start ?? r.effectiveDateTime, 'MedicationStatement.effective'),
          endDate: optionalDateOf(r.effectivePeriod?.end, 'MedicationStatement.effectivePeriod.end'),
        },
      };
    },
    AllergyIntolerance: (r: fhir4.AllergyIntolerance) => ({
      panel: gpPanels.allergies,
      fields: {
        code: codingOf(r.code, 'AllergyIntolerance.code'),
        reaction: textOf(
          r.reaction?.[0]?.manifestation?.map((m) => m.coding?.[0]?.display ?? m.text).filter(Boolean).join(', ') || r.reaction?.[0]?.description,
        ),
        criticality: r.criticality ?? null,
        recordedDate: optionalDateOf(r.recordedDate, 'AllergyIntolerance.recordedDate'),
      },
    }),
    Condition: (r: fhir4.Condition) => ({
      panel: gpPanels.problems,
      fields: {
        code: codingOf(r.code, 'Condition.code'),
        clinicalStatus: required(r.clinicalStatus?.coding?.[0]?.code, 'Condition.clinicalStatus'),
        onsetDate: optionalDateOf(r.onsetDateTime ?? r.onsetPeriod?.start, 'Condition.onset'),
      },
    }),
    Immunization: (r: fhir4.Immunization) => ({
      panel: gpPanels.immunisations,
      fields: {
        vaccine: codingOf(r.vaccineCode, 'Immunization.vaccineCode'),
        date: dateOf(r.occurrenceDateTime, 'Immunization.occurrenceDateTime'),
        status: required(r.status, 'Immunization.status'),
      },
    }),
    Encounter: (r: fhir4.Encounter) => ({
      panel: gpPanels.consultations,
      fields: {
        type: codingOf(r.type?.[0], 'Encounter.type'),
        reason: optionalCodingOf(r.reasonCode?.[0], 'Encounter.reasonCode'),
        date: dateOf(r.period?.start, 'Encounter.period.start'),
        clinician: textOf(r.participant?.[0]?.individual?.display, 200),
      },
    }),
  },
};
