import { readableDate } from '../readableDate';
import { instantOf as instant } from '../slice/panels';
import { conceptKeys, type Concept } from './conceptKeys';

/**
 * A statement and the prescription it is based on are one medicine (clinical safety H180-H182).
 *
 * GP extracts and UK Core send a medicine twice: the MedicationRequest (the authorisation, the
 * issues) and a MedicationStatement whose `basedOn` names it (the course, as the practice
 * summarises it). Listed as two items, a clinician reads two medicines: a possible double dose.
 *
 * The rule, decided here once and used by every slice's medicines list and the combined record:
 *
 * 1. **Paired**: a statement and a request are one course when the statement's `basedOn` names the
 *    request (its item id, so the same organisation), the request is in the same list, and both are
 *    the same medicine (a code in common; when neither is coded, the same words). A `basedOn` to a
 *    request this record does not hold, or to a different medicine, pairs nothing: both items stay
 *    as they were. A statement based on two prescriptions is one course of three entries.
 * 2. **Nothing dropped**: every entry stays an item with its own status, dates and dosage lines;
 *    each names the others (`sameMedicineAs`) and lists show them together.
 * 3. **Current is the newer word**: the statement's word (current or not, as the record reads it:
 *    its status and its period) against the prescriptions' word (current when any of them is), and
 *    the one the source changed last (`meta.lastUpdated`) decides; on a tie the statement does, as
 *    the course's summary. A newer "stopped" statement ends an "active" prescription; a newer
 *    stopped prescription ends an older "active" statement.
 * 4. **Said, never silent**: where the entries differ on current, `courseDisagreement` says who
 *    says what and which decided; an entry the course ends is not current (never the other way
 *    round: no entry is made current against its own status).
 */

export interface CourseEntry {
  id: string;
  kind?: string | null;
  status?: string | null;
  current?: boolean | null;
  medication?: Concept | null;
  basedOn?: string[] | null;
  provenance: { odsCode: string; organisationName?: string | null; lastUpdated?: string | null };
}

export interface MedicineCourse<T extends CourseEntry> {
  /** Every entry, the statement(s) first. One entry: a medicine paired with nothing. */
  entries: T[];
  /** The course's reading: current or not. */
  current: boolean;
  /** The entry whose word decided (the newer); for one entry, itself. */
  decidedBy: T;
  /** Who says what where the entries differ on current, and which decided; null when they agree. */
  disagreement: string | null;
}

/** The codes of a medicine (every coding), or its words when it has none. */
function medicineKeys(c: Concept | null | undefined): { codes: string[]; words: string | null } {
  const words = (c?.text ?? c?.display ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  return { codes: conceptKeys(c), words: words || null };
}

/** The same medicine: a code in common; when neither is coded, the same words. Different medicines are never one course. */
export function sameMedicine(a: Concept | null | undefined, b: Concept | null | undefined): boolean {
  const [x, y] = [medicineKeys(a), medicineKeys(b)];
  if (x.codes.length && y.codes.length) return x.codes.some((k) => y.codes.includes(k));
  if (!x.codes.length && !y.codes.length) return Boolean(x.words) && x.words === y.words;
  return false;
}

const isStatement = (e: CourseEntry) => e.kind !== 'request';
const words = (status: string | null | undefined) => String(status ?? 'no status').replace(/[-_]/g, ' ');
const asOf = (e: CourseEntry) => readableDate(e.provenance.lastUpdated) ?? 'no date';
/** A medicine's statuses that read as current (FHIR codes and their GraphQL names). */
export const CURRENT_MEDICINE_STATUSES = new Set(['active', 'on-hold', 'on_hold']);
const reading = (current: boolean) => (current ? 'current' : 'not current');

function decide<T extends CourseEntry>(entries: T[]): Omit<MedicineCourse<T>, 'entries'> {
  const newest = (list: T[]) => list.reduce((a, b) => (instant(b.provenance.lastUpdated) > instant(a.provenance.lastUpdated) ? b : a));
  const statements = entries.filter(isStatement);
  const requests = entries.filter((e) => !isStatement(e));
  if (!statements.length || !requests.length) {
    const only = newest(entries);
    return { current: entries.some((e) => Boolean(e.current)), decidedBy: only, disagreement: null };
  }
  const statement = newest(statements);
  const currentRequests = requests.filter((r) => r.current);
  const request = currentRequests.length ? newest(currentRequests) : newest(requests);
  const requestsCurrent = currentRequests.length > 0;
  const requestNewer = instant(request.provenance.lastUpdated) > instant(statement.provenance.lastUpdated);
  const decidedBy = requestNewer ? request : statement;
  const current = requestNewer ? requestsCurrent : Boolean(statement.current);
  // Overruled: an entry current on its own that the course ends, or a statement the course keeps
  // current against its word. A finished prescription beside a course that goes on is no
  // disagreement: an authorisation ran its course (both statuses are still listed).
  const disagree = entries.some((e) => (Boolean(e.current) && !current) || (isStatement(e) && !e.current && current));
  if (!disagree) return { current, decidedBy, disagreement: null };
  // "active, not current": a status that reads current whose period the record has seen end.
  const say = (e: T) => `${words(e.status)}${!e.current && CURRENT_MEDICINE_STATUSES.has(String(e.status)) ? ', not current' : ''}, as of ${asOf(e)}`;
  const theStatement = `the statement (${say(statement)})`;
  const thePrescriptions = requests.length === 1 ? `the prescription it is based on (${say(requests[0])})` : `the prescriptions it is based on (${requests.map(say).join('; ')})`;
  const decider = requestNewer ? 'the prescription is newer and decides' : instant(request.provenance.lastUpdated) === instant(statement.provenance.lastUpdated) ? 'the statement, as the course’s summary, decides' : 'the statement is newer and decides';
  return {
    current,
    decidedBy,
    disagreement: `${statement.provenance.organisationName ?? statement.provenance.odsCode} records one medicine twice and they differ: ${theStatement}, ${thePrescriptions}; ${decider}: ${reading(current)}`,
  };
}

/** Every item of a list in exactly one course, in the list's order of each course's first entry. */
export function medicineCourses<T extends CourseEntry>(items: T[]): Array<MedicineCourse<T>> {
  const index = new Map(items.map((item, i) => [item.id, i]));
  const parent = items.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  items.forEach((statement, i) => {
    if (!isStatement(statement)) return;
    for (const id of statement.basedOn ?? []) {
      const j = index.get(id);
      if (j === undefined || j === i) continue;
      const request = items[j];
      if (isStatement(request) || request.provenance.odsCode !== statement.provenance.odsCode) continue;
      if (!sameMedicine(statement.medication, request.medication)) continue;
      parent[root(i)] = root(j);
    }
  });
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), item]));
  return [...groups.values()].map((group) => {
    const entries = [...group.filter(isStatement), ...group.filter((e) => !isStatement(e))];
    return { entries, ...decide(entries) };
  });
}

/**
 * A list's items as the record reads them: each entry of a course names the others
 * (`sameMedicineAs`), carries the course's disagreement, and is current only when both it and its
 * course are (an entry is never made current against its own word). A course's entries are listed
 * together: current courses first, each where its first entry was in the list's order.
 */
export function withMedicineCourses<T extends CourseEntry>(items: T[]): Array<T & { sameMedicineAs: string[]; courseDisagreement: string | null }> {
  const courses = medicineCourses(items);
  return [...courses.filter((c) => c.current), ...courses.filter((c) => !c.current)].flatMap((course) =>
    course.entries.map((entry) => ({
      ...entry,
      current: Boolean(entry.current) && course.current,
      sameMedicineAs: course.entries.filter((e) => e !== entry).map((e) => e.id),
      courseDisagreement: course.disagreement,
    })),
  );
}
