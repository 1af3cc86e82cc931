import { codingOf, conceptsOf, dateOf, FeedProblem, namesOf, oneOf, optionalCodingOf, optionalDateOf, referenceDisplay, referencedConceptOf, literalReference, textOf, type BundleReferences } from '../ingest';
import type { ResourceMapping } from '../ingest';
import { peopleOf } from './documentParts';
import { narrativeOf, tableText, type NarrativeTable } from './narrative';

interface SectionValue {
  title: string | null;
  code: ReturnType<typeof optionalCodingOf>;
  level: number;
  text: string | null;
  tables: NarrativeTable[];
  entries: SectionEntry[];
}

/** An item a section lists (Composition.section.entry): its type and source id when it resolves, and its name. */
export interface SectionEntry {
  resourceType: string | null;
  sourceId: string | null;
  name: string | null;
}

/** What an entry names: the resource in the bundle (or contained) it resolves to, else its literal Type/id, with its code's name or display. */
function entryOf(ref: fhir4.Reference, from: fhir4.Composition, references: BundleReferences, path: string): SectionEntry {
  const target = references.resolve(ref, from as never) as { resourceType?: string; id?: string } | null;
  const literal = literalReference(ref.reference);
  const name = referencedConceptOf(ref, from, references, path);
  return {
    resourceType: target?.resourceType ?? literal?.resourceType ?? textOf(ref.type, 64),
    sourceId: target?.id ?? literal?.id ?? null,
    name: name?.text ?? name?.display ?? null,
  };
}

/**
 * Letters and discharge summaries: DocumentReference (a document held at the source, titled and
 * linked; its text when sent as plain text) and Composition (a structured document, its sections
 * kept as sections and its tables as rows). A superseded document is not current; entered-in-error
 * never reaches here (the kit deletes it).
 */

/** Every section, nested ones after their parent with a deeper level, in the author's order. */
function sectionsOf(sections: fhir4.CompositionSection[] | undefined, level: number, path: string, from: fhir4.Composition, references: BundleReferences): SectionValue[] {
  return (sections ?? []).flatMap((s, i) => {
    const narrative = narrativeOf(s.text?.div);
    const entries = (s.entry ?? []).map((ref, j) => entryOf(ref, from, references, `${path}[${i}].entry[${j}]`));
    const own: SectionValue = { title: textOf(s.title, 200), code: optionalCodingOf(s.code, `${path}[${i}].code`), level, text: narrative.text, tables: narrative.tables, entries };
    return [own, ...sectionsOf(s.section, level + 1, `${path}[${i}].section`, from, references)];
  });
}

export function compositionMapping(panel: string): ResourceMapping {
  return (r: fhir4.Composition, references: BundleReferences) => compositionItem(panel, r, references);
}

function compositionItem(panel: string, r: fhir4.Composition, references: BundleReferences) {
  const sections = sectionsOf(r.section, 1, 'Composition.section', r, references);
  const whole = narrativeOf(r.text?.div);
  const summaryParts = sections.length
    ? sections.map((s) => [s.title, s.text, ...s.tables.map(tableText), ...s.entries.map((e) => e.name)].filter(Boolean).join('\n'))
    : [whole.text, ...whole.tables.map(tableText)];
  const summary = textOf(summaryParts.filter(Boolean).join('\n\n'), 20000);
  if (!summary) throw new FeedProblem('Composition.section', 'Composition needs sections with a title or narrative, or a narrative of its own (Composition.text)');
  const type = codingOf(r.type, 'Composition.type');
  const status = oneOf(r.status, ['preliminary', 'final', 'amended'] as const, 'Composition.status');
  const event = r.event?.[0]?.period;
  return {
    panel,
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
