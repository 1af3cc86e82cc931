import type { Connection } from 'mongoose';
import { syntheticNhsNumber } from '../synthetic/nhsNumbers';
import { auditModels, genesisHash, sealHash, type AuditEventContent, type AuditEventRecord } from '@shareforyou/kit';

/**
 * A realistic audit store, generated in bulk with the project's own sealing (sealHash, the chain
 * rules of AuditTrail): what the verification and the monitoring sweep are measured on. Events are
 * shaped as the record summary writes them (one per subgraph and patient, the coordinates it
 * resolved), by a few hundred users of a dozen organisations over a few thousand patients, with the
 * odd break-glass and refusal; `chains` chains share the events as service instances would.
 */

const SUBGRAPHS = ['registry', 'gp', 'acute', 'mental-health', 'community', 'social-care', 'audit'];
const COORDINATES = [
  'Patient.allergies', 'Patient.medications', 'Patient.problems', 'Patient.encounters', 'Patient.observations', 'Patient.immunizations',
  'Patient.procedures', 'Patient.appointments', 'Patient.name', 'Patient.birthDate', 'Patient.address', 'Patient.flags',
  'Medication.id', 'Medication.status', 'Medication.dosage', 'Problem.code', 'Problem.onset', 'Allergy.code', 'Allergy.reaction',
];
const ORGANISATIONS = ['P83005', 'P83010', 'P86003', 'RW6', 'RM3', 'RT2', 'RXA', 'NQA', 'G81001', 'RRF', 'RBN', 'RMC'];

/** A deterministic stream of pseudo-random numbers, so two runs generate the same store. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Three numbers in [0, 1) that depend only on the seed and the look (a mixing hash: nearby looks are unrelated). */
function lookDraws(seed: number, look: number): [number, number, number] {
  let h = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(look, 0xc2b2ae35)) >>> 0;
  const draw = () => {
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
    h ^= h >>> 16;
    return (h >>> 0) / 2 ** 32;
  };
  return [draw(), draw(), draw()];
}

/** Who looks and at whom: the sector's staff who open records and the patients they see. */
export interface AuditPopulation {
  users: number;
  patients: number;
}
export const SMALL_POPULATION: AuditPopulation = { users: 400, patients: 5_000 };

/** Frequent attenders, the first 1 % of patients, get 10 % of the looks. */
function patientOf(draw: number, patients: number): number {
  const frequent = Math.max(1, Math.floor(patients / 100));
  return draw < 0.1 ? Math.floor((draw / 0.1) * frequent) : Math.floor(((draw - 0.1) / 0.9) * patients);
}

/** One event per subgraph per record opened: a look is SUBGRAPHS.length consecutive events. */
export const EVENTS_PER_LOOK = SUBGRAPHS.length;

/**
 * Event n of the store. The events of one look share its request, user, patient, refusal and
 * break-glass, as the record summary's events do. Users are uniform; patients are not: one look in
 * ten is at a frequent attender (one patient in a hundred), the rest at anyone. 2 % of looks meet a
 * refusal, 0.2 % are under break-glass.
 */
export function generatedEvent(n: number, at: Date, next: () => number, population: AuditPopulation = SMALL_POPULATION, seed = 20): AuditEventContent {
  const look = Math.floor(n / EVENTS_PER_LOOK);
  const [userDraw, patientDraw, kindDraw] = lookDraws(seed, look);
  const user = Math.floor(userDraw * population.users);
  const odsCode = ORGANISATIONS[user % ORGANISATIONS.length];
  const denied = kindDraw < 0.02;
  const breakGlass = kindDraw > 0.998 ? { id: `bg-${seed}-${look}`, reason: 'EMERGENCY_CARE', detail: 'Unconscious on arrival' } : null;
  const subgraph = SUBGRAPHS[n % EVENTS_PER_LOOK];
  const viewed = COORDINATES.filter(() => next() < 0.6).sort();
  return {
    requestId: `seed-${seed}-${look.toString(36)}`,
    at,
    subgraph,
    operationName: `RecordSummary__${subgraph}__1`,
    client: { operationName: 'RecordSummary', application: 'shareforyou-viewer', internal: false },
    user: { id: `seed-user-${user}`, name: `Staff ${user}`, odsCode, jobRole: user % 5 === 0 ? 'R8001' : 'R8000', profile: 'clinical', familyName: `Family${user % 97}` },
    nhsNumber: syntheticNhsNumber(patientOf(patientDraw, population.patients)),
    viewed,
    denials: denied ? [{ coordinate: 'Patient.safeguarding', reason: 'FORBIDDEN_FIELD' }] : [],
    categories: ['allergies', 'medications', 'problems'].filter(() => next() < 0.7),
    denied,
    breakGlass,
    detail: null,
  };
}

/**
 * Appends `events` sealed events over `chains` new chains, `at` spread evenly over the `days`
 * before now (or after `from`); reports progress by the number inserted. Inserts go in batches of
 * 2,000, unordered. A long seeding resumes: chains before `firstChain` are taken as written (the
 * same options make the same chains, so pass `from`), and `onChainWritten` hears each one finished.
 */
export async function seedAuditEvents(
  auditDb: Connection,
  options: {
    events: number;
    chains: number;
    days?: number;
    from?: Date;
    seed?: number;
    population?: AuditPopulation;
    firstChain?: number;
    /** Chain 0 holds the newest events: a seeding stopped early still has the recent months, which the console's default periods read. */
    newestFirst?: boolean;
    onProgress?: (inserted: number) => void;
    onChainWritten?: (chain: number) => Promise<void> | void;
  },
): Promise<{ chainIds: string[] }> {
  const { AuditEvent, AuditChain } = auditModels(auditDb);
  const seed = options.seed ?? 20;
  const span = (options.days ?? 365) * 86_400_000;
  const start = options.from ? options.from.getTime() : Date.now() - span;
  const perChain = Math.ceil(options.events / options.chains);
  const chainIds: string[] = [];
  for (let c = options.firstChain ?? 0; c < options.chains; c += 1) {
    let n = (options.newestFirst ? options.chains - 1 - c : c) * perChain;
    const end = Math.min(options.events, n + perChain);
    if (n >= end) continue;
    const chainId = `seed-${SUBGRAPHS[c % SUBGRAPHS.length]}:${c}-${seed}-${start}`;
    chainIds.push(chainId);
    // A chain's own stream, so a resumed seeding writes what a whole one would have.
    const next = random(lookDraws(seed, -1 - c)[0] * 2 ** 32);
    await AuditChain.collection.insertOne({ _id: chainId as never, subgraph: SUBGRAPHS[c % SUBGRAPHS.length], startedAt: new Date(start), head: null });
    let prevHash = genesisHash(chainId);
    let batch: AuditEventRecord[] = [];
    let seq = 0;
    for (; n < end; seq += 1, n += 1) {
      const event = generatedEvent(n, new Date(start + Math.floor((span * n) / options.events)), next, options.population, seed);
      const hash = sealHash(event, chainId, seq, prevHash);
      batch.push({ ...event, chain: { chainId, seq, prevHash, hash } });
      prevHash = hash;
      if (batch.length === 2_000) {
        await AuditEvent.collection.insertMany(batch as never[], { ordered: false });
        batch = [];
        options.onProgress?.(c * perChain + seq + 1);
      }
    }
    if (batch.length > 0) await AuditEvent.collection.insertMany(batch as never[], { ordered: false });
    await AuditChain.collection.updateOne({ _id: chainId as never }, { $set: { head: { seq: seq - 1, hash: prevHash } } });
    options.onProgress?.(Math.min(options.events, (c + 1) * perChain));
    await options.onChainWritten?.(c);
  }
  return { chainIds };
}
