import { listKindOf, type ListKind } from '@shareforyou/schema/src/clinicalCodes';
import { codingOf, FHIR_CODE, FHIR_STATUS, NotStored, oneOf, optionalDateOf, optionalOneOf, textOf, type BundleReferences, type ResourceMapping } from '../ingest';

/**
 * FHIR R4 List, as GP Connect and the International Patient Summary send a heading of the record:
 * an allergies, problems or medications List (List.code in clinical-codes.yaml `lists`) that is
 * empty because nothing is known (`emptyReason` nilknown, list-empty-reason) is a statement about
 * the patient, in its own panel, never an item of the list it negates:
 * - the allergies List: a NoKnownAllergies statement of scope all (H87);
 * - the problems List: a NoKnownProblems statement, "no known problems" (H123);
 * - the medications List: a NoCurrentMedications statement, "no current medications" (H123).
 * Nothing else a List says is stored, and every other List is answered "not stored" with a warning
 * saying why (kit: NotStored):
 * - one of these Lists empty for another reason (notasked, withheld, unavailable, notstarted,
 *   closed, or none given) is never a statement: nobody asked, or it was kept back;
 * - one of these Lists with entries: the entries are taken individually, each from its own
 *   resource (an AllergyIntolerance, a Condition, a MedicationStatement or MedicationRequest) in
 *   the same bundle, answered in its own entry; the warning says how many were in the bundle;
 * - a List of another kind: likewise, its entries are their own resources.
 * One of these Lists that is not a nil-known statement withdraws the statement an earlier version
 * of it made (an item recorded since, or the answer withdrawn): never a stale "nothing known".
 */

const EMPTY_REASON = 'http://terminology.hl7.org/CodeSystem/list-empty-reason';

export interface ListPanels {
  /** The panel of "no known allergies" statements */
  noKnownAllergies: string;
  /** The panel of "no known problems" statements */
  noKnownProblems: string;
  /** The panel of "no current medications" statements */
  noCurrentMedications: string;
}

type StatedList = Exclude<ListKind, 'other'>;

/** What each kind of List states when empty because nothing is known, and where its entries come from. */
const STATED_LISTS: Record<StatedList, { panel: keyof ListPanels; name: string; statement: string; entriesFrom: string }> = {
  allergies: { panel: 'noKnownAllergies', name: 'allergies', statement: '"no known allergies"', entriesFrom: 'AllergyIntolerance' },
  problems: { panel: 'noKnownProblems', name: 'problems', statement: '"no known problems"', entriesFrom: 'Condition' },
  medications: { panel: 'noCurrentMedications', name: 'medications', statement: '"no current medications"', entriesFrom: 'MedicationStatement or MedicationRequest' },
};

/** The List's emptyReason code in the list-empty-reason code system, if it has one. */
function emptyReasonOf(r: fhir4.List): string | null {
  return r.emptyReason?.coding?.find((c) => c.system === EMPTY_REASON && c.code)?.code ?? null;
}

/** Why a List with entries is not stored: the entries are taken one by one, and how many of them this bundle holds. */
function entriesTakenIndividually(kind: StatedList, r: fhir4.List, entries: fhir4.ListEntry[], references: BundleReferences): string {
  const { name, statement, entriesFrom } = STATED_LISTS[kind];
  if (kind === 'allergies') {
    // Kept word for word: senders already read this answer (H87).
    return `an allergies List with entries: its allergies are held from their own ${entriesFrom} resources; any ${statement} this List stated before is withdrawn`;
  }
  const inBundle = entries.filter((e) => references.resolve(e.item, r as never) !== null).length;
  const elsewhere = entries.length - inBundle;
  const count = (n: number) => (n === 1 ? '1 entry' : `${n} entries`);
  return (
    `a ${name} List with entries is not stored as a list: its entries are taken individually, each from its own ${entriesFrom} resource ` +
    `(${count(inBundle)} of ${entries.length} in this bundle, each answered in its own entry` +
    (elsewhere ? `; ${count(elsewhere)} not in this bundle, not stored from this List: send each as its own resource` : '') +
    `); any ${statement} this List stated before is withdrawn`
  );
}

export function listMapping(panels: ListPanels): ResourceMapping {
  return (r: fhir4.List, references: BundleReferences) => {
    const status = oneOf(r.status, FHIR_STATUS.list, 'List.status');
    optionalOneOf(r.mode, FHIR_CODE.listMode, 'List.mode');
    const kind = listKindOf([r.code]);
    if (kind === 'other') {
      throw new NotStored(
        'only an allergies, problems or medications List that is empty because nothing is known is held here (a "no known allergies", "no known problems" or "no current medications" statement); the entries of other lists are sent as their own resources',
      );
    }
    const { name, statement, panel } = STATED_LISTS[kind];
    const entries = (r.entry ?? []).filter((e) => !e.deleted);
    if (entries.length > 0) throw new NotStored(entriesTakenIndividually(kind, r, entries, references), true);
    const reason = emptyReasonOf(r);
    if (reason !== 'nilknown') {
      throw new NotStored(
        `an empty ${name} List whose emptyReason is ${reason ?? 'absent'}, not nilknown, is never a ${statement} statement (nobody asked, or it was withheld); any this List stated before is withdrawn`,
        true,
      );
    }
    const said = {
      code: codingOf(r.emptyReason, 'List.emptyReason'),
      current: status === 'current',
      recordedDate: optionalDateOf(r.date, 'List.date'),
    };
    if (kind === 'allergies') {
      return { panel: panels.noKnownAllergies, fields: { code: said.code, scope: 'all', current: said.current, clinicalStatus: null, verificationStatus: null, recordedDate: said.recordedDate } };
    }
    return { panel: panels[panel], fields: { ...said, list: codingOf(r.code, 'List.code'), title: textOf(r.title, 300) } };
  };
}
