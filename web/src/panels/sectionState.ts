import { failureReason, problemAt, type CareRecordResult } from '../client/gateway';

/**
 * What one section of a panel can truthfully say about its part of the record. Pure (no DOM), so
 * the rule is unit-tested: "Nothing recorded" only when the request was answered, the section's
 * field came back, and no error touches it. Anything else (no answer, an error page, no answer in
 * time, an error at or above the field, a field missing from the answer) is "Could not load",
 * never an empty list: an empty allergy list reads as "no allergies" (clinical-safety H14, H61).
 */
export type SectionState =
  | { kind: 'could-not-load'; reason: string }
  /** Not this role's to see; or, with `restrictedRecord`, withheld from everyone because the patient's record is restricted (or, `restrictionUnknown`, may be). */
  | { kind: 'restricted'; restrictedRecord?: boolean; restrictionUnknown?: boolean }
  | { kind: 'unavailable'; source?: string; failed: boolean }
  | { kind: 'nothing-recorded' }
  | { kind: 'listed'; items: any[]; unreadable: number };

const at = (data: unknown, path: string[]) => path.reduce<any>((value, key) => (value == null ? undefined : value[key]), data);

export function sectionState(result: CareRecordResult<object>, path: string[]): SectionState {
  const { data, errors, failure } = result;
  // The request got no GraphQL answer: nothing about the patient is known.
  if (failure && !data) return { kind: 'could-not-load', reason: failureReason(failure) };
  const problem = problemAt(errors, path);
  if (problem?.kind === 'forbidden') {
    if (!problem.restrictedRecord) return { kind: 'restricted' };
    return problem.restrictionUnknown ? { kind: 'restricted', restrictedRecord: true, restrictionUnknown: true } : { kind: 'restricted', restrictedRecord: true };
  }
  if (problem?.kind === 'unavailable' || problem?.kind === 'failed') return { kind: 'unavailable', source: problem.source, failed: problem.kind === 'failed' };
  if (problem?.kind === 'error') return { kind: 'could-not-load', reason: `the record service answered with an error: ${problem.message}` };
  const value = at(data, path);
  // Absent (not null): the answer did not reach this field (no data, or a parent left out); an error without a path says why.
  if (value === undefined) {
    const why = errors.find((e) => !e.path)?.message;
    return { kind: 'could-not-load', reason: why ? `the record service answered with an error: ${why}` : 'the answer from the record service did not include it' };
  }
  const items: any[] = value === null ? [] : Array.isArray(value) ? value : [value];
  const unreadable = problem?.kind === 'unreadable' ? problem.count : 0;
  return items.length || unreadable ? { kind: 'listed', items, unreadable } : { kind: 'nothing-recorded' };
}

/** A section title inside a sentence: "Allergies and reactions" -> "allergies and reactions"; "A&E attendances" stays. */
const inSentence = (title: string) => (/^[A-Z][a-z ]/.test(title) ? title[0].toLowerCase() + title.slice(1) : title);

/** The words a section shows when it has no list to show. */
export function sectionWords(state: Exclude<SectionState, { kind: 'listed' }>, title: string, sourceLabel: (source?: string) => string | undefined): string {
  switch (state.kind) {
    case 'could-not-load':
      return `Could not load ${inSentence(title)}: ${state.reason}. What is recorded is unknown; this is not "nothing recorded".`;
    case 'restricted':
      // Never "nothing recorded" and never "your role": the source holds it, and shows it to nobody (H130).
      if (!state.restrictedRecord) return 'Restricted for your role.';
      return state.restrictionUnknown
        ? 'Withheld: whether this record is restricted is not known yet (the patient’s demographics have not come since it was asked), so where the patient lives and how to reach them are shown to nobody until it is.'
        : 'Withheld: this is a restricted record, so where the patient lives and how to reach them are shown to nobody.';
    case 'unavailable': {
      const from = sourceLabel(state.source) ?? 'the source';
      return `${state.failed ? `Could not be read from ${from} just now (the source answered with an error).` : `Not available from ${from} just now.`} The rest of the record is shown.`;
    }
    case 'nothing-recorded':
      return 'Nothing recorded.';
  }
}

/**
 * Which items a section lists as current and which in its history part. With `current` set, only
 * items the record marks current = true are current (never the source's status text: an active
 * medicine whose course has ended is current = false); the rest are history, or left out of a summary.
 */
export function currentAndHistory<T extends { current?: boolean | null }>(items: T[], options: { current?: { history: string | 'left out' }; filter?: (item: T) => boolean; limit?: number }): { current: T[]; history: T[]; leftOut: number } {
  const kept = options.filter ? items.filter(options.filter) : items;
  let current = options.current ? kept.filter((i) => i.current === true) : kept;
  const past = options.current ? kept.filter((i) => i.current !== true) : [];
  if (options.limit) current = current.slice(0, options.limit);
  const leftOut = options.current?.history === 'left out';
  return { current, history: leftOut ? [] : past, leftOut: leftOut ? past.length : 0 };
}
