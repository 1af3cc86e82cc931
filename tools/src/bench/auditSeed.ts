import type { Connection } from 'mongoose';
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

export function generatedEvent(n: number, at: Date, next: () => number): AuditEventContent {
  const user = Math.floor(next() * 400);
  const odsCode = ORGANISATIONS[user % ORGANISATIONS.length];
  const denied = next() < 0.02;
  const breakGlass = next() < 0.002 ? { id: `bg-${n}`, reason: 'EMERGENCY_CARE', detail: 'Unconscious on arrival' } : null;
  const viewed = COORDINATES.filter(() => next() < 0.6).sort();
  return {
    requestId: `seed-${n.toString(36)}-${Math.floor(n / 7).toString(36)}`,
    at,
    subgraph: SUBGRAPHS[n % SUBGRAPHS.length],
    operationName: `RecordSummary__${SUBGRAPHS[n % SUBGRAPHS.length]}__1`,
    client: { operationName: 'RecordSummary', application: 'shareforyou-viewer', internal: false },
    user: { id: `seed-user-${user}`, name: `Staff ${user}`, odsCode, jobRole: user % 5 === 0 ? 'R8001' : 'R8000', profile: 'clinical', familyName: `Family${user % 97}` },
    nhsNumber: String(9_000_000_000 + Math.floor(next() * 5_000)),
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
 * before now (or after `from`); reports progress by the number inserted. Inserts go in batches of 2,000, unordered.
 */
export async function seedAuditEvents(
  auditDb: Connection,
  options: { events: number; chains: number; days?: number; from?: Date; seed?: number; onProgress?: (inserted: number) => void },
): Promise<{ chainIds: string[] }> {
  const { AuditEvent, AuditChain } = auditModels(auditDb);
  const next = random(options.seed ?? 20);
  const span = (options.days ?? 365) * 86_400_000;
  const start = options.from ? options.from.getTime() : Date.now() - span;
  const perChain = Math.ceil(options.events / options.chains);
  const chainIds: string[] = [];
  let n = 0;
  for (let c = 0; c < options.chains && n < options.events; c += 1) {
    const chainId = `seed-${SUBGRAPHS[c % SUBGRAPHS.length]}:${c}-${options.seed ?? 20}-${start}`;
    chainIds.push(chainId);
    await AuditChain.collection.insertOne({ _id: chainId as never, subgraph: SUBGRAPHS[c % SUBGRAPHS.length], startedAt: new Date(start), head: null });
    let prevHash = genesisHash(chainId);
    let batch: AuditEventRecord[] = [];
    let seq = 0;
    for (; seq < perChain && n < options.events; seq += 1, n += 1) {
      const event = generatedEvent(n, new Date(start + Math.floor((span * n) / options.events)), next);
      const hash = sealHash(event, chainId, seq, prevHash);
      batch.push({ ...event, chain: { chainId, seq, prevHash, hash } });
      prevHash = hash;
      if (batch.length === 2_000) {
        await AuditEvent.collection.insertMany(batch as never[], { ordered: false });
        batch = [];
        options.onProgress?.(n + 1);
      }
    }
    if (batch.length > 0) await AuditEvent.collection.insertMany(batch as never[], { ordered: false });
    await AuditChain.collection.updateOne({ _id: chainId as never }, { $set: { head: { seq: seq - 1, hash: prevHash } } });
    options.onProgress?.(n);
  }
  return { chainIds };
}
