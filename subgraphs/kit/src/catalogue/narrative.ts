import { parseDocument, DomUtils } from 'htmlparser2';

/**
 * FHIR narrative (XHTML) as a clinician reads it: the text with its line breaks, and each table
 * kept row by row (a discharge summary's medication table must not run together into one line).
 * Parsed by htmlparser2, not by regular expressions.
 */

/** Rows as objects, not nested arrays: the document store (FerretDB) cannot hold arrays of arrays. */
export interface NarrativeTable {
  rows: Array<{ cells: string[] }>;
}

export interface Narrative {
  text: string | null;
  tables: NarrativeTable[];
}

type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { name: string; attribs: unknown }>;

const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'hr']);

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function rowsOf(table: Element): NarrativeTable['rows'] {
  return DomUtils.getElementsByTagName('tr', table)
    .map((tr) => tr.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th')).map((cell) => oneLine(DomUtils.textContent(cell))))
    .filter((cells) => cells.length > 0)
    .map((cells) => ({ cells }));
}

export function narrativeOf(xhtml: string | undefined, maxLength = 20000): Narrative {
  if (!xhtml) return { text: null, tables: [] };
  const parts: string[] = [];
  const tables: NarrativeTable[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.data);
      else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        if (node.name === 'table') {
          tables.push({ rows: rowsOf(node) });
          parts.push('\n');
          continue;
        }
        if (BLOCK.has(node.name)) parts.push('\n');
        walk(node.children);
        if (BLOCK.has(node.name)) parts.push('\n');
      }
    }
  };
  walk(parseDocument(xhtml, { decodeEntities: true }).children);
  const text = parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\r]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .slice(0, maxLength);
  return { text: text || null, tables };
}

/** A table as one line per row, cells joined, for a one-line summary. */
export function tableText(table: NarrativeTable): string {
  return table.rows.map((row) => row.cells.join(': ')).join('\n');
}
