/// <reference types="fhir" />
import { isValidNhsNumber, normaliseNhsNumber } from '@shareforyou/kit/src/nhsNumber';
import { errorAt, sectionAnswer, sectionSourceItems, type GraphQLAnswer, type MissingPart } from './answer';
import { fhirCode, organisationProvenance, type Concept, type SourceItem } from './datatypes';
import { dateMatches, parseDateCondition, targetRange, type DateCondition, type Range } from './dateParameter';
import { missingWords } from './narrative';
import { badParameter, refusal, type FhirRefusal } from './operationOutcome';
import { courseWarning, isRequest } from './resources/Medication';
import { documentStatus } from './resources/DocumentReference';
import { encounterClass } from './resources/Encounter';
import { categoryCodes } from './resources/Observation';
import { COMBINED_FIELDS, type CombinedFieldName } from './sections';
import { operationOutcome } from '@shareforyou/kit/src/ingest/operationOutcome';

/**
 * FHIR search over one patient's combined record: GET /fhir/<Type>?patient=<NHS number>&...
 * Which combined sections a type comes from, which parameters it takes and what each matches,
 * paging, and the searchset Bundle. A parameter this API does not know is refused (422), unless
 * the client asks for lenient handling (Prefer: handling=lenient), when it is ignored and left out
 * of the self link, as FHIR says. Pure: the route asks the gateway and hands the answer here.
 */

type Values = (item: SourceItem) => Array<{ system?: string; code: string }>;

interface SearchType {
  /** The combined sections it comes from (a category can narrow them: see sectionsFor). */
  fields: CombinedFieldName[];
  /** Which of those sections' items are of this type (a medication statement, not a prescription). */
  keep?: (item: SourceItem) => boolean;
  /** Token parameters: what each matches. */
  tokens: Record<string, Values>;
  /** The date parameter's name for this type (FHIR's: date, onset-date, effective, authoredon, ...) and what it reads. */
  date?: { name: string; of: (item: SourceItem) => Range | null };
}

const concept = (c: Concept | null | undefined) => [...(c?.coding ?? []).map((x) => ({ system: x.system, code: x.code })), ...(c?.code && !c.coding ? [{ system: c.system, code: c.code }] : [])];
const concepts = (list: Array<Concept | null> | null | undefined) => (list ?? []).flatMap(concept);
const plain = (value: unknown) => (value ? [{ code: fhirCode(String(value))! }] : []);
const codeOf = (field: string): Values => (item) => concept(item[field]);
const statusOf: Values = (item) => plain(item.status);
const time = (field: string) => (item: SourceItem) => targetRange(item[field]?.start ?? null, item[field]?.end ?? null);
const at = (startField: string, endField?: string) => (item: SourceItem) => targetRange(item[startField], endField ? item[endField] : null);

export const SEARCH_TYPES: Record<string, SearchType> = {
  AllergyIntolerance: {
    fields: ['combinedAllergies'],
    tokens: {
      'clinical-status': (i) => plain(i.clinicalStatus),
      'verification-status': (i) => plain(i.verificationStatus),
      category: (i) => (i.category ?? []).map((code: string) => ({ code })),
      criticality: (i) => plain(i.criticality),
      code: codeOf('code'),
    },
    date: { name: 'date', of: at('recordedDate') },
  },
  Condition: {
    fields: ['combinedProblems'],
    tokens: { 'clinical-status': (i) => plain(i.clinicalStatus), 'verification-status': (i) => plain(i.verificationStatus), category: (i) => concepts(i.category), code: codeOf('code') },
    date: { name: 'onset-date', of: time('onset') },
  },
  MedicationStatement: {
    fields: ['combinedMedications'],
    keep: (i) => !isRequest(i),
    tokens: { status: statusOf, code: codeOf('medication') },
    date: { name: 'effective', of: at('startDate', 'endDate') },
  },
  MedicationRequest: {
    fields: ['combinedMedications'],
    keep: isRequest,
    tokens: { status: statusOf, intent: (i) => plain(i.intent), code: codeOf('medication') },
    date: { name: 'authoredon', of: at('startDate') },
  },
  Observation: {
    fields: ['combinedResults', 'combinedVitalSigns', 'combinedSocialHistory'],
    tokens: { status: statusOf, category: (i) => categoryCodes(i).map((code) => ({ code })), code: codeOf('code') },
    date: { name: 'date', of: (i) => targetRange(i.effective?.start ?? i.issued ?? null, i.effective?.end ?? null) },
  },
  DiagnosticReport: {
    fields: ['combinedTestReports'],
    tokens: { status: statusOf, category: (i) => concepts(i.categories), code: codeOf('code') },
    date: { name: 'date', of: (i) => targetRange(i.effectiveDate ?? i.issued ?? null) },
  },
  Immunization: {
    fields: ['combinedImmunisations'],
    tokens: { status: statusOf, 'vaccine-code': codeOf('vaccine') },
    date: { name: 'date', of: (i) => targetRange(i.occurrence?.start ?? i.date ?? null) },
  },
  Procedure: {
    fields: ['combinedProcedures'],
    tokens: { status: statusOf, category: (i) => concept(i.category), code: codeOf('code') },
    date: { name: 'date', of: time('performed') },
  },
  Flag: {
    fields: ['combinedAlerts', 'combinedSafeguardingAlerts', 'combinedRiskAlerts'],
    tokens: { status: statusOf, category: (i) => concepts(i.categories), code: codeOf('code') },
    date: { name: 'date', of: at('start', 'end') },
  },
  CarePlan: {
    fields: ['combinedCarePlans'],
    tokens: { status: statusOf, intent: (i) => plain(i.intent), category: (i) => concepts(i.categories) },
    date: { name: 'date', of: at('start', 'end') },
  },
  ServiceRequest: {
    fields: ['combinedReferrals'],
    tokens: { status: statusOf, intent: (i) => plain(i.intent), priority: (i) => plain(i.priority), category: (i) => concepts(i.categories), code: codeOf('code') },
    date: { name: 'authored', of: at('authoredOn') },
  },
  FamilyMemberHistory: {
    fields: ['combinedFamilyHistory'],
    tokens: { status: statusOf, relationship: codeOf('relationship'), code: (i) => (i.conditions ?? []).flatMap((c: SourceItem) => concept(c.code)) },
    date: { name: 'date', of: at('recordedDate') },
  },
  DeviceUseStatement: {
    fields: ['combinedMedicalDevices'],
    tokens: { status: statusOf, device: codeOf('device') },
  },
  Consent: {
    fields: ['combinedAdvanceDirectives'],
    tokens: { status: statusOf, category: (i) => concepts(i.category), scope: codeOf('scope') },
    date: { name: 'date', of: at('dateTime') },
  },
  Encounter: {
    fields: ['combinedEncounters'],
    tokens: { status: statusOf, class: (i) => [encounterClass(i)].map((c) => ({ system: c.system, code: c.code! })), type: (i) => concepts(i.types), 'reason-code': (i) => concepts(i.reasons) },
    date: { name: 'date', of: at('start', 'end') },
  },
  DocumentReference: {
    fields: ['combinedDocuments'],
    tokens: { status: (i) => plain(documentStatus(i)), type: codeOf('type'), category: (i) => concepts(i.category) },
    date: { name: 'date', of: at('date') },
  },
};

/** Parameters every search takes, beside each type's own. */
const COMMON = new Set(['patient', 'subject', '_count', '_offset', '_sort', '_revinclude', '_format']);
const JSON_FORMATS = new Set(['json', 'application/json', 'application/fhir+json']);
export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 200;

export interface SearchRequest {
  resourceType: string;
  nhsNumber: string;
  /** The combined sections to ask for. */
  fields: CombinedFieldName[];
  tokens: Array<{ name: string; values: Array<{ system?: string; code: string }> }>;
  dates: DateCondition[];
  sort: 'date' | '-date' | null;
  count: number;
  offset: number;
  revincludeProvenance: boolean;
  /** The parameters kept, for the self and next links. */
  kept: Array<[string, string]>;
}

/** Does the client ask for lenient handling of parameters (Prefer: handling=lenient)? */
export function lenient(prefer: string | undefined): boolean {
  return (prefer ?? '').split(/[;,]/).some((p) => p.trim().toLowerCase() === 'handling=lenient');
}

/** An NHS number given as a search value: 9434765919, Patient/9434765919, or the identifier system|value. */
export function nhsNumberOf(value: string): string | null {
  const bare = value.replace(/^Patient\//, '').replace(/^https:\/\/fhir\.nhs\.uk\/Id\/nhs-number\|/, '');
  const digits = normaliseNhsNumber(bare);
  return isValidNhsNumber(digits) ? digits : null;
}

function tokenValues(value: string): Array<{ system?: string; code: string }> {
  return value.split(',').map((part) => {
    const bar = part.indexOf('|');
    return bar < 0 ? { code: part } : { system: part.slice(0, bar) || undefined, code: part.slice(bar + 1) };
  });
}

/** Which combined sections an Observation search needs: a category narrows them, so the look (and its audit) is only of those. */
function sectionsFor(type: string, spec: SearchType, tokens: SearchRequest['tokens']): CombinedFieldName[] {
  if (type !== 'Observation') return spec.fields;
  const categories = tokens.filter((t) => t.name === 'category');
  if (categories.length !== 1) return spec.fields;
  const fields = new Set<CombinedFieldName>();
  for (const { code } of categories[0].values) {
    fields.add(code === 'vital-signs' ? 'combinedVitalSigns' : code === 'social-history' ? 'combinedSocialHistory' : 'combinedResults');
  }
  return spec.fields.filter((f) => fields.has(f));
}

export function parseSearch(resourceType: string, params: URLSearchParams, options: { lenient: boolean }): SearchRequest | FhirRefusal {
  const spec = SEARCH_TYPES[resourceType];
  if (!spec) return refusal('BAD_USER_INPUT', `This API does not search ${resourceType}. It searches ${Object.keys(SEARCH_TYPES).join(', ')}.`, { status: 404 });
  const kept: Array<[string, string]> = [];
  const tokens: SearchRequest['tokens'] = [];
  const dates: DateCondition[] = [];
  let nhsNumber: string | null = null;
  let sort: SearchRequest['sort'] = null;
  let count = DEFAULT_COUNT;
  let offset = 0;
  let revincludeProvenance = false;
  for (const [name, value] of params) {
    const known = COMMON.has(name) || name in spec.tokens || name === spec.date?.name;
    if (!known) {
      if (options.lenient) continue;
      return badParameter(`${resourceType} search does not take the parameter "${name.slice(0, 60)}". It takes patient, ${[...Object.keys(spec.tokens), ...(spec.date ? [spec.date.name] : [])].join(', ')}, _count, _sort and _revinclude=Provenance:target (send Prefer: handling=lenient to have unknown parameters ignored).`, name);
    }
    if (name === 'patient' || name === 'subject') {
      const found = nhsNumberOf(value);
      if (!found) return badParameter(`"${value.slice(0, 40)}" is not a valid NHS number (10 digits, Modulus 11 checked): give patient=<NHS number> or patient=Patient/<NHS number>.`, name);
      if (nhsNumber && nhsNumber !== found) return badParameter('A search is about one patient: give one NHS number.', name);
      nhsNumber = found;
    } else if (name === '_count') {
      if (!/^\d{1,4}$/.test(value) || Number(value) < 1) return badParameter(`_count must be a whole number from 1 to ${MAX_COUNT}.`, name);
      count = Math.min(Number(value), MAX_COUNT);
    } else if (name === '_offset') {
      if (!/^\d{1,6}$/.test(value)) return badParameter('_offset must be a whole number (it comes from the next link).', name);
      offset = Number(value);
      continue;
    } else if (name === '_sort') {
      if (!spec.date || !['date', '-date', spec.date.name, `-${spec.date.name}`].includes(value)) return badParameter(`_sort takes ${spec.date ? `${spec.date.name} or -${spec.date.name}` : 'nothing for this type'}.`, name);
      sort = value.startsWith('-') ? '-date' : 'date';
    } else if (name === '_revinclude') {
      if (value !== 'Provenance:target') return badParameter('_revinclude takes Provenance:target only.', name);
      revincludeProvenance = true;
    } else if (name === '_format') {
      if (!JSON_FORMATS.has(value)) return badParameter('This API answers in JSON only (_format=json).', name);
    } else if (name === spec.date?.name) {
      const condition = parseDateCondition(value);
      if (!condition) return badParameter(`${name}=${value.slice(0, 40)} is not a date search: give a prefix (eq, ne, gt, lt, ge, le) and a date, e.g. ${name}=ge2026-01-01.`, name);
      dates.push(condition);
    } else {
      if (!value) return badParameter(`${name} needs a value.`, name);
      tokens.push({ name, values: tokenValues(value) });
    }
    kept.push([name, value]);
  }
  if (!nhsNumber) return badParameter('Say whose record: patient=<NHS number> (every search is of one patient).', 'patient');
  return { resourceType, nhsNumber, fields: sectionsFor(resourceType, spec, tokens), tokens, dates, sort, count, offset, revincludeProvenance, kept };
}

function tokenMatches(values: Array<{ system?: string; code: string }>, wanted: Array<{ system?: string; code: string }>): boolean {
  return wanted.some((w) => values.some((v) => v.code === w.code && (!w.system || !v.system || v.system === w.system)));
}

/** What a type's sections hold for this patient (each item with the section it came from), and what of them is missing and why. */
export interface TypeMatches {
  matches: Array<{ item: SourceItem; field: CombinedFieldName }>;
  missing: MissingPart[];
}

export type BuiltResource = fhir4.FhirResource & { id: string };

/** One item as its FHIR resource: built only for what is answered (a page, or the one read). */
export function buildResource({ item, field }: { item: SourceItem; field: CombinedFieldName }, nhsNumber: string): BuiltResource {
  return COMBINED_FIELDS[field].build(item, nhsNumber) as BuiltResource;
}

/**
 * Every resource of the type in the answer (before any search parameter), or the refusal when
 * nothing could be answered at all: then the reason the GraphQL API gives.
 */
export function typeMatches(answer: GraphQLAnswer, resourceType: string, fields: CombinedFieldName[]): TypeMatches | FhirRefusal {
  const spec = SEARCH_TYPES[resourceType];
  const sections = fields.map((field) => sectionAnswer(answer, field));
  if (sections.every((s) => !s.present)) {
    const first = sections[0].missing[0];
    const error = errorAt(answer, first.field) ?? (answer.errors ?? []).find((e) => e.extensions?.code === first.code);
    return refusal(first.code === 'UNKNOWN' ? 'INTERNAL_ERROR' : first.code, error?.message ?? missingWords(first));
  }
  let items = sections.flatMap((s) => sectionSourceItems(s).map((item) => ({ item, field: s.field })));
  if (spec.keep) items = items.filter(({ item }) => spec.keep!(item));
  return { matches: items, missing: sections.flatMap((s) => s.missing) };
}

/**
 * The searchset from the answer. A part the user may not see, or whose source did not answer, is
 * said in an OperationOutcome entry (search mode outcome): the matches are then not the whole
 * record, and the client is told so.
 */
export function searchsetBundle(answer: GraphQLAnswer, request: SearchRequest, options: { baseUrl: string; now?: Date }): fhir4.Bundle | FhirRefusal {
  const spec = SEARCH_TYPES[request.resourceType];
  const found = typeMatches(answer, request.resourceType, request.fields);
  if ('outcome' in found) return found;
  const { missing } = found;
  let matches = found.matches;
  for (const token of request.tokens) matches = matches.filter(({ item }) => tokenMatches(spec.tokens[token.name](item), token.values));
  if (request.dates.length) {
    matches = matches.filter(({ item }) => {
      const range = spec.date!.of(item);
      return range !== null && request.dates.every((condition) => dateMatches(condition, range));
    });
  }
  if (request.sort && spec.date) {
    const direction = request.sort === '-date' ? -1 : 1;
    const when = (item: SourceItem) => spec.date!.of(item)?.low ?? (direction < 0 ? -Infinity : Infinity);
    matches = [...matches].sort((a, b) => direction * (when(a.item) - when(b.item)) || 0);
  }
  const base = options.baseUrl.replace(/\/$/, '');
  const page = matches.slice(request.offset, request.offset + request.count);
  const resources = page.map((match) => buildResource(match, request.nhsNumber));
  const link = (offset: number) => {
    const query = new URLSearchParams(request.kept);
    query.set('_count', String(request.count));
    if (offset) query.set('_offset', String(offset));
    return `${base}/${request.resourceType}?${query.toString()}`;
  };
  const links: fhir4.BundleLink[] = [{ relation: 'self', url: link(request.offset) }];
  if (request.offset + request.count < matches.length) links.push({ relation: 'next', url: link(request.offset + request.count) });
  if (request.offset > 0) links.push({ relation: 'previous', url: link(Math.max(0, request.offset - request.count)) });

  const entry: fhir4.BundleEntry[] = resources.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } }));
  if (request.revincludeProvenance) {
    const byOrganisation = new Map<string, { provenance: SourceItem['provenance']; targets: string[]; asOf: string }>();
    page.forEach(({ item }, i) => {
      const ods = item.provenance.odsCode;
      const found = byOrganisation.get(ods) ?? { provenance: item.provenance, targets: [], asOf: item.provenance.lastUpdated };
      found.targets.push(`${resources[i].resourceType}/${resources[i].id}`);
      if (Date.parse(item.provenance.lastUpdated) > Date.parse(found.asOf)) found.asOf = item.provenance.lastUpdated;
      byOrganisation.set(ods, found);
    });
    for (const [ods, found] of byOrganisation) {
      const provenance = organisationProvenance(`${ods.replace(/[^A-Za-z0-9]/g, '')}.${request.resourceType}`.slice(0, 64), found.provenance, found.targets, found.asOf);
      entry.push({ fullUrl: `${base}/Provenance/${provenance.id}`, resource: provenance, search: { mode: 'include' } });
    }
  }
  // A match whose status the record does not read as the medicine's (a prescription still "active" that a newer statement stopped, H182) is said beside it, never left to the status alone.
  const disagreements = page.flatMap(({ item }, i) => {
    const warning = courseWarning(item);
    return warning ? [{ severity: 'warning' as const, code: 'business-rule' as const, diagnostics: `${resources[i].resourceType}/${resources[i].id}: ${warning}` }] : [];
  });
  const issues = [...missing.map((m) => ({ severity: 'warning' as const, code: m.reason === 'withheld' ? ('suppressed' as const) : ('incomplete' as const), diagnostics: missingWords(m) })), ...disagreements];
  if (issues.length) entry.push({ resource: operationOutcome(issues), search: { mode: 'outcome' } });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    timestamp: (options.now ?? new Date()).toISOString(),
    total: matches.length,
    link: links,
    // FHIR JSON has no empty arrays: a search that matched nothing has no entry element.
    ...(entry.length ? { entry } : {}),
  };
}
