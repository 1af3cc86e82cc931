import type { Connection } from 'mongoose';
import type { RegistryAccessModels } from './access/registryRecords';
import type { PatientSliceModel } from './slice/patientSlice';

/**
 * Follows the registry's opt-out log and deletes the slices of patients who opted out. Reads are
 * already refused from the moment of opt-out (the access decision); this removes the stored data,
 * and catches up on start after any downtime. Runs on its own connection so it never counts as
 * request-path work.
 *
 * Every sweep also replays the changes of the last OPT_OUT_REPLAY_MS, not only what is new: a feed
 * that checked the patient just before the opt-out can still write its slice just after a sweep,
 * and without the replay nothing would remove it once later changes moved the watermark on. The
 * window is wall-clock time (a feed under way), so a quiet log is not replayed over and over.
 */
const OPT_OUT_REPLAY_MS = 60_000;

export function followOptOuts(options: {
  subgraph: string;
  ownDb: Connection;
  access: RegistryAccessModels;
  slices: PatientSliceModel;
  intervalMs?: number;
  log: (message: string) => void;
}): () => void {
  const state = options.ownDb.collection<{ _id: string; watermark: Date }>('purgeState');
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const sweep = async () => {
    const saved = await state.findOne({ _id: 'optOutLog' });
    const watermark = saved?.watermark ?? new Date(0);
    const since = new Date(Math.min(watermark.getTime(), Date.now() - OPT_OUT_REPLAY_MS));
    const changes = await options.access.OptOutLog.find({ recordedAt: { $gte: since } }).sort({ recordedAt: 1 }).lean().exec();
    if (changes.length === 0) return;
    const optedOut = new Set<string>();
    for (const change of changes) {
      if (change.status === 'opted-out') optedOut.add(change.nhsNumber);
      else optedOut.delete(change.nhsNumber);
    }
    if (optedOut.size > 0) {
      const { deletedCount } = await options.slices.deleteMany({ _id: { $in: [...optedOut] } }).exec();
      if (deletedCount) options.log(`purged ${deletedCount} opted-out patient slice(s)`);
    }
    const latest = changes[changes.length - 1].recordedAt;
    if (latest.getTime() !== watermark.getTime()) await state.updateOne({ _id: 'optOutLog' }, { $set: { watermark: latest } }, { upsert: true });
  };

  const loop = async () => {
    try {
      await sweep();
    } catch (error) {
      options.log(`opt-out purge will retry: ${(error as Error).message}`);
    }
    if (!stopped) timer = setTimeout(loop, options.intervalMs ?? 2_000);
  };
  void loop();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
