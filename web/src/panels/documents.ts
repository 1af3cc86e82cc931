import { DocumentsDocument, type DocumentsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { statusWords } from './statusWords';
import { col } from './columns';
import { heldAtSource } from './documentText';

// Every source's documents and letters (the catalogue's DocumentReference / Composition) in the same columns: the text, else where it is held at the source.
const columns = [col('Date', (d: any) => formatDate(d.date)), col('Title', (d: any) => d.title), col('Summary', (d: any) => d.summary ?? heldAtSource(d)), col('Status', (d: any) => (d.current ? '' : statusWords(d.status))), col('Author', (d: any) => d.author)];

/** <sfy-documents nhs-number="..."> — fields in documents.graphql. Each source apart: the hospital's discharge summaries and letters, the GP's, the mental health trust's, community services' and the council's documents and letters. */
export class DocumentsPanel extends RecordPanel<DocumentsQuery> {
  protected heading = 'Documents and letters';
  protected document = DocumentsDocument;
  protected sections: Section[] = [
    { title: 'Discharge summaries and letters', path: ['patient', 'dischargeSummaries'], source: 'acuteSource', columns },
    { title: 'GP documents and letters', path: ['patient', 'gpDocuments'], source: 'gpSource', columns },
    { title: 'Mental health trust documents and letters', path: ['patient', 'mentalHealthDocuments'], source: 'mentalHealthSource', columns },
    { title: 'Community services documents and letters', path: ['patient', 'communityDocuments'], source: 'communitySource', columns },
    { title: 'Social care documents and reports', path: ['patient', 'socialCareDocuments'], source: 'socialCareSource', columns },
  ];
}

customElements.get('sfy-documents') ?? customElements.define('sfy-documents', DocumentsPanel);
