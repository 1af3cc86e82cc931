import { CombinedDocumentsDocument, type CombinedDocumentsQuery } from '../generated/graphql';
import { RecordPanel, type Section } from './recordPanel';
import { col } from './columns';
import { statusWords } from './statusWords';
import { heldAtSource } from './documentText';
import { eachSourceSays, firstDate, sourcesCol, combinedSection } from './combinedColumns';

type Document = NonNullable<NonNullable<CombinedDocumentsQuery['patient']>['combinedDocuments']>['items'][number]['sources'][number];

/** The title, and the kind of document when the title does not already say it ("Clinic letter (Outpatient letter)"). */
const titled = (d: Document) => {
  const kind = d.type.text ?? d.type.display ?? '';
  return kind && !d.title.toLowerCase().includes(kind.toLowerCase()) ? `${d.title} (${kind})` : d.title;
};

/** A document's status: current ones "Current"; a superseded or otherwise replaced one says so. */
const documentStatus = (d: Document) => (d.current ? 'Current' : statusWords(d.status));

/**
 * <sfy-combined-documents nhs-number="..."> — fields in combinedDocuments.graphql. Every source's
 * documents and letters (the GP's, the hospital's discharge summaries, the mental health trust's and
 * community services' letters, the council's reports), each its own row naming its organisation,
 * never merged; current first, newest first, superseded ones apart. The text when the source sent
 * it, else where the document is held at the source, as the per-source documents panel shows it.
 */
export class CombinedDocumentsPanel extends RecordPanel<CombinedDocumentsQuery> {
  protected heading = 'Documents and letters';
  protected document = CombinedDocumentsDocument;
  protected sections: Section[] = [
    combinedSection('combinedDocuments', {
      title: 'Documents and letters',
      name: 'documents',
      current: { history: 'Superseded documents' },
      columns: [
        col('Date', (i) => firstDate(i, (s) => s.date)),
        col('Title', (i) => eachSourceSays(i, titled)),
        col('Content', (i) => eachSourceSays(i, (s: Document) => s.summary ?? heldAtSource(s))),
        col('Author', (i) => eachSourceSays(i, (s: Document) => s.author ?? s.custodian)),
        sourcesCol(documentStatus),
      ],
    }),
  ];
}

customElements.get('sfy-combined-documents') ?? customElements.define('sfy-combined-documents', CombinedDocumentsPanel);
