import { readFeedBundle } from '../../subgraphs/kit/src/ingest/feedBundle';
import { generateFullHistory, generatePatient } from '../../tools/src/synthetic';

/**
 * The benchmark's full histories (issue #20.7: feed ingest in entries per second for histories of
 * 1,000 entries): one patient's whole GP record in one batch, exactly as many entries as asked, the
 * same every time, every entry one the GP feed reads without a fault.
 */

const INDEX = 800_123;

it('holds exactly the entries asked for, all about the one patient, their ids unique', () => {
  const { patient, bundle, odsCode } = generateFullHistory(INDEX, 1000);
  expect(bundle.type).toBe('batch');
  expect(bundle.entry).toHaveLength(1000);
  expect(odsCode).toBe(patient.practiceOdsCode);
  const ids = bundle.entry!.map((e) => `${e.resource!.resourceType}/${e.resource!.id}`);
  expect(new Set(ids).size).toBe(1000);
  const subjects = new Set(bundle.entry!.map((e) => JSON.stringify((e.resource as any).subject ?? (e.resource as any).patient)));
  expect([...subjects]).toEqual([JSON.stringify({ identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: patient.nhsNumber } })]);
  expect(generateFullHistory(INDEX, 250).bundle.entry).toHaveLength(250);
});

it('is the same patient the generator makes, with the same bundle every time', () => {
  expect(generateFullHistory(INDEX, 1000).patient.nhsNumber).toBe(generatePatient(INDEX).nhsNumber);
  expect(JSON.stringify(generateFullHistory(INDEX, 1000).bundle)).toBe(JSON.stringify(generateFullHistory(INDEX, 1000).bundle));
});

it('every entry is one the feed reads without a fault (visits of a consultation, a blood pressure and a weight)', () => {
  const { bundle } = generateFullHistory(INDEX, 1000);
  const types = new Set(bundle.entry!.map((e) => e.resource!.resourceType));
  const read = readFeedBundle(bundle, types);
  expect(read.issues).toEqual([]);
  expect(read.entries).toHaveLength(1000);
  const counts = bundle.entry!.reduce<Record<string, number>>((c, e) => ({ ...c, [e.resource!.resourceType]: (c[e.resource!.resourceType] ?? 0) + 1 }), {});
  expect(counts.Observation).toBeGreaterThan(600);
  expect(counts.Encounter).toBeGreaterThan(300);
});

it('refuses a size smaller than the patient’s own record', () => {
  expect(() => generateFullHistory(INDEX, 1)).toThrow(/more than the 1 asked for/);
});
