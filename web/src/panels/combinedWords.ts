import { statusWords } from './statusWords';

/**
 * How a combined section (one item per fact, naming every source that holds it) is put into words.
 * Pure (no DOM), so each rule is unit-tested: every source named with its own status and "as of";
 * a source whose part is missing said as "Not available from <source>", never as nothing recorded
 * (clinical-safety H83); a disagreement between sources said in words, never in codes (H84).
 */

export interface Provenance {
  organisationName: string;
  lastUpdated?: string | null;
}

export interface SourceItem {
  current: boolean;
  provenance: Provenance;
}

export interface SourceNotRead {
  source: string;
  field: string;
  reason: string;
}

export interface Freshness {
  organisationNames: string[];
  lastUpdated?: string | null;
  readAt: string;
}

type DateWords = (value: string | null | undefined) => string;

/** One source of an item: "Bury Central Medical Practice: Confirmed, as of 5 Mar 2001". */
export function sourceSummary<T extends SourceItem>(source: T, statusOf: (item: T) => string, formatDate: DateWords): string {
  const status = statusOf(source);
  const asOf = formatDate(source.provenance.lastUpdated);
  return `${source.provenance.organisationName}: ${status || 'no status given'}${asOf ? `, as of ${asOf}` : ''}`;
}

/** The item's status: the sources' words, once each ("Confirmed"; "Active; Resolved" when they differ). */
export function statusOfSources<T>(sources: T[], statusOf: (item: T) => string): string {
  return [...new Set(sources.map(statusOf).filter(Boolean))].join('; ');
}

/** The server's disagreement sentence with any status code put into words ("on_hold at ..." -> "on hold at ..."). */
export function disagreementWords(sentence: string | null | undefined): string {
  if (!sentence) return '';
  return sentence.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (code) => statusWords(code).toLowerCase());
}

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text);

/**
 * The sources whose part of the section is missing, one line each (a source missing from two of the
 * section's fields, e.g. its allergies and its no-known-allergies statements, is named once).
 */
export function notReadLines(notRead: SourceNotRead[]): string[] {
  const bySource = new Map<string, string>();
  for (const n of notRead) if (!bySource.has(n.source)) bySource.set(n.source, n.reason);
  return [...bySource].map(([source, reason]) => `Not available from ${lowerFirst(source)}: ${reason}.`);
}

/** What a section with no items says: never "Nothing recorded" while a source's part is missing. */
export function emptyWords(options: { leftOut: number; notRead: number }): string {
  if (options.notRead) return options.leftOut ? 'Nothing current from the sources that were read; the part of the record not read is named above.' : 'None from the sources that were read; the part of the record not read is named above.';
  return options.leftOut ? 'Nothing current recorded.' : 'Nothing recorded.';
}

/**
 * The section's source line over several sources: each organisation that holds part of the record
 * with its own "as of" ("From A · as of 16 Sept 2026; B · as of 31 Oct 2026"). A source with no
 * organisation holding anything for this patient is not named.
 */
/** The freshness fields of the Patient, as people name the source. */
const SOURCE_FIELD_LABELS: Record<string, string> = {
  gpSource: 'the GP practice',
  acuteSource: 'the hospital',
  mentalHealthSource: 'the mental health trust',
  communitySource: 'community services',
  socialCareSource: 'council social care',
};

/**
 * The line under a one-source section: "From <organisation> · as of <date>"; with no source field,
 * the patient register; and when the source holds nothing about the patient, that it holds nothing
 * (never a bare "as of" today, which reads as a date the source confirmed).
 */
export function sourceLine(sourceField: string | undefined, freshness: Freshness | null | undefined, organisationsShown: string[], formatDate: DateWords): string {
  if (!sourceField) return 'From the patient register';
  if (!freshness) return '';
  const from = organisationsShown.length ? organisationsShown : freshness.organisationNames;
  if (from.length) return `From ${from.join(', ')} · as of ${formatDate(freshness.lastUpdated ?? freshness.readAt)}`;
  return `Nothing held from ${SOURCE_FIELD_LABELS[sourceField] ?? 'this source'} about this patient (checked ${formatDate(freshness.readAt)})`;
}

export function sourcesLine(freshnesses: Array<Freshness | null | undefined>, formatDate: DateWords): string {
  const parts = freshnesses
    .filter((f): f is Freshness => !!f && f.organisationNames.length > 0)
    .map((f) => `${f.organisationNames.join(', ')} · as of ${formatDate(f.lastUpdated ?? f.readAt)}`);
  return parts.length ? `From ${parts.join('; ')}` : '';
}

/** Which kinds of allergy a no-known-allergies statement covers, in words. */
/**
 * A List's "nothing known" statement (no known problems, no current medications) in words: what it
 * says, then which of the source's lists said it ("No known problems (list: Problems)").
 */
export function listStatementWords(says: string, s: { list?: { display?: string | null; text?: string | null } | null; title?: string | null }): string {
  const list = s.title ?? s.list?.text ?? s.list?.display;
  return list ? `${says} (list: ${list})` : says;
}

/** Whether a statement stands, in words: a retired List no longer says it. */
export const listStatementStatus = (s: { current: boolean }) => (s.current ? 'Stands' : 'Withdrawn (list retired)');

export function scopeWords(scope: string): string {
  return scope === 'all' ? 'All allergies' : `${statusWords(scope)} allergies`;
}
