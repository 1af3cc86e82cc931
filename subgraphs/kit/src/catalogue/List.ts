import { listKindOf } from '@shareforyou/schema/src/clinicalCodes';
import { codingOf, FHIR_CODE, FHIR_STATUS, NotStored, oneOf, optionalDateOf, optionalOneOf, type ResourceMapping } from '../ingest';

/**
 * FHIR R4 List, as GP Connect and the International Patient Summary send the allergies heading:
 * an allergies List (List.code in clinical-codes.yaml `lists.allergies`) that is empty because
 * nothing is known (`emptyReason` nilknown, list-empty-reason) is a NoKnownAllergies statement of
 * scope all, in the allergies' statements panel. Nothing else a List says is stored, and every
 * other List is answered "not stored" with a warning saying why (kit: NotStored):
 * - an allergies List empty for another reason (notasked, withheld, unavailable, notstarted,
 *   closed) is never "no known allergies": nobody asked, or it was kept back (H87);
 * - an allergies List with entries: its allergies come as their own AllergyIntolerance resources;
 * - a List of another kind (problems, medications): likewise, its entries are their own resources.
 * An allergies List that is not a nil-known statement withdraws the statement an earlier version
 * of it made (an allergy recorded since, or the answer withdrawn): never a stale "no known allergies".
 */

const EMPTY_REASON = 'http://terminology.hl7.org/CodeSystem/list-empty-reason';

export interface ListPanels {
  /** The panel of "no known allergies" statements */
  noKnownAllergies: string;
}

/** The List's emptyReason code in the list-empty-reason code system, if it has one. */
function emptyReasonOf(r: fhir4.List): string | null {
  return r.emptyReason?.coding?.find((c) => c.system === EMPTY_REASON && c.code)?.code ?? null;
}

export function listMapping(panels: ListPanels): ResourceMapping {
  return (r: fhir4.List) => {
    const status = oneOf(r.status, FHIR_STATUS.list, 'List.status');
    optionalOneOf(r.mode, FHIR_CODE.listMode, 'List.mode');
    if (listKindOf([r.code]) !== 'allergies') {
      throw new NotStored('only an allergies List that is empty because nothing is known is held here (a "no known allergies" statement); the entries of other lists are sent as their own resources');
    }
    const entries = (r.entry ?? []).filter((e) => !e.deleted);
    if (entries.length > 0) {
      throw new NotStored('an allergies List with entries: its allergies are held from their own AllergyIntolerance resources; any "no known allergies" this List stated before is withdrawn', true);
    }
    const reason = emptyReasonOf(r);
    if (reason !== 'nilknown') {
      throw new NotStored(
        `an empty allergies List whose emptyReason is ${reason ?? 'absent'}, not nilknown, is never a "no known allergies" statement (nobody asked, or it was withheld); any this List stated before is withdrawn`,
        true,
      );
    }
    return {
      panel: panels.noKnownAllergies,
      fields: {
        code: codingOf(r.emptyReason, 'List.emptyReason'),
        scope: 'all',
        current: status === 'current',
        clinicalStatus: null,
        verificationStatus: null,
        recordedDate: optionalDateOf(r.date, 'List.date'),
      },
    };
  };
}
