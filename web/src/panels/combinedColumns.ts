import { html, nothing } from 'lit';
import type { Column, Section } from './recordPanel';
import { col } from './columns';
import { formatDate } from './fhirTime';
import { disagreementWords, listStatementStatus, listStatementWords, sourceSummary, statusOfSources, type SourceItem } from './combinedWords';
import { sourceCodes, sourceNames, type ConceptValue } from './codedName';

/**
 * The columns every combined section shares: the item's name with the sources' disagreement said
 * beside it (in words, bold, with a border: never colour alone), its status in the sources' words,
 * and every source by organisation with its own status and "as of".
 */

interface Concept {
  display?: string | null;
  text?: string | null;
}

const named = (c: Concept | null | undefined) => c?.display ?? c?.text ?? '';

/** The item's name; when the sources disagree, the sentence saying who says what, under it. */
export const nameCol = (label: string, concept: (item: any) => Concept | null | undefined): Column => ({
  label,
  value: (item) => html`${named(concept(item))}${item.disagreement ? html`<p class="disagreement" data-role="disagreement">${disagreementWords(item.disagreement)}</p>` : nothing}`,
});

/**
 * The item's name in each source's own words (its text, else its first coding's display, never the
 * code system's display in its place), the disagreement under it, and the codes on demand: a
 * disclosure widget (keyboard: Tab to "Code", Enter or Space opens it) listing each code system and code.
 */
export const sourceNameCol = (label: string, concept: (source: any) => ConceptValue | null | undefined): Column => ({
  label,
  value: (item) => {
    const names = sourceNames(item.sources as any[], concept);
    const codes = sourceCodes(item.sources as any[], concept);
    const name = names.join('; ');
    return html`<span data-role="source-name">${name}</span>${item.disagreement ? html`<p class="disagreement" data-role="disagreement">${disagreementWords(item.disagreement)}</p>` : nothing}
      <details class="codes" data-role="codes"><summary>Code<span class="visually-hidden"> of ${name}</span></summary>
        ${codes.length
          ? html`<ul>${codes.map((c) => html`<li data-role="code">${c.system} ${c.code}${c.display && c.display !== name ? html` <span class="code-display">(${c.display})</span>` : nothing}</li>`)}</ul>`
          : html`<p data-role="code">No code: the source gave it as text only.</p>`}
      </details>`;
  },
});

/** The status in the sources' own words, once each. */
export const sourcesStatusCol = (statusOf: (source: any) => string): Column => ({ label: 'Status', value: (item) => statusOfSources(item.sources as SourceItem[], statusOf) });

/** Every source, by organisation, with its status and as-of. */
export const sourcesCol = (statusOf: (source: any) => string): Column => ({
  label: 'Sources',
  value: (item) => html`<ul class="sources" data-role="sources">${(item.sources as SourceItem[]).map((s) => html`<li>${sourceSummary(s, statusOf, formatDate)}</li>`)}</ul>`,
});

/** A value each source gives, once each (dosages, reactions): a difference between sources is never hidden. */
export const eachSourceSays = (item: { sources: any[] }, value: (source: any) => string | null | undefined) => [...new Set(item.sources.map(value).filter(Boolean))].join('; ');

/** The first source's date (items are one fact at one time). */
export const firstDate = (item: { sources: any[] }, date: (source: any) => string | null | undefined) => formatDate(item.sources.map(date).find(Boolean));

/**
 * A section of a combined list (`patient.<field>`): its items, and the sources not read named beside
 * them, never shown as nothing recorded. `section` says the rest (title, name, current, columns, ...).
 */
export function combinedSection(field: `combined${string}`, section: Omit<Section, 'path' | 'notRead'>): Section {
  return { ...section, path: ['patient', field, 'items'], notRead: ['patient', field, 'notRead'] };
}

/**
 * The statements a List sent empty because nothing is known makes ("No known problems", "No current
 * medications"): a section of their own beside the list, never rows of it, each with its source and
 * date and whether it still stands.
 */
export function listStatementSection(field: string, name: string, says: string): Section {
  return {
    title: `“${says}” statements`,
    name,
    path: ['patient', field, name],
    current: { history: 'Withdrawn statements' },
    columns: [
      col('Statement', (s) => listStatementWords(says, s)),
      col('Source', (s) => s.provenance.organisationName),
      col('Recorded', (s) => formatDate(s.recordedDate)),
      col('Status', listStatementStatus),
    ],
  };
}
