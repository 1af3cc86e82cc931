import { codingOf, conceptsOf, dateOf, FeedProblem, namesOf, ODS_SYSTEM, oneOf, optionalCodingOf, optionalDateOf, referenceDisplay, textOf, type BundleReferences } from '@shareforyou/kit/src/ingest';
import { acutePanels } from '../panels';
import { narrativeOf, tableText, type NarrativeTable } from './narrative';

/**
 * Letters and discharge summaries: DocumentReference (a document held at the source, titled and
 * linked; its text when sent as plain text) and Composition (a structured document, its sections
 * kept as sections and its tables as rows). A superseded document is not current; entered-in-error
 * never reaches here (the kit deletes it).
 */

export interface AttachmentValue {
  title: string;
  contentType: string | null;
  language: string | null;
  url: string | null;
  size: number | null;
  creation: string | null;
  inline: boolean;
}

/** Attachments named and linked; inline bytes are never kept here (text/plain is read into the summary). */
export function attachmentsOf(attachments: fhir4.Attachment[] | undefined, fallbackTitle: string): AttachmentValue[] {
  return (attachments ?? []).map((a, i) => ({
    title: textOf(a.title, 200) ?? fallbackTitle,
    contentType: textOf(a.contentType, 100),
    language: textOf(a.language, 20),
    url: textOf(a.url, 2000),
    size: typeof a.size === 'number' ? a.size : null,
    creation: optionalDateOf(a.creation, `attachment[${i}].creation`),
    inline: typeof a.data === 'string',
  }));
}

/** The text of a plain-text attachment (inline base64 data). */
function attachmentText(attachment: fhir4.Attachment | undefined): string | null {
  if (!attachment?.data || !(attachment.contentType ?? 'text/plain').startsWith('text/plain')) return null;
  return Buffer.from(attachment.data, 'base64').toString('utf8');
}

/** The people an author list names (not the organisations, which are the custodian's business). */
function peopleOf(authors: fhir4.Reference[] | undefined, from: any, references: BundleReferences): string | null {
  const people = (authors ?? []).filter((a) => a.identifier?.system !== ODS_SYSTEM && a.type !== 'Organization' && !/(^|\/)Organization\//.test(a.reference ?? ''));
  return textOf(namesOf(people, from, references).join(', '), 500);
}

export function documentReferenceMapping(r: fhir4.DocumentReference, references: BundleReferences) {
  const type = codingOf(r.type, 'DocumentReference.type');
  const status = oneOf(r.status, ['current', 'superseded', 'entered-in-error'] as const, 'DocumentReference.status');
  const contents = (r.content ?? []).map((c) => c.attachment);
  const title = textOf(contents.find((a) => a?.title)?.title, 200) ?? textOf(r.description, 200) ?? type.display;
  const text = contents.map(attachmentText).find(Boolean) ?? null;
  return {
    panel: acutePanels.dischargeSummaries,
    fields: {
      type,
      category: conceptsOf(r.category, 'DocumentReference.category'),
      title,
      date: dateOf(r.date ?? contents.find((a) => a?.creation)?.creation, 'DocumentReference.date'),
      status,
      docStatus: r.docStatus ? oneOf(r.docStatus, ['preliminary', 'final', 'amended'] as const, 'DocumentReference.docStatus') : null,
      current: status === 'current',
      summary: textOf(text ?? r.description, 20000),
      sections: [],
      attachments: attachmentsOf(contents, title),
      author: peopleOf(r.author, r, references),
      authors: namesOf(r.author, r, references),
      custodian: referenceDisplay(r.custodian, r as never, references),
      admitted: optionalDateOf(r.context?.period?.start, 'DocumentReference.context.period.start'),
      discharged: optionalDateOf(r.context?.period?.end, 'DocumentReference.context.period.end'),
    },
  };
}

interface SectionValue {
  title: string | null;
  code: ReturnType<typeof optionalCodingOf>;
  level: number;
  text: string | null;
  tables: NarrativeTable[];
}

/** Every section, nested ones after their parent with a deeper level, in the author's order. */
function sectionsOf(sections: fhir4.CompositionSection[] | undefined, level: number, path: string): SectionValue[] {
  return (sections ?? []).flatMap((s, i) => {
    const narrative = narrativeOf(s.text?.div);
    const own: SectionValue = { title: textOf(s.title, 200), code: optionalCodingOf(s.code, `${path}[${i}].code`), level, text: narrative.text, tables: narrative.tables };
    return [own, ...sectionsOf(s.section, level + 1, `${path}[${i}].section`)];
  });
}

export function compositionMapping(r: fhir4.Composition, references: BundleReferences) {
  const sections = sectionsOf(r.section, 1, 'Composition.section');
  const whole = narrativeOf(r.text?.div);
  const summaryParts = sections.length
    ? sections.map((s) => [s.title, s.text, ...s.tables.map(tableText)].filter(Boolean).join('\n'))
    : [whole.text, ...whole.tables.map(tableText)];
  const summary = textOf(summaryParts.filter(Boolean).join('\n\n'), 20000);
  if (!summary) throw new FeedProblem('Composition.section', 'Composition needs sections with a title or narrative, or a narrative of its own (Composition.text)');
  const type = codingOf(r.type, 'Composition.type');
  const status = oneOf(r.status, ['preliminary', 'final', 'amended'] as const, 'Composition.status');
  const event = r.event?.[0]?.period;
  return {
    panel: acutePanels.dischargeSummaries,
    fields: {
      type,
      category: conceptsOf(r.category, 'Composition.category'),
      title: textOf(r.title, 200) ?? type.display,
      date: dateOf(r.date, 'Composition.date'),
      status,
      docStatus: status,
      // A Composition has no "superseded": a newer version replaces this item by version.
      current: true,
      summary,
      sections: sections.length ? sections : [{ title: null, code: null, level: 1, text: whole.text, tables: whole.tables }],
      attachments: [],
      author: peopleOf(r.author, r, references),
      authors: namesOf(r.author, r, references),
      custodian: referenceDisplay(r.custodian, r as never, references),
      admitted: optionalDateOf(event?.start, 'Composition.event.period.start'),
      discharged: optionalDateOf(event?.end, 'Composition.event.period.end'),
    },
  };
}
