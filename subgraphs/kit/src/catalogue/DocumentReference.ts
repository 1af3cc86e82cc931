import { codingOf, conceptsOf, dateOf, namesOf, oneOf, optionalDateOf, referenceDisplay, textOf, type BundleReferences } from '../ingest';
import type { ResourceMapping } from '../ingest';
import { attachmentsOf, attachmentText, peopleOf } from './documentParts';

/**
 * Letters and discharge summaries: DocumentReference (a document held at the source, titled and
 * linked; its text when sent as plain text) and Composition (a structured document, its sections
 * kept as sections and its tables as rows). A superseded document is not current; entered-in-error
 * never reaches here (the kit deletes it).
 */

export function documentReferenceMapping(panel: string): ResourceMapping {
  return (r: fhir4.DocumentReference, references: BundleReferences) => documentReferenceItem(panel, r, references);
}

function documentReferenceItem(panel: string, r: fhir4.DocumentReference, references: BundleReferences) {
  const type = codingOf(r.type, 'DocumentReference.type');
  const status = oneOf(r.status, ['current', 'superseded', 'entered-in-error'] as const, 'DocumentReference.status');
  const contents = (r.content ?? []).map((c) => c.attachment);
  const title = textOf(contents.find((a) => a?.title)?.title, 200) ?? textOf(r.description, 200) ?? type.display;
  const text = contents.map(attachmentText).find(Boolean) ?? null;
  return {
    panel,
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
