/// <reference types="fhir" />
import { randomUUID } from 'node:crypto';
import { emptyReasonOf, sectionAnswer, sourceItemsOf, type GraphQLAnswer, type MissingPart } from './answer';
import { fhirCode, organisationProvenance, patientReference, words, type Provenance as ItemProvenance, type SourceItem } from './datatypes';
import { EMPTY_WORDS, missingWords, narrative } from './narrative';
import { patient as patientResource } from './resources/Patient';
import { COMBINED_FIELDS, IPS_SECTIONS, LOINC, type CombinedItem, type IpsSection, type SectionPart } from './sections';

/**
 * GET /fhir/Patient/{nhsNumber}/$summary: the combined record as an International Patient Summary
 * document Bundle. A Composition with the IPS sections, one resource per source item (each with
 * its own statuses, as its source gave them, and meta.source naming the organisation), one
 * Provenance per contributing organisation ("as of"), and every section present: with its entries,
 * or with an emptyReason that says why it is empty (withheld, unavailable, nilknown). Pure.
 */

export const EMPTY_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/list-empty-reason';
const EMPTY_REASON_DISPLAY = { nilknown: 'Nil Known', withheld: 'Information Withheld', unavailable: 'Unavailable' } as const;
const PATIENT_SUMMARY = { system: LOINC, code: '60591-5', display: 'Patient summary Document' };

export interface DocumentOptions {
  nhsNumber: string;
  /** The FHIR base URL clients use, e.g. https://record.example/fhir, for fullUrl. */
  baseUrl: string;
  now?: Date;
  id?: string;
}

type Resource = fhir4.FhirResource & { id: string };

/** Who holds an item, and when the organisation's part was last changed, for its Provenance. */
interface Contributor {
  provenance: ItemProvenance;
  targets: string[];
  asOf: string;
}

const conceptOf = (item: SourceItem) => item.code ?? item.medication ?? item.vaccine ?? item.device ?? item.scope ?? item.relationship ?? (item.title ? { text: item.title } : null);

function statusWords(item: SourceItem): string {
  return [item.clinicalStatus, item.verificationStatus, item.status].filter(Boolean).map((s: string) => fhirCode(s)).join(', ') || 'no status given';
}

/** A statement and the prescription it is based on (sameMedicineAs): said to be one medicine, never read as two (H182). */
const pairWords = (item: SourceItem) =>
  (item.sameMedicineAs as string[] | undefined)?.length ? `, the ${item.kind === 'request' ? 'prescription' : 'statement'} of one medicine recorded as a statement and the prescription it is based on` : '';

function itemLine(item: SourceItem, combined: CombinedItem): string {
  const line = `${words(conceptOf(item))}: ${statusWords(item)} at ${item.provenance.organisationName}${pairWords(item)} (as of ${item.provenance.lastUpdated})`;
  return combined.disagreement && combined.sources[0] === item ? `${line}. ${combined.disagreement}` : line;
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** Each organisation's "as of": the latest change received from it for this patient (the sources' freshness), else its newest item here. */
function freshnessByOrganisation(patient: Record<string, any>): Map<string, string> {
  const asOf = new Map<string, string>();
  for (const value of Object.values(patient)) {
    if (!value || typeof value !== 'object' || !Array.isArray(value.organisations) || !value.lastUpdated) continue;
    for (const ods of value.organisations as string[]) asOf.set(ods, latest(asOf.get(ods), value.lastUpdated)!);
  }
  return asOf;
}

interface BuiltPart {
  title: string;
  entries: Resource[];
  /** The source item each entry was made from, in the same order. */
  items: SourceItem[];
  lines: string[];
  missing: MissingPart[];
  extraWords: string[];
}

function buildPart(answer: GraphQLAnswer, part: SectionPart, nhsNumber: string): BuiltPart {
  const section = sectionAnswer(answer, part.field);
  const kept = section.items.filter((item) => (part.keep ? part.keep(item) : true));
  const pairs = sourceItemsOf(kept);
  const build = COMBINED_FIELDS[part.field].build;
  const extraWords: string[] = [];
  if (part.field === 'combinedAllergies' && section.raw) {
    for (const statement of (section.raw.noKnownAllergies ?? []) as SourceItem[]) {
      extraWords.push(`${statement.provenance.organisationName} records “${words(statement.code)}” (${statement.current ? 'current' : 'no longer current'}, ${statement.recordedDate ?? statement.provenance.lastUpdated}).`);
    }
    extraWords.push(...((section.raw.conflicts ?? []) as string[]));
  }
  // A List's "nothing known" statement is said in the section's words, with its conflicts; never an entry (H123, H124).
  const listStatements = { combinedProblems: ['noKnownProblems', 'No known problems'], combinedMedications: ['noCurrentMedications', 'No current medications'] } as const;
  if (part.statements && (part.field === 'combinedProblems' || part.field === 'combinedMedications') && section.raw) {
    const [field, says] = listStatements[part.field];
    for (const statement of (section.raw[field] ?? []) as SourceItem[]) {
      extraWords.push(`${statement.provenance.organisationName} records “${says}” (${statement.current ? 'current' : 'no longer current'}, ${statement.recordedDate ?? statement.provenance.lastUpdated}).`);
    }
    extraWords.push(...((section.raw.conflicts ?? []) as string[]));
  }
  return {
    title: section.label,
    entries: pairs.map(({ item }) => build(item, nhsNumber) as Resource),
    items: pairs.map(({ item }) => item),
    lines: pairs.map(({ item, combined }) => itemLine(item, combined)),
    missing: section.missing,
    extraWords,
  };
}

function sectionOf(built: BuiltPart, head: { title: string; code?: fhir4.CodeableConcept }): fhir4.CompositionSection {
  const paragraphs = [...built.extraWords, ...built.missing.map(missingWords)];
  const section: fhir4.CompositionSection = { title: head.title, ...(head.code ? { code: head.code } : {}) };
  if (built.entries.length) {
    section.text = narrative(paragraphs, built.lines);
    section.entry = built.entries.map((r) => ({ reference: `${r.resourceType}/${r.id}` }));
  } else {
    const reason = emptyReasonOf(built.missing);
    section.text = narrative([EMPTY_WORDS[reason], ...paragraphs]);
    section.emptyReason = { coding: [{ system: EMPTY_REASON_SYSTEM, code: reason, display: EMPTY_REASON_DISPLAY[reason] }], text: EMPTY_WORDS[reason] };
  }
  return section;
}

function ipsSection(answer: GraphQLAnswer, ips: IpsSection, nhsNumber: string): { section: fhir4.CompositionSection; parts: BuiltPart[] } {
  const code = { coding: [{ system: LOINC, code: ips.code }], text: ips.title };
  const parts = ips.parts.map((part) => buildPart(answer, part, nhsNumber));
  if (parts.length === 1) return { section: sectionOf(parts[0], { title: ips.title, code }), parts };
  // Several combined sections in one IPS section: one sub-section each, so each says on its own why it is empty.
  const section: fhir4.CompositionSection = {
    title: ips.title,
    code,
    text: narrative([`${ips.title}: ${parts.map((p) => `${p.title} (${p.entries.length ? `${p.entries.length} entries` : emptyReasonOf(p.missing)})`).join('; ')}.`]),
    section: parts.map((p) => sectionOf(p, { title: p.title })),
  };
  return { section, parts };
}

export function summaryDocument(answer: GraphQLAnswer, options: DocumentOptions): fhir4.Bundle {
  const patientRecord = answer.data?.patient;
  if (!patientRecord) throw new Error('summaryDocument: no patient in the answer');
  const now = (options.now ?? new Date()).toISOString();
  const base = options.baseUrl.replace(/\/$/, '');
  const patient = patientResource({ ...patientRecord, nhsNumber: options.nhsNumber });

  const sections: fhir4.CompositionSection[] = [];
  const resources = new Map<string, Resource>();
  // One Provenance per contributing organisation: who holds these entries, and as of when.
  const asOf = freshnessByOrganisation(patientRecord);
  const contributors = new Map<string, Contributor>();
  for (const ips of IPS_SECTIONS) {
    const { section, parts } = ipsSection(answer, ips, options.nhsNumber);
    sections.push(section);
    for (const part of parts) {
      part.entries.forEach((resource, i) => {
        const reference = `${resource.resourceType}/${resource.id}`;
        resources.set(reference, resource);
        const { provenance } = part.items[i];
        const contributor = contributors.get(provenance.odsCode) ?? { provenance, targets: [], asOf: asOf.get(provenance.odsCode) ?? provenance.lastUpdated };
        if (!contributor.targets.includes(reference)) contributor.targets.push(reference);
        contributor.asOf = latest(contributor.asOf, provenance.lastUpdated)!;
        contributors.set(provenance.odsCode, contributor);
      });
    }
  }
  const provenances = [...contributors.values()].map((c) => organisationProvenance(randomUUID(), c.provenance, c.targets, c.asOf));

  const composition: fhir4.Composition = {
    resourceType: 'Composition',
    id: options.id ?? randomUUID(),
    status: 'final',
    type: { coding: [PATIENT_SUMMARY] },
    subject: patientReference(options.nhsNumber),
    date: now,
    author: [{ display: 'ShareforYou Care Record (combined from every contributing organisation)' }],
    title: 'Patient summary: ShareforYou Care Record',
    section: sections,
  };

  // RESTful fullUrls for every entry, so the relative references inside resolve against the base (FHIR bundle.html#references).
  const fullUrl = (r: Resource) => `${base}/${r.resourceType}/${r.id}`;
  const entries = [composition as Resource, patient as Resource, ...resources.values(), ...(provenances as Resource[])];
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${composition.id}` },
    type: 'document',
    timestamp: now,
    entry: entries.map((resource) => ({ fullUrl: fullUrl(resource), resource })),
  };
}
