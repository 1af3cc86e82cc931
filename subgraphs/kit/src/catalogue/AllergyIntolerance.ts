import { noKnownAllergyScopeOf } from '@shareforyou/schema/src/clinicalCodes';
import {
  clinicalTimeOf,
  codingOf,
  conceptsOf,
  FHIR_CODE,
  optionalCodingOf,
  optionalDateOf,
  optionalOneOf,
  statusCodeOf,
  textOf,
  type ResourceMapping,
} from '../ingest';

/**
 * FHIR R4 AllergyIntolerance -> an allergy (every coding, reaction and status kept), or, when its
 * code states that there are no known allergies (clinical-codes.yaml noKnownAllergies), a
 * NoKnownAllergies statement in its own panel: a negation is never an allergy (H75).
 */

const CLINICAL = ['active', 'inactive', 'resolved'] as const;
const VERIFICATION = ['unconfirmed', 'confirmed', 'refuted', 'entered-in-error'] as const;
/** HL7's extension for when an allergy resolved (used by the International Patient Summary). */
const ABATEMENT = 'http://hl7.org/fhir/StructureDefinition/allergyintolerance-abatement';

export interface AllergyPanels {
  /** The panel of allergies and intolerances */
  allergies: string;
  /** The panel of "no known allergies" statements */
  noKnownAllergies: string;
}

/** The abatement extension's value[x] as a clinical time: a date-time, a period, an age or text. */
function abatementOf(r: fhir4.AllergyIntolerance) {
  const extension = r.extension?.find((e) => e.url === ABATEMENT);
  if (!extension) return null;
  return clinicalTimeOf({ ...extension, resourceType: 'AllergyIntolerance.extension(allergyintolerance-abatement)' }, 'value');
}

function reactionsOf(r: fhir4.AllergyIntolerance) {
  return (r.reaction ?? []).map((reaction, i) => ({
    substance: optionalCodingOf(reaction.substance, `AllergyIntolerance.reaction[${i}].substance`),
    manifestations: conceptsOf(reaction.manifestation, `AllergyIntolerance.reaction[${i}].manifestation`),
    description: textOf(reaction.description, 1000),
    severity: optionalOneOf(reaction.severity, FHIR_CODE.reactionSeverity, `AllergyIntolerance.reaction[${i}].severity`),
    onset: optionalDateOf(reaction.onset, `AllergyIntolerance.reaction[${i}].onset`),
    exposureRoute: optionalCodingOf(reaction.exposureRoute, `AllergyIntolerance.reaction[${i}].exposureRoute`),
  }));
}

export function allergyIntoleranceMapping(panels: AllergyPanels): ResourceMapping {
  return (r: fhir4.AllergyIntolerance) => {
    const clinicalStatus = statusCodeOf(r.clinicalStatus, CLINICAL, 'AllergyIntolerance.clinicalStatus');
    const verificationStatus = statusCodeOf(r.verificationStatus, VERIFICATION, 'AllergyIntolerance.verificationStatus');
    const current = clinicalStatus !== 'inactive' && clinicalStatus !== 'resolved' && verificationStatus !== 'refuted';
    const code = codingOf(r.code, 'AllergyIntolerance.code');
    const recordedDate = optionalDateOf(r.recordedDate, 'AllergyIntolerance.recordedDate');
    const scope = noKnownAllergyScopeOf([r.code]);
    if (scope) return { panel: panels.noKnownAllergies, fields: { code, scope, current, clinicalStatus, verificationStatus, recordedDate } };
    const reactions = reactionsOf(r);
    return {
      panel: panels.allergies,
      fields: {
        code,
        clinicalStatus,
        verificationStatus,
        current,
        type: r.type ?? null,
        category: r.category ?? [],
        criticality: optionalOneOf(r.criticality, FHIR_CODE.allergyCriticality, 'AllergyIntolerance.criticality'),
        reaction: textOf(reactions.map((x) => x.manifestations.map((m) => m.display).join(', ') || x.description).filter(Boolean).join('; ')),
        reactions,
        onset: clinicalTimeOf(r, 'onset'),
        lastOccurrence: optionalDateOf(r.lastOccurrence, 'AllergyIntolerance.lastOccurrence'),
        abatement: abatementOf(r),
        recordedDate,
      },
    };
  };
}
