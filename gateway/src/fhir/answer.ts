import type { SourceItem } from './datatypes';
import { COMBINED_FIELDS, type CombinedFieldName, type CombinedItem } from './sections';

/**
 * What one GraphQL answer says about one combined section: its items, and every part that is
 * missing and why. A section (or one source's part of it) that is not in the answer is withheld
 * when the error at its path is FORBIDDEN_FIELD (the user's role may not see it), and unavailable
 * otherwise (its source did not answer, failed, or could not be audited). Never "nothing recorded".
 */

export interface AnswerError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

export interface GraphQLAnswer {
  data?: { patient?: Record<string, any> | null } | null;
  errors?: ReadonlyArray<AnswerError>;
}

export type MissingReason = 'withheld' | 'unavailable';

export interface MissingPart {
  /** The source in words (the combined record's notRead.source), or the section's label when the whole section is missing. */
  source: string;
  field: string;
  reason: MissingReason;
  /** The error code that said so (FORBIDDEN_FIELD, SOURCE_UNAVAILABLE, ...); UNKNOWN when the answer named none. */
  code: string;
}

export interface SectionAnswer {
  field: CombinedFieldName;
  label: string;
  /** False when the combined section itself is missing: then `missing` holds one part, the section. */
  present: boolean;
  items: CombinedItem[];
  missing: MissingPart[];
  /** The section as answered, for what a section holds beyond items (no-known-allergies statements). */
  raw: Record<string, any> | null;
}

/**
 * The error a field of the patient came back with: at its path (patient.<field>), else a source's
 * failure that names the field among the paths it cost (SOURCE_UNAVAILABLE, SOURCE_FAILED carry no
 * path of their own; the gateway lists what the failed fetch cost in extensions.paths).
 */
export function errorAt(answer: GraphQLAnswer, field: string): AnswerError | undefined {
  const errors = answer.errors ?? [];
  return (
    errors.find((e) => e.path?.length === 2 && e.path[0] === 'patient' && e.path[1] === field) ??
    errors.find((e) => Array.isArray(e.extensions?.paths) && (e.extensions.paths as string[]).some((p) => p === `patient.${field}` || p.endsWith(`.${field}`) || p === field))
  );
}

export function errorCode(error: AnswerError | undefined): string {
  return typeof error?.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN';
}

function missingReason(code: string): MissingReason {
  return code === 'FORBIDDEN_FIELD' ? 'withheld' : 'unavailable';
}

export function sectionAnswer(answer: GraphQLAnswer, field: CombinedFieldName): SectionAnswer {
  const label = COMBINED_FIELDS[field].label;
  const raw = answer.data?.patient?.[field] as Record<string, any> | null | undefined;
  if (!raw) {
    const code = errorCode(errorAt(answer, field));
    return { field, label, present: false, items: [], missing: [{ source: label, field, reason: missingReason(code), code }], raw: null };
  }
  const missing = ((raw.notRead ?? []) as Array<{ source: string; field: string }>).map((notRead) => {
    const code = errorCode(errorAt(answer, notRead.field));
    return { source: notRead.source, field: notRead.field, reason: missingReason(code), code };
  });
  return { field, label, present: true, items: (raw.items ?? []) as CombinedItem[], missing, raw };
}

/**
 * Why a part with no entries is empty (http://terminology.hl7.org/CodeSystem/list-empty-reason):
 * withheld when anything of it is withheld from this user, unavailable when a source did not
 * answer, nilknown only when every source answered and none holds anything.
 */
export function emptyReasonOf(missing: MissingPart[]): 'withheld' | 'unavailable' | 'nilknown' {
  if (missing.some((m) => m.reason === 'withheld')) return 'withheld';
  if (missing.length > 0) return 'unavailable';
  return 'nilknown';
}

/** Every source item of the kept combined items, in the section's order. */
export function sourceItemsOf(items: CombinedItem[]): Array<{ item: SourceItem; combined: CombinedItem }> {
  return items.flatMap((combined) => (combined.sources ?? []).map((item) => ({ item, combined })));
}

/** Every source item of an answered section: a section of items never merged (encounters) holds them itself. */
export function sectionSourceItems(section: SectionAnswer): SourceItem[] {
  if (COMBINED_FIELDS[section.field].flat) return section.items as unknown as SourceItem[];
  return sourceItemsOf(section.items).map(({ item }) => item);
}
