import { namesOf, ODS_SYSTEM, optionalDateOf, textOf, type BundleReferences } from '../ingest';


/** What a document held at the source (DocumentReference) and a structured one (Composition) share: attachments named and linked, authors by name. */

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
export function attachmentText(attachment: fhir4.Attachment | undefined): string | null {
  if (!attachment?.data || !(attachment.contentType ?? 'text/plain').startsWith('text/plain')) return null;
  return Buffer.from(attachment.data, 'base64').toString('utf8');
}

/** The people an author list names (not the organisations, which are the custodian's business). */
export function peopleOf(authors: fhir4.Reference[] | undefined, from: any, references: BundleReferences): string | null {
  const people = (authors ?? []).filter((a) => a.identifier?.system !== ODS_SYSTEM && a.type !== 'Organization' && !/(^|\/)Organization\//.test(a.reference ?? ''));
  return textOf(namesOf(people, from, references).join(', '), 500);
}
