import { Schema, type Connection } from 'mongoose';
import { compareAndSet, type PatientAccessRecord } from '@shareforyou/kit';
import { restrictionFromIndex, type PatientRecord, type RegistryModels } from './models';

/**
 * Access records kept before the restricted flag was (clinical safety H165) have no flag, so every
 * organisation's relatives are withheld from everyone (fail closed) until the practice sends the
 * Patient again. At start the registry gives each such record the flag its own patient index holds,
 * in the background, a page at a time in `_id` order, and notes when a whole pass is done so later
 * starts skip it. A record the index does not hold (a hospital's relationship before any
 * demographics) stays without a flag: withheld until they come. Never overwrites a flag: a feed
 * that set one meanwhile set a newer one.
 */

const PAGE = 500;
const DONE_ID = 'restriction-backfill';

interface MaintenanceRecord {
  _id: string;
  doneAt: Date;
  /** Records given their index's flag by the pass. */
  flagged: number;
}

const maintenanceSchema = new Schema<MaintenanceRecord>({ _id: String, doneAt: Date, flagged: Number }, { collection: 'registryMaintenance', versionKey: false });

export const maintenanceModel = (db: Connection) => db.models.RegistryMaintenance ?? db.model<MaintenanceRecord>('RegistryMaintenance', maintenanceSchema);

/** The flag an access record takes from the index entry, or null when it has one already. */
export function backfilledRestriction(stored: Pick<PatientAccessRecord, 'restriction'> | null, indexed: Pick<PatientRecord, 'restricted' | 'versionKey'> | null) {
  if (!stored || stored.restriction) return null;
  return restrictionFromIndex(indexed);
}

export async function backfillRestrictions(models: RegistryModels, maintenance: ReturnType<typeof maintenanceModel>, options: { stopping: () => boolean; log: (message: string) => void }): Promise<number> {
  if (await maintenance.exists({ _id: DONE_ID })) return 0;
  let after = '';
  let flagged = 0;
  for (;;) {
    if (options.stopping()) return flagged;
    const page = (await models.PatientAccess.find(after ? { _id: { $gt: after } } : {}).sort({ _id: 1 }).limit(PAGE).select({ _id: 1, restriction: 1 }).lean().exec()) as Array<Pick<PatientAccessRecord, '_id' | 'restriction'>>;
    if (page.length === 0) break;
    after = page[page.length - 1]._id;
    const unflagged = page.filter((record) => !record.restriction).map((record) => record._id);
    if (unflagged.length === 0) continue;
    // The page's index entries in one read (one $in), not one a patient. Read before the page's
    // compare-and-sets, as each was before its own: a feed writing meanwhile sets the access record's
    // flag before the index (the check below then leaves it), and a transaction settling later sets
    // its newer flag by version over the one given here.
    const entries = (await models.Patient.find({ _id: { $in: unflagged } }).select({ restricted: 1, versionKey: 1 }).lean().exec()) as Array<Pick<PatientRecord, '_id' | 'restricted' | 'versionKey'>>;
    const indexedById = new Map(entries.map((entry) => [entry._id, entry]));
    for (const _id of unflagged) {
      const indexed = indexedById.get(_id) ?? null;
      let set = false;
      await compareAndSet<PatientAccessRecord>(models.PatientAccess, _id, (stored) => {
        const restriction = backfilledRestriction(stored, indexed);
        set = restriction !== null;
        return restriction ? { set: { restriction } } : null;
      }, {}, `the access record of a patient kept changing while its restricted flag was backfilled; the next start tries again`);
      if (set) flagged += 1;
    }
  }
  await maintenance.updateOne({ _id: DONE_ID }, { $set: { doneAt: new Date(), flagged } }, { upsert: true }).exec();
  if (flagged) options.log(`restricted flag backfilled onto ${flagged} access records kept before it was (clinical safety H165)`);
  return flagged;
}
