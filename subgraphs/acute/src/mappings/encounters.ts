import {
  conceptsOf,
  conceptText,
  currentPlaceOf,
  dateOf,
  encounterCliniciansOf,
  encounterLocationsOf,
  encounterParticipantsOf,
  extensionValue,
  FHIR_STATUS,
  isCurrent,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  required,
  textOf,
  type BundleReferences,
} from '@shareforyou/kit/src/ingest';
import { encounterClassesOf } from '@shareforyou/schema';
import { acutePanels } from '../panels';

/**
 * Encounter -> an admission, an A&E attendance or another hospital encounter, by its class as the
 * table of organisation kinds names them (schema/organisation-kinds.yaml); kept whole: class and
 * type, every participant with their role, every location with its status, admission and
 * discharge as coded (with the UK Core admission and discharge method extensions).
 */

const INPATIENT_CLASSES = encounterClassesOf('acute-trust', 'admission');
const EMERGENCY_CLASSES = encounterClassesOf('acute-trust', 'attendance');
const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const UK_CORE = 'https://fhir.hl7.org.uk/StructureDefinition';

const concept = (value: unknown, path: string) => optionalCodingOf(value as fhir4.CodeableConcept | undefined, path);

function hospitalisationOf(r: fhir4.Encounter) {
  const h = r.hospitalization;
  const value = {
    admitSource: optionalCodingOf(h?.admitSource, 'Encounter.hospitalization.admitSource'),
    admissionMethod: concept(extensionValue(h, [`${UK_CORE}/Extension-UKCore-AdmissionMethod`]), 'Encounter.hospitalization.extension(AdmissionMethod)'),
    dischargeDisposition: optionalCodingOf(h?.dischargeDisposition, 'Encounter.hospitalization.dischargeDisposition'),
    dischargeMethod: concept(extensionValue(r, [`${UK_CORE}/Extension-UKCore-DischargeMethod`]), 'Encounter.extension(DischargeMethod)'),
    emergencyCareDischargeStatus: concept(extensionValue(r, [`${UK_CORE}/Extension-UKCore-EmergencyCareDischargeStatus`]), 'Encounter.extension(EmergencyCareDischargeStatus)'),
    outcomeOfAttendance: concept(extensionValue(r, [`${UK_CORE}/Extension-UKCore-OutcomeOfAttendance`]), 'Encounter.extension(OutcomeOfAttendance)'),
  };
  return Object.values(value).some(Boolean) ? value : null;
}

export function encounterMapping(r: fhir4.Encounter, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.encounter, 'Encounter.status');
  const classCode = required(textOf(r.class?.code, 64), 'Encounter.class.code');
  const encounterClass = { system: r.class.system ?? V3_ACT_CODE, code: classCode, display: textOf(r.class.display, 200) ?? classCode };
  const reasons = conceptsOf(r.reasonCode, 'Encounter.reasonCode');
  const [reason = null, ...otherReasons] = reasons;
  const locations = encounterLocationsOf(r, references);
  const place = currentPlaceOf(locations);
  const participants = encounterParticipantsOf(r, references);
  const clinicians = encounterCliniciansOf(r, references);
  const hospitalisation = hospitalisationOf(r);
  const common = {
    status,
    current: isCurrent('encounter', status),
    class: encounterClass,
    type: conceptsOf(r.type, 'Encounter.type'),
    locations,
    participants,
    hospitalisation,
  };
  const disposition = conceptText(r.hospitalization?.dischargeDisposition);

  if (EMERGENCY_CLASSES.includes(classCode)) {
    return {
      panel: acutePanels.aeAttendances,
      fields: {
        ...common,
        arrival: dateOf(r.period?.start, 'Encounter.period.start'),
        departure: optionalDateOf(r.period?.end, 'Encounter.period.end'),
        reason,
        otherReasons,
        department: place,
        clinician: clinicians,
        outcome: disposition,
      },
    };
  }
  if (INPATIENT_CLASSES.includes(classCode)) {
    return {
      panel: acutePanels.admissions,
      fields: {
        ...common,
        admitted: dateOf(r.period?.start, 'Encounter.period.start'),
        discharged: optionalDateOf(r.period?.end, 'Encounter.period.end'),
        reason,
        otherReasons,
        specialty: optionalCodingOf(r.serviceType, 'Encounter.serviceType'),
        ward: place,
        consultant: clinicians,
        admissionSource: conceptText(r.hospitalization?.admitSource),
        dischargeDestination: disposition,
      },
    };
  }
  return {
    panel: acutePanels.otherEncounters,
    fields: {
      ...common,
      specialty: optionalCodingOf(r.serviceType, 'Encounter.serviceType'),
      start: optionalDateOf(r.period?.start, 'Encounter.period.start'),
      end: optionalDateOf(r.period?.end, 'Encounter.period.end'),
      reasons,
    },
  };
}
