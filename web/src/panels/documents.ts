import { DocumentsDocument, type DocumentsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { statusWords } from './statusWords';
import { col } from './columns';
import { heldAtSource } from './documentText';


/** <sfy-documents nhs-number="..."> — fields in documents.graphql. */
export class DocumentsPanel extends RecordPanel<DocumentsQuery> {
  protected heading = 'Documents and letters';
  protected document = DocumentsDocument;
  protected sections: Section[] = [
    { title: 'Discharge summaries and letters', path: ['patient', 'dischargeSummaries'], source: 'acuteSource', columns: [col('Date', (d) => formatDate(d.date)), col('Title', (d) => d.title), col('Summary', (d) => d.summary ?? heldAtSource(d)), col('Status', (d) => (d.current ? '' : statusWords(d.status))), col('Author', (d) => d.author)] },
  ];
}

customElements.get('sfy-documents') ?? customElements.define('sfy-documents', DocumentsPanel);
