/// <reference types="fhir" />
import { codeableConcept, codeableConcepts, compact, fhirCode, patientReference, period, sourceResource, type SourceItem } from '../datatypes';

/**
 * DocumentReference from the catalogue's DischargeSummary (a discharge summary or letter, sent as a
 * DocumentReference or a Composition). Each attachment the source described is kept (its link to the
 * source, type, size); a document sent as text or as a Composition's sections carries that text as
 * a plain text attachment, so the words the clinician would read are in the answer.
 */

export const DOCUMENT_SELECTION =
  'id type { ...C } category { ...C } title date status docStatus current summary sections { title level text } attachments { title contentType language url size creation inline } authors custodian admitted discharged provenance { ...P }';

/** DocumentReference.date is an instant: a time to the second with its offset, else left out. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DOCUMENT_STATUSES = new Set(['current', 'superseded', 'entered-in-error']);
const COMPOSITION_STATUSES = new Set(['preliminary', 'final', 'amended', 'entered-in-error']);

/** The document's words as a reader meets them: its text, then each section's heading and text. */
export function documentText(item: SourceItem): string {
  const parts: string[] = [];
  if (item.summary) parts.push(item.summary);
  for (const section of (item.sections ?? []) as Array<{ title?: string | null; text?: string | null }>) {
    const part = [section.title, section.text].filter(Boolean).join('\n');
    if (part) parts.push(part);
  }
  return parts.join('\n\n');
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

function attachments(item: SourceItem): fhir4.DocumentReferenceContent[] {
  const text = documentText(item);
  const described: fhir4.DocumentReferenceContent[] = ((item.attachments ?? []) as SourceItem[]).map((a) => {
    // Plain text sent inline is in the summary: carried back as the attachment's data.
    const data = a.inline && /^text\/plain/.test(a.contentType ?? '') && item.summary ? base64(item.summary) : undefined;
    return { attachment: compact({ contentType: a.contentType ?? (data ? 'text/plain' : undefined), language: a.language, url: a.url, size: a.size ?? undefined, creation: a.creation, title: a.title, data }) };
  });
  const carriesText = described.some((c) => c.attachment.data);
  // Its creation is the document's date, kept here too when that date is not the instant DocumentReference.date needs.
  if (text && !carriesText) described.push({ attachment: compact({ contentType: 'text/plain; charset=utf-8', language: 'en-GB', title: item.title, data: base64(text), creation: item.date }) });
  // FHIR requires content: a document the record holds only by its title says so in the attachment's title.
  return described.length ? described : [{ attachment: { title: item.title ?? 'Document' } }];
}

/** DocumentReference.status: the source's when it sent a DocumentReference; a Composition's document is current unless superseded. */
export function documentStatus(item: SourceItem): fhir4.DocumentReference['status'] {
  const given = fhirCode(item.status);
  return (given && DOCUMENT_STATUSES.has(given) ? given : item.current ? 'current' : 'superseded') as fhir4.DocumentReference['status'];
}

export function documentReference(item: SourceItem, nhsNumber: string): fhir4.DocumentReference {
  const docStatus = item.docStatus ?? (item.status && COMPOSITION_STATUSES.has(item.status) ? item.status : undefined);
  return compact({
    ...sourceResource('DocumentReference', item, nhsNumber),
    status: documentStatus(item),
    docStatus: fhirCode(docStatus) as fhir4.DocumentReference['docStatus'],
    type: codeableConcept(item.type),
    category: codeableConcepts(item.category),
    subject: patientReference(nhsNumber),
    date: INSTANT.test(item.date ?? '') ? item.date : undefined,
    author: (item.authors ?? []).map((display: string) => ({ display })),
    custodian: item.custodian ? { display: item.custodian } : undefined,
    description: item.title,
    content: attachments(item),
    context: compact({ period: period(item.admitted, item.discharged) }),
  });
}
