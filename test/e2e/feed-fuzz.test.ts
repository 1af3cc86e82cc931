import fc from 'fast-check';
import { Kind, parse, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import { openPanels, signSystemToken } from '@shareforyou/kit';
import { loadSubgraphSdl, subgraphUrl } from '@shareforyou/schema';
import { sendBundle } from '../../tools/src/feeds/feedClient';
import { generatePatients } from '../../tools/src/synthetic';
import { syntheticNhsNumber } from '../../tools/src/synthetic/nhsNumbers';
import { asUser, closeDatabases, database } from '../support/clients';
import { INTERNAL_TEXT } from '../support/internalText';
import { stackInfo } from '../support/stackInfo';

/**
 * Property-based, over every feed endpoint of the running stack: whatever a source sends (wrong
 * JSON types in otherwise valid resources, duplicate fullUrls, huge and deeply nested values,
 * nonsense bundles), the answer is below 500 with no internal text (a response Bundle, or an
 * OperationOutcome when refused), and
 * afterwards the patient's record still reads whole: no item the feed stored fails its type
 * (ITEM_UNREADABLE) and no source fails. Everything is sent about one synthetic patient of this
 * run. Bounded runs (FUZZ_RUNS), loopback only.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const FEEDS = ['registry', 'gp', 'acute', 'mental-health', 'community', 'social-care'] as const;
type Target = (typeof FEEDS)[number];
const PRACTICE = 'P83005'; // the demo GP's practice: she reads the record afterwards
const PATIENT = syntheticNhsNumber(890_000 + (Date.now() % 9_000));
const env = () => ({ ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) });

/** Valid resources to break, from the synthetic demo patients' feeds, moved to this run's patient. */
interface Base {
  target: Target;
  odsCode: string;
  resource: Record<string, unknown>;
}
const bases: Base[] = [...generatePatients({ patients: 5 })].flatMap((patient) =>
  patient.feeds
    // A Patient from another practice would re-register the patient away from the reading GP.
    .filter((feed) => feed.target !== 'registry' || feed.odsCode !== patient.practiceOdsCode || feed.odsCode === PRACTICE)
    .flatMap((feed) =>
      (feed.bundle.entry ?? []).map((entry) => ({
        target: feed.target,
        odsCode: feed.odsCode,
        resource: JSON.parse(JSON.stringify(entry.resource).split(patient.nhsNumber).join(PATIENT)) as Record<string, unknown>,
      })),
    ),
);

async function post(target: Target, odsCode: string, body: string) {
  const url = subgraphUrl(target, env()).replace(/\/graphql$/, '/fhir');
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${signSystemToken(odsCode)}` },
    body,
    signal: AbortSignal.timeout(60_000),
  });
  return { status: response.status, text: await response.text() };
}

function expectClean({ status, text }: { status: number; text: string }) {
  expect(status).toBeLessThan(500);
  // Accepted: a batch-response or transaction-response Bundle; refused: an OperationOutcome.
  const answer = JSON.parse(text) as fhir4.OperationOutcome | fhir4.Bundle;
  if (status === 200) expect(answer.resourceType === 'Bundle' && /^(batch|transaction)-response$/.test(answer.type)).toBe(true);
  else expect(answer.resourceType).toBe('OperationOutcome');
  expect(text).not.toMatch(INTERNAL_TEXT);
}

/** Every path into a value (objects and arrays), the value itself first. */
function pathsOf(value: unknown, at: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(at);
  if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) pathsOf(child, [...at, Array.isArray(value) ? Number(key) : key], out);
  return out;
}

function replaced(resource: Record<string, unknown>, path: Array<string | number>, value: unknown): Record<string, unknown> {
  const copy = structuredClone(resource);
  if (path.length === 0) return copy;
  let node: any = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = value;
  return copy;
}

const bundleOf = (type: unknown, entries: unknown[]) => JSON.stringify({ resourceType: 'Bundle', type, entry: entries });
let sequence = 0;
const fresh = (resource: Record<string, unknown>) => ({ ...resource, id: `fz-${Date.now().toString(36)}-${(sequence += 1)}` });

const deep = (depth: number, leaf: unknown) => {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
};
const huge = fc.oneof(
  fc.integer({ min: 100_000, max: 1_000_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 10_000, max: 50_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.integer({ min: 50, max: 3_000 }).map((depth) => deep(depth, 'bottom')),
  fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, 1e308, Number.MIN_VALUE, 2 ** 53 + 1),
);
const bundleType = fc.constantFrom('batch', 'transaction', 'collection');

/**
 * The record read as the registered GP, every Patient field of every source: the error codes. One
 * selection per source, split further where one source's fields pass the gateway's token limit
 * (3,000, sized for real clinician queries): together every field.
 */
const patientSelections = (() => {
  const selections: string[] = [];
  const seen = new Set<string>();
  const tokens = (text: string) => (text.match(/[A-Za-z_][A-Za-z0-9_]*|[{}():$!]/g) ?? []).length;
  for (const name of ['registry', ...FEEDS.slice(1)]) {
    const fields = new Map<string, string>();
    const document = parse(loadSubgraphSdl(name));
    const types = new Map(document.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION).map((d) => [d.name.value, d]));
    for (const definition of document.definitions) {
      if ((definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) || definition.name.value !== 'Patient') continue;
      for (const field of (definition as ObjectTypeDefinitionNode | ObjectTypeExtensionNode).fields ?? []) {
        if ((field.arguments ?? []).some((a) => a.type.kind === Kind.NON_NULL_TYPE) || (field.directives ?? []).some((d) => d.name.value === 'external')) continue;
        if (seen.has(field.name.value)) continue;
        seen.add(field.name.value);
        fields.set(field.name.value, selectionOf(field, types));
      }
    }
    const parts: string[][] = [[]];
    for (const selection of fields.values()) {
      if (tokens([...parts.at(-1)!, selection].join(' ')) > 2_400) parts.push([]);
      parts.at(-1)!.push(selection);
    }
    selections.push(...parts.filter((part) => part.length).map((part) => part.join(' ')));
  }
  return selections;
})();

/**
 * Every field, to a depth: a stored value of the wrong type then fails where it is read, whatever
 * the item checks do.
 */
function selectionOf(field: FieldDefinitionNode, types: Map<string, ObjectTypeDefinitionNode>, depth = 0): string {
  let type = field.type;
  while (type.kind !== Kind.NAMED_TYPE) type = type.type;
  const object = types.get(type.name.value);
  if (!object) return field.name.value;
  if (depth >= 4) return `${field.name.value} { __typename }`;
  const inner = (object.fields ?? []).filter((f) => !(f.arguments ?? []).some((a) => a.type.kind === Kind.NON_NULL_TYPE)).map((f) => selectionOf(f, types, depth + 1));
  return `${field.name.value} { __typename ${inner.join(' ')} }`;
}

async function recordErrors(): Promise<string[]> {
  const errors: string[] = [];
  for (const selection of patientSelections) {
    const response = await asUser('gp').query(`query($n: String!) { patient(nhsNumber: $n) { ${selection} } }`, { n: PATIENT });
    expect(response.data?.patient).toBeTruthy();
    errors.push(...(response.errors ?? []).map((e) => `${e.extensions?.code}:${(e.path ?? []).slice(0, 2).join('.')}`));
  }
  return [...new Set(errors)].sort();
}

let baseline: string[];
/** What a record that cannot be read whole answers (the access policy's refusals are the baseline's). */
const UNREADABLE = /^(ITEM_UNREADABLE|INTERNAL_ERROR|SOURCE_FAILED|SOURCE_UNAVAILABLE|GRAPHQL_VALIDATION_FAILED|undefined)/;

beforeAll(async () => {
  const registration = bases.find((b) => b.target === 'registry' && b.resource.resourceType === 'Patient' && b.odsCode === PRACTICE);
  expect(registration).toBeDefined();
  const registered = await sendBundle('registry', PRACTICE, bundleOf('batch', [{ resource: registration!.resource }]), env());
  expect(registered.status).toBe(200);
  // Every kind of item, valid, on the record first: the reading check then covers each item type.
  const groups = new Map<string, Base[]>();
  for (const base of bases) groups.set(`${base.target}|${base.odsCode}`, [...(groups.get(`${base.target}|${base.odsCode}`) ?? []), base]);
  for (const group of groups.values()) {
    const answer = await post(group[0].target, group[0].odsCode, bundleOf('batch', group.map((b) => ({ resource: b.resource }))));
    expect(answer.status).toBe(200);
  }
  expect(await storedItems()).toBeGreaterThan(0);
  baseline = await recordErrors();
  expect(baseline.filter((e) => UNREADABLE.test(e))).toEqual([]);
}, 120_000);

afterAll(closeDatabases);

/** After any fuzz: the record reads as it did (no unreadable item, no failing source), and what is stored is whole. */
async function expectRecordReadable() {
  const errors = await recordErrors();
  expect(errors.filter((e) => UNREADABLE.test(e))).toEqual([]);
  expect(errors).toEqual(baseline);
  for (const target of FEEDS.slice(1)) {
    const slice = await (await database(target.replace(/-/g, '_'))).collection('patientSlices').findOne({ _id: PATIENT as never });
    for (const [panel, items] of Object.entries(slice ? openPanels(PATIENT, slice.panels) : {})) {
      for (const item of items) {
        expect({ panel, id: typeof item.id, lastUpdated: Number.isNaN(Date.parse(item.provenance?.lastUpdated)) }).toEqual({ panel, id: 'string', lastUpdated: false });
      }
    }
  }
}

/** How many items the feeds hold for this run's patient, over every slice. */
async function storedItems(): Promise<number> {
  let count = 0;
  for (const target of FEEDS.slice(1)) {
    const slice = await (await database(target.replace(/-/g, '_'))).collection('patientSlices').findOne({ _id: PATIENT as never });
    count += Object.values(slice ? openPanels(PATIENT, slice.panels) : {}).flat().length;
  }
  return count;
}

it('wrong JSON types in otherwise valid resources, on every feed endpoint', async () => {
  // Some runs change one value to a string, or nothing, so that some of the fuzzed items are stored too.
  const value = fc.oneof({ weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) }, { weight: 1, arbitrary: fc.constant(undefined) });
  const mutation = fc.record({ base: fc.constantFrom(...bases), at: fc.nat(), value, type: bundleType });
  await fc.assert(
    fc.asyncProperty(mutation, async ({ base, at, value, type }) => {
      const resource = fresh(base.resource);
      const paths = pathsOf(resource).filter((p) => p.length > 0);
      const sent = value === undefined ? resource : replaced(resource, paths[at % paths.length], value);
      expectClean(await post(base.target, base.odsCode, bundleOf(type, [{ resource: sent }])));
    }),
    { numRuns: RUNS * FEEDS.length },
  );
  await expectRecordReadable();
}, 300_000);

it('duplicate fullUrls, and references to them', async () => {
  const duplicated = fc.record({ feed: fc.constantFrom(...FEEDS), count: fc.integer({ min: 2, max: 5 }), url: fc.oneof(fc.constant('urn:uuid:00000000-0000-0000-0000-000000000001'), fc.string({ maxLength: 40 })), type: bundleType });
  await fc.assert(
    fc.asyncProperty(duplicated, async ({ feed, count, url, type }) => {
      const mine = bases.filter((b) => b.target === feed);
      const entries = Array.from({ length: count }, (_, i) => {
        const resource = fresh(mine[i % mine.length].resource);
        // Each points at the shared fullUrl where a resource names another (subject excepted: that is the patient).
        return { fullUrl: url, resource: { ...resource, ...(i > 0 ? { basedOn: [{ reference: url }], partOf: [{ reference: url }] } : {}) } };
      });
      expectClean(await post(feed, mine[0].odsCode, bundleOf(type, entries)));
    }),
    { numRuns: RUNS * 2 },
  );
  await expectRecordReadable();
}, 300_000);

it('huge and deeply nested values', async () => {
  const big = fc.record({ base: fc.constantFrom(...bases), at: fc.nat(), value: huge, type: bundleType });
  await fc.assert(
    fc.asyncProperty(big, async ({ base, at, value, type }) => {
      const resource = fresh(base.resource);
      const paths = pathsOf(resource).filter((p) => p.length > 0);
      expectClean(await post(base.target, base.odsCode, bundleOf(type, [{ resource: replaced(resource, paths[at % paths.length], value) }])));
    }),
    { numRuns: RUNS * 2 },
  );
  await expectRecordReadable();
}, 300_000);

it('bundles that are not bundles: wrong types for the bundle, its entries and requests', async () => {
  const nonsense = fc.record({
    feed: fc.constantFrom(...FEEDS),
    body: fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.record({ type: fc.jsonValue({ maxDepth: 2 }), entry: fc.jsonValue({ maxDepth: 3 }) }).map(({ type, entry }) => JSON.stringify({ resourceType: 'Bundle', type, entry })),
      fc.array(fc.record({ request: fc.record({ method: fc.oneof(fc.constantFrom('DELETE', 'PUT', 'POST'), fc.jsonValue()), url: fc.oneof(fc.string({ maxLength: 120 }), fc.jsonValue()) }), resource: fc.jsonValue({ maxDepth: 2 }) }), { maxLength: 5 }).map((entries) =>
        bundleOf('batch', entries),
      ),
      fc.string({ maxLength: 200 }).map((s) => `{"resourceType":"Bundle","type":"transaction","entry":[${s}`),
    ),
  });
  await fc.assert(
    fc.asyncProperty(nonsense, async ({ feed, body }) => {
      const odsCode = bases.find((b) => b.target === feed)!.odsCode;
      expectClean(await post(feed, odsCode, body));
    }),
    { numRuns: RUNS * 2 },
  );
  await expectRecordReadable();
}, 300_000);
