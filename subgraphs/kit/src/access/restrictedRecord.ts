import { careRecordError, ErrorCode } from '../errors';
import type { PatientAccessRecord } from './accessRecords';

/**
 * A restricted record (clinical safety H130, H165): the demographics source marks the patient's
 * record restricted (PDS's sensitive flag, Patient.meta.security R or V: someone fleeing domestic
 * abuse), and where the patient lives and how to reach them are then shown to nobody, whatever the
 * role, break-glass included. The registry withholds the patient's own address, phone and contacts
 * from its index; every organisation's relatives (next of kin, nearest relatives, carers: FHIR
 * RelatedPerson) are withheld here, by the kit's field rules, since a relative's address or phone
 * leads straight to the patient.
 *
 * The flag comes from the patient's access record (accessRecords `restriction`), which the registry
 * writes with the demographics and every subgraph already reads to decide who may open the record:
 * no extra read. A record whose flag is not known (no demographics stored since it was kept) is
 * withheld too: fail closed.
 */

export type Restriction = 'restricted' | 'not-restricted' | 'unknown';

export function restrictionOf(record: PatientAccessRecord | null | undefined): Restriction {
  const restricted = record?.restriction?.restricted;
  if (typeof restricted !== 'boolean') return 'unknown';
  return restricted ? 'restricted' : 'not-restricted';
}

/** Shown only when the record is known not to be restricted. */
export const restrictionWithholds = (restriction: Restriction): boolean => restriction !== 'not-restricted';

/**
 * The catalogue types that say who the patient's relatives are and how to reach them (FHIR
 * RelatedPerson: `Carer`, with name, phone and relationship), whichever organisation holds them.
 */
export const RELATIVES_TYPES: ReadonlySet<string> = new Set(['Carer']);

/** Whether a restricted record withholds this field from everyone: a patient's list of relatives, at any organisation. */
export function withheldFromRestrictedRecord(parentType: string, fieldType: string): boolean {
  return parentType === 'Patient' && RELATIVES_TYPES.has(fieldType);
}

const WHAT = {
  contacts: 'where the patient lives and how to reach them',
  relatives: "the patient's relatives and how to reach them, which would lead to where the patient lives,",
};

/**
 * The refusal for a field a restricted record withholds: FORBIDDEN_FIELD, `reason: restricted-record`
 * (the viewer says "Withheld: this is a restricted record"), audited as a denial. `unknown`: the flag
 * could not be read, so the field is withheld as if restricted, and the message says so.
 */
export function restrictedRecordError(field: string, category: string, options: { what?: keyof typeof WHAT; restriction?: Restriction } = {}) {
  const { what = 'contacts', restriction = 'restricted' } = options;
  const message =
    restriction === 'unknown'
      ? `Withheld: whether this record is restricted is not known yet (the patient's demographics have not been received since the flag was kept), so ${WHAT[what]} (${field}) are shown to nobody until it is.`
      : `Withheld: this is a restricted record, so ${WHAT[what]} (${field}) are shown to nobody.`;
  return careRecordError(ErrorCode.FORBIDDEN_FIELD, message, { field, category, reason: 'restricted-record', ...(restriction === 'unknown' ? { restriction } : {}) });
}
