/// <reference types="fhir" />
/**
 * Quick self-check and timing for the synthetic data generator, runnable without jest:
 *
 *   npx tsx tools/src/synthetic/selfcheck.ts [patients=10000] [seed=2026]
 *
 * Streams the feeds, checks the invariants the rest of the repo relies on, prints proportions and
 * timing, and exits non-zero on the first broken invariant.
 */

import { isValidNhsNumber } from '../../../subgraphs/kit/src/nhsNumber';
import { organisations } from '../demo/organisations';
import { flagMeaningOf, organisationKind } from '@shareforyou/schema';
import { demoPatients, generateFeeds, generatePatient, nhsNumberOf } from './index';

function fail(message: string): never {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

const patients = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 2026);
const kindOf = new Map(organisations.map((o) => [o.odsCode, o]));

const started = process.hrtime.bigint();
let feeds = 0;
let resources = 0;
let bytes = 0;
const perTarget = new Map<string, number>();
const patientsWith = { acute: new Set<string>(), 'mental-health': new Set<string>(), community: new Set<string>(), 'social-care': new Set<string>(), safeguarding: new Set<string>() };
const seenNhs = new Set<string>();
const measureBytes = patients <= 20_000;

for (const feed of generateFeeds({ patients, seed })) {
  feeds++;
  perTarget.set(feed.target, (perTarget.get(feed.target) ?? 0) + 1);
  const org = kindOf.get(feed.odsCode);
  if (!org) fail(`unknown organisation ${feed.odsCode}`);
  if (org.sharingStatus === 'not-party') fail(`feed from non-party ${feed.odsCode}`);
  const subgraph = organisationKind(org.kind).subgraph;
  if (!subgraph) fail(`feed from ${feed.odsCode}, whose kind has no subgraph`);
  if (feed.target !== 'registry' && subgraph !== feed.target) fail(`${feed.odsCode} (${org.kind}) sent a ${feed.target} feed`);
  if (feed.target === 'registry' && org.kind === 'gp-practice') {
    if (seenNhs.has(feed.nhsNumber)) fail(`NHS number ${feed.nhsNumber} used twice`);
    seenNhs.add(feed.nhsNumber);
    if (!isValidNhsNumber(feed.nhsNumber) || !feed.nhsNumber.startsWith('999')) fail(`bad NHS number ${feed.nhsNumber}`);
  }
  if (feed.target in patientsWith) patientsWith[feed.target as keyof typeof patientsWith].add(feed.nhsNumber);
  for (const entry of feed.bundle.entry ?? []) {
    const r = entry.resource as fhir4.FhirResource;
    resources++;
    if (nhsNumberOf(r) !== feed.nhsNumber) fail(`${r.resourceType}/${r.id} is not about ${feed.nhsNumber}`);
    // Version 2 only for a correction: an item re-sent as entered-in-error.
    const correction = r.meta?.versionId === '2' && JSON.stringify(r).includes('"entered-in-error"');
    if (!r.meta?.lastUpdated || (r.meta.versionId !== '1' && !correction)) fail(`${r.resourceType}/${r.id} lacks meta`);
    if (r.meta.lastUpdated > '2026-11-01T09:00:00Z') fail(`${r.resourceType}/${r.id} updated in the future`);
    if (r.resourceType === 'Flag' && flagMeaningOf([r.code, ...(r.category ?? [])]) === 'safeguarding') patientsWith.safeguarding.add(feed.nhsNumber);
  }
  if (measureBytes) bytes += JSON.stringify(feed.bundle).length;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

// Determinism: regenerate a few patients in a different order.
for (const i of [patients - 1, 7, 0, Math.floor(patients / 2)]) {
  if (i < 0 || i >= patients) continue;
  const a = JSON.stringify(generatePatient(i, seed));
  const b = JSON.stringify(generatePatient(i, seed));
  if (a !== b) fail(`patient ${i} is not deterministic`);
}
for (const d of demoPatients) {
  if (generatePatient(d.index, seed).name.text !== d.name) fail(`demo patient ${d.index} is not ${d.name}`);
}

const pct = (n: number) => `${((100 * n) / patients).toFixed(1)}%`;
console.log(`${patients} patients (seed ${seed}): ${feeds} feeds, ${resources} resources in ${seconds.toFixed(2)} s${measureBytes ? `, ${(bytes / 1e6).toFixed(1)} MB JSON` : ''}`);
console.log(`feeds by target: ${[...perTarget].map(([t, n]) => `${t} ${n}`).join(', ')}`);
console.log(
  `patients with acute ${pct(patientsWith.acute.size)}, mental health ${pct(patientsWith['mental-health'].size)}, community ${pct(patientsWith.community.size)}, social care ${pct(patientsWith['social-care'].size)}, safeguarding ${pct(patientsWith.safeguarding.size)}`,
);
console.log(`memory: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB heap`);
console.log('OK');
