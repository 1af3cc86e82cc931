import {
  conceptsOf,
  conceptText,
  currentPlaceOf,
  encounterCliniciansOf,
  encounterLocationsOf,
  encounterParticipantsOf,
  extensionValue,
  FHIR_STATUS,
  isCurrent,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  referencedConceptsOf,
  textOf,
  type BundleReferences,
  type MappedItem,
} from '../ingest';

/**
 * FHIR R4 Encounter (UK Core) -> a consultation, an admission, an A&E attendance, a visit: read
 * whole, once, for every organisation. Class and every type, the service, when, every reason
 * (reasonCode and the conditions reasonReference names, resolved), every participant with their
 * role, every location with its status, the episodes of care it was part of, and admission and
 * discharge as coded (with the UK Core admission, discharge and A&E outcome extensions).
 *
 * Where an encounter goes, and what the organisation's own type calls its times and place
 * (an admission's "admitted", a visit's "date"), is the subgraph's: it passes `panelOf`.
 */

const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/**
 * The v3 ActCode encounter classes of an inpatient stay (IMP inpatient encounter, ACUTE inpatient
 * acute, NONAC inpatient non-acute): where a slice files a stay apart from its other contacts (the
 * mental health trust's wards). Whether a stay forms a care relationship is not decided here but by
 * the kinds table (schema/organisation-kinds.yaml), whose hospital admission row names the same
 * classes (a unit test keeps the two equal).
 */
export const INPATIENT_ENCOUNTER_CLASSES = ['IMP', 'ACUTE', 'NONAC'] as const;
const UK_CORE = 'https://fhir.hl7.org.uk/StructureDefinition';

const extensionConcept = (value: unknown, path: string) => optionalCodingOf(value as fhir4.CodeableConcept | undefined, path);

function hospitalisationOf(r: fhir4.Encounter) {
  const h = r.hospitalization;
  const value = {
    admitSource: optionalCodingOf(h?.admitSource, 'Encounter.hospitalization.admitSource'),
    admissionMethod: extensionConcept(extensionValue(h, [`${UK_CORE}/Extension-UKCore-AdmissionMethod`]), 'Encounter.hospitalization.extension(AdmissionMethod)'),
    dischargeDisposition: optionalCodingOf(h?.dischargeDisposition, 'Encounter.hospitalization.dischargeDisposition'),
    dischargeMethod: extensionConcept(extensionValue(r, [`${UK_CORE}/Extension-UKCore-DischargeMethod`]), 'Encounter.extension(DischargeMethod)'),
    emergencyCareDischargeStatus: extensionConcept(extensionValue(r, [`${UK_CORE}/Extension-UKCore-EmergencyCareDischargeStatus`]), 'Encounter.extension(EmergencyCareDischargeStatus)'),
    outcomeOfAttendance: extensionConcept(extensionValue(r, [`${UK_CORE}/Extension-UKCore-OutcomeOfAttendance`]), 'Encounter.extension(OutcomeOfAttendance)'),
  };
  return Object.values(value).some(Boolean) ? value : null;
}

/** The source ids of the episodes of care the encounter was part of (Encounter.episodeOfCare), where the reference names one. */
function episodeSourceIdsOf(r: fhir4.Encounter, references: BundleReferences): string[] {
  return (r.episodeOfCare ?? []).flatMap((ref) => {
    const resolved = references.resolve(ref, r as never);
    if (resolved?.resourceType === 'EpisodeOfCare' && typeof resolved.id === 'string') return [resolved.id];
    const named = /(?:^|\/)EpisodeOfCare\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref.reference ?? '');
    return named ? [named[1]] : [];
  });
}

/** Everything an Encounter says, in the catalogue's names. */
export function encounterOf(r: fhir4.Encounter, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.encounter, 'Encounter.status');
  const classCode = textOf(r.class?.code, 64);
  const types = conceptsOf(r.type, 'Encounter.type');
  const reasons = [...conceptsOf(r.reasonCode, 'Encounter.reasonCode'), ...referencedConceptsOf(r.reasonReference, r, references, 'Encounter.reasonReference')];
  const locations = encounterLocationsOf(r, references);
  return {
    status,
    current: isCurrent('encounter', status),
    class: classCode ? { system: r.class.system ?? V3_ACT_CODE, code: classCode, display: textOf(r.class.display, 200) ?? classCode } : null,
    type: types,
    description: conceptText(r.type?.[0]),
    serviceType: optionalCodingOf(r.serviceType, 'Encounter.serviceType'),
    priority: optionalCodingOf(r.priority, 'Encounter.priority'),
    start: optionalDateOf(r.period?.start, 'Encounter.period.start'),
    end: optionalDateOf(r.period?.end, 'Encounter.period.end'),
    reason: reasons[0] ?? null,
    otherReasons: reasons.slice(1),
    reasons,
    clinician: encounterCliniciansOf(r, references),
    participants: encounterParticipantsOf(r, references),
    place: currentPlaceOf(locations),
    locations,
    hospitalisation: hospitalisationOf(r),
    admissionSource: conceptText(r.hospitalization?.admitSource),
    dischargeDestination: conceptText(r.hospitalization?.dischargeDisposition),
    episodeSourceIds: episodeSourceIdsOf(r, references),
  };
}

export type EncounterValue = ReturnType<typeof encounterOf>;

/** Where an encounter goes, and the organisation's own names for its times and place (added beside the catalogue's). */
export type EncounterPlacement = (encounter: EncounterValue) => { panel: string; names?: Record<string, unknown> };

export function encounterMapping(panelOf: EncounterPlacement) {
  return (r: fhir4.Encounter, references: BundleReferences): MappedItem => {
    const encounter = encounterOf(r, references);
    const { panel, names } = panelOf(encounter);
    return { panel, fields: { ...encounter, ...names } };
  };
}
