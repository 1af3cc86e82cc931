import type { Connection } from 'mongoose';
import { auditCheckpointModel, auditModels, runAuditVerification, sealHash, verifyAuditTrail } from '@shareforyou/kit';
import { seedAuditEvents } from '../../tools/src/bench/auditSeed';
import { closeDatabases, database } from '../support/clients';

/**
 * Incremental verification from a signed checkpoint (kit/src/audit/auditVerify.ts, auditCheckpoint.ts)
 * on the real database: an edit after the checkpoint is found by the next run, an edit before it only
 * by --full, and a checkpoint that was edited or forged is refused.
 */

let audit: Connection;
const events = () => audit.collection('auditEvents');
// No re-check window here: the checkpoint sits at each chain's verified end.
const run = (full = false) => runAuditVerification(audit, 'audit-checkpoint.test', { anchorPath: '/nonexistent/anchors.jsonl', full, recheck: 0 });

beforeAll(async () => {
  audit = (await database('audit')).useDb('audit_checkpoint_test');
  await audit.dropDatabase();
  await auditModels(audit).AuditEvent.init();
  // Two chains of 300 sealed events, built over a minute two hours ago (a run re-reads the last minutes before the one before it).
  await seedAuditEvents(audit, { events: 600, chains: 2, from: new Date(Date.now() - 2 * 3_600_000), days: 1 / 1440 });
});
afterAll(async () => {
  await audit?.dropDatabase();
  await closeDatabases();
});

const editViewed = async (filter: Record<string, unknown>) => {
  const original = (await events().findOne(filter))!;
  await events().updateOne({ _id: original._id }, { $set: { viewed: ['Patient.name'] } });
  return original;
};

describe('verification from a signed checkpoint', () => {
  it('the first run reads everything and signs a checkpoint; the next reads only what came after it', async () => {
    const first = await run();
    expect(first).toMatchObject({ breaks: [], full: true, events: 600, checkpointProblem: null });
    const second = await run();
    // Only the two checkpoint events themselves (checked again by their id) and nothing else.
    expect(second).toMatchObject({ breaks: [], full: false, events: 2 });
    expect(new Date(second.since!).getTime()).toBeGreaterThanOrEqual(first.startedAt.getTime());
  });

  it('an edit after the checkpoint is found by the incremental run', async () => {
    const { chainIds } = await seedAuditEvents(audit, { events: 50, chains: 1, from: new Date(), days: 1 / 1440, seed: 21 });
    const original = await editViewed({ 'chain.chainId': chainIds[0], 'chain.seq': 20 });
    try {
      const result = await run();
      expect(result.full).toBe(false);
      expect(result.events).toBeLessThan(100);
      expect(result.breaks).toEqual([{ chainId: chainIds[0], seq: 20, eventId: String(original._id), problem: expect.stringMatching(/does not match its seal/) }]);
    } finally {
      await events().replaceOne({ _id: original._id }, original);
    }
    expect((await run()).breaks).toEqual([]);
  });

  it('an event edited and sealed again after the checkpoint is found by the next link (prevHash)', async () => {
    const { chainIds } = await seedAuditEvents(audit, { events: 40, chains: 1, from: new Date(), days: 1 / 1440, seed: 22 });
    const chainId = chainIds[0];
    await run();
    // The chain goes on after its checkpoint: 10 more events, sealed as the writer seals them.
    const last = (await events().find({ 'chain.chainId': chainId }).sort({ 'chain.seq': -1 }).limit(1).toArray())[0];
    let prevHash = last.chain.hash as string;
    for (let seq = last.chain.seq + 1; seq <= last.chain.seq + 10; seq += 1) {
      const { _id, chain, ...content } = last;
      const event = { ...content, requestId: `after-checkpoint-${seq}`, at: new Date() };
      const hash = sealHash(event as never, chainId, seq, prevHash);
      await events().insertOne({ ...event, chain: { chainId, seq, prevHash, hash } });
      prevHash = hash;
    }
    const seq = last.chain.seq + 4;
    const original = (await events().findOne({ 'chain.chainId': chainId, 'chain.seq': seq }))!;
    const edited = { ...original, viewed: ['Patient.name'] };
    await events().replaceOne({ _id: original._id }, { ...edited, chain: { ...original.chain, hash: sealHash(edited as never, chainId, seq, original.chain.prevHash) } });
    try {
      const result = await run();
      expect(result.full).toBe(false);
      expect(result.breaks).toEqual([{ chainId, seq: seq + 1, eventId: expect.any(String), problem: expect.stringMatching(/prevHash does not match/) }]);
    } finally {
      await events().replaceOne({ _id: original._id }, original);
    }
    expect((await run()).breaks).toEqual([]);
  });

  it('an edit before the checkpoint is not read by the incremental run, and is found by --full', async () => {
    const original = await editViewed({ 'chain.seq': 100 });
    try {
      expect((await run()).breaks).toEqual([]);
      const full = await run(true);
      expect(full.full).toBe(true);
      expect(full.breaks).toEqual([{ chainId: original.chain.chainId, seq: 100, eventId: String(original._id), problem: expect.stringMatching(/does not match its seal/) }]);
      // The plain function reads everything too.
      expect((await verifyAuditTrail(audit)).breaks).toHaveLength(1);
    } finally {
      await events().replaceOne({ _id: original._id }, original);
    }
  });

  it('the checkpoint event itself edited, or the tail cut below the checkpoint, is found by the incremental run', async () => {
    await run();
    const latest = (await auditCheckpointModel(audit).findOne({}).sort({ at: -1 }).lean().exec()) as any;
    const link = latest.checkpoint.links[0];
    const at = (await events().findOne({ 'chain.chainId': link.chainId, 'chain.seq': link.seq }))!;
    await events().deleteOne({ _id: at._id });
    try {
      const result = await run();
      expect(result.breaks).toEqual([expect.objectContaining({ chainId: link.chainId, seq: link.seq, eventId: null })]);
    } finally {
      await events().insertOne(at);
    }
  });

  it('refuses a checkpoint that was edited or forged, says so, and verifies from the genesis instead', async () => {
    const model = auditCheckpointModel(audit);
    const latest = (await model.findOne({}).sort({ at: -1 }).lean().exec()) as any;
    // Move a link forward past an edit, keeping the old signature: the edit would be skipped if the checkpoint were believed.
    const original = await editViewed({ 'chain.chainId': latest.checkpoint.links[0].chainId, 'chain.seq': 250 });
    const forged = { ...latest.checkpoint, at: new Date(Date.now() + 1_000).toISOString(), links: latest.checkpoint.links.map((l: any) => ({ ...l })) };
    const later = (await events().findOne({ 'chain.chainId': forged.links[0].chainId, 'chain.seq': 299 }))!;
    Object.assign(forged.links[0], { seq: 299, hash: later.chain.hash, prevHash: later.chain.prevHash, eventId: String(later._id) });
    await model.collection.insertOne({ at: new Date(forged.at), checkpoint: forged, signature: latest.signature });
    try {
      const result = await run();
      expect(result.full).toBe(true);
      expect(result.breaks).toContainEqual({ chainId: '(checkpoint)', seq: 0, eventId: null, problem: expect.stringMatching(/does not carry a valid signature: the checkpoint store was altered/) });
      expect(result.breaks).toContainEqual({ chainId: original.chain.chainId, seq: 250, eventId: String(original._id), problem: expect.stringMatching(/does not match its seal/) });
    } finally {
      await events().replaceOne({ _id: original._id }, original);
      await model.deleteMany({ signature: latest.signature, at: new Date(forged.at) });
    }
    expect((await run()).breaks).toEqual([]);
  });
});
