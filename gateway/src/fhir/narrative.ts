/// <reference types="fhir" />
import type { MissingPart } from './answer';

/**
 * The words of a section (Composition.section.text): what is there, from whom and as of when,
 * where the sources disagree, and what is missing and why. FHIR narrative is XHTML: only p, ul
 * and li here, every text escaped.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXhtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export function narrative(paragraphs: string[], list: string[] = []): fhir4.Narrative {
  const items = list.map((li) => `<li>${escapeXhtml(li)}</li>`).join('');
  const body = paragraphs.map((p) => `<p>${escapeXhtml(p)}</p>`).join('') + (items ? `<ul>${items}</ul>` : '');
  return { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${body}</div>` };
}

/** What a missing part means, for people: never to be read as nothing recorded. */
export function missingWords(missing: MissingPart): string {
  return missing.reason === 'withheld'
    ? `Withheld: ${missing.source} (${missing.field}) is not shown because your role may not see it.`
    : `Not available: ${missing.source} (${missing.field}) did not answer (${missing.code}); its items are missing from this summary. Do not read this as nothing recorded.`;
}

export const EMPTY_WORDS = {
  nilknown: 'Nothing recorded: every source answered and none holds anything for this section.',
  withheld: 'Withheld: your role may not see this section, or part of it; it is not empty.',
  unavailable: 'Not available: a source did not answer, so this section may be incomplete; it is not known to be empty.',
} as const;
