import { formatDate } from './fhirTime';
import { listStatementStatus, listStatementWords } from './combinedWords';

/**
 * Each source's "No known problems" / "No current medications" statements (a List sent empty because
 * nothing is known, H123) in its own panel, by source: one section per organisation, apart from that
 * organisation's items (never rows of them, H125), each statement with its list, date and whether it
 * still stands. Pure, so which fields and sources the sections read is unit-tested.
 */

/** A panel's Section (recordPanel.ts), said here without importing the element, so the unit tests load no DOM. */
export interface StatementSection {
  title: string;
  path: string[];
  source: string;
  current: { history: string };
  columns: Array<{ label: string; value: (statement: any) => unknown }>;
}

/** The organisations, in the panels' order: the field's prefix (the GP's has none), its freshness field, and how a title names it. */
const SOURCES = [
  { prefix: '', source: 'gpSource', who: 'GP' },
  { prefix: 'hospital', source: 'acuteSource', who: 'hospital' },
  { prefix: 'mentalHealth', source: 'mentalHealthSource', who: 'mental health' },
  { prefix: 'community', source: 'communitySource', who: 'community' },
  { prefix: 'socialCare', source: 'socialCareSource', who: 'social care' },
] as const;

/** `field` is the GP's (noKnownProblems); the others are its prefixed twins (hospitalNoKnownProblems, ...). */
export function listStatementSections(says: string, field: string): StatementSection[] {
  const columns = [
    { label: 'Statement', value: (s: any) => listStatementWords(says, s) },
    { label: 'Recorded', value: (s: any) => formatDate(s.recordedDate) },
    { label: 'Status', value: listStatementStatus },
  ];
  return SOURCES.map(({ prefix, source, who }) => ({
    title: `“${says}” statements (${who})`,
    path: ['patient', prefix ? `${prefix}${field[0].toUpperCase()}${field.slice(1)}` : field],
    source,
    current: { history: `Withdrawn statements (${who})` },
    columns,
  }));
}
