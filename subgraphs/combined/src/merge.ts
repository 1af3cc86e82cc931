import { conceptKeys, type Concept } from '@shareforyou/kit/src/catalogue/conceptKeys';
import { instantOf } from '@shareforyou/kit/src/slice/panels';

export { conceptKeys, type Concept };

/**
 * The same fact from several sources is one item that lists every source, with their statuses;
 * where they disagree the item says so and hides neither (issue #18.2, hazards H80-H82). Pure: the
 * combined record's sections call it with their section's rule.
 */

export interface SourceItem {
  id: string;
  current?: boolean | null;
  provenance: { odsCode: string; organisationName: string; lastUpdated?: string | null };
  [field: string]: unknown;
}

export interface MergedItem<T extends SourceItem> {
  id: string;
  current: boolean;
  disagreement: string | null;
  sources: T[];
}

/** How one section decides that two items are the same fact, and what each says of its status. */
export interface SectionRule<T extends SourceItem> {
  /** The coded concept that identifies the fact (an allergy's code, a medicine's medication). */
  conceptOf(item: T): Concept | null | undefined;
  /** Beyond the same code: the same time (a medicine over overlapping periods, a result at the same instant). */
  sameTime(a: T, b: T): boolean;
  /** The item's status in words, compared across sources: "active", "resolved", "refuted", ... */
  statusOf(item: T): string;
  /** The date that orders the section, newest first. */
  dateOf(item: T): unknown;
  /** The ids of items the source itself says are the same fact (a statement and the prescription it is based on): one item whatever their codes and times. */
  linked?(item: T): string[];
  /** The section's own words for a disagreement, in place of disagreementOf's. */
  disagreement?(sources: T[]): string | null;
}

/** Groups the items of every source into facts: the same code and the same time, transitively. */
export function mergeSameFacts<T extends SourceItem>(items: T[], rule: SectionRule<T>): Array<MergedItem<T>> {
  const parent = items.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const byKey = new Map<string, number[]>();
  const byId = new Map(items.map((item, i) => [item.id, i]));
  items.forEach((item, i) => {
    for (const id of rule.linked?.(item) ?? []) {
      const j = byId.get(id);
      if (j !== undefined && root(i) !== root(j)) parent[root(i)] = root(j);
    }
  });
  items.forEach((item, i) => {
    for (const key of conceptKeys(rule.conceptOf(item))) {
      for (const j of byKey.get(key) ?? []) if (root(i) !== root(j) && rule.sameTime(items[i], items[j])) parent[root(i)] = root(j);
      byKey.set(key, [...(byKey.get(key) ?? []), i]);
    }
  });
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), item]));
  const merged = [...groups.values()].map((sources) => ({
    id: sources[0].id,
    current: sources.some((s) => Boolean(s.current)),
    disagreement: rule.disagreement ? rule.disagreement(sources) : disagreementOf(sources, rule),
    sources,
  }));
  const newest = (m: MergedItem<T>) => Math.max(...m.sources.map((s) => instantOf(rule.dateOf(s))));
  return merged.sort((a, b) => Number(b.current) - Number(a.current) || newest(b) - newest(a) || (a.id < b.id ? -1 : 1));
}

/** "Sources disagree: active at Bury Central Medical Practice; resolved at Northern Care Alliance", or null. */
export function disagreementOf<T extends SourceItem>(sources: T[], rule: SectionRule<T>): string | null {
  const byStatus = new Map<string, Set<string>>();
  for (const source of sources) {
    const status = rule.statusOf(source);
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(source.provenance.organisationName));
  }
  if (byStatus.size < 2) return null;
  return `Sources disagree: ${[...byStatus].map(([status, organisations]) => `${status} at ${[...organisations].join(' and ')}`).join('; ')}`;
}

const DAY = 86_400_000;

/** Both times known and within `toleranceMs` of each other, or (when `unknownMatches`) either unknown. */
export function closeInTime(a: unknown, b: unknown, toleranceMs: number, unknownMatches: boolean): boolean {
  const [x, y] = [instantOf(a), instantOf(b)];
  if (x === -Infinity || y === -Infinity) return unknownMatches;
  return Math.abs(x - y) <= toleranceMs;
}

/** Two periods (an open end runs to now and beyond) share some time. */
export function periodsOverlap(a: { start?: unknown; end?: unknown }, b: { start?: unknown; end?: unknown }): boolean {
  const start = (p: { start?: unknown }) => instantOf(p.start);
  const end = (p: { end?: unknown }) => (instantOf(p.end) === -Infinity ? Infinity : instantOf(p.end));
  return start(a) <= end(b) && start(b) <= end(a);
}

export const sameDay = (a: unknown, b: unknown) => closeInTime(a, b, DAY - 1, false) && String(a).slice(0, 10) === String(b).slice(0, 10);
export const withinAYear = (a: unknown, b: unknown) => closeInTime(a, b, 365 * DAY, true);
