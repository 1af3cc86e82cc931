import type { Connection } from 'mongoose';
import { Schema } from 'mongoose';
import express from 'express';
import { isValidNhsNumber, normaliseNhsNumber, verifySystemToken } from '@shareforyou/kit';
import { addressKey, nameKey } from './matching';

/**
 * The staff directory: an HR (ESR-style) feed of each organisation's staff, so the monitoring can
 * find a member of staff looking at their own record or at someone living at their address. It is
 * personal data about staff, kept apart from the trail in its own database ("staff") beside the
 * audit store, on the same server and credentials, read only by the audit service.
 *
 * The feed is a snapshot: POST /staff-feed with the organisation's system token replaces that
 * organisation's list (who has left drops out). A bad row refuses the whole snapshot.
 */

const STAFF_FEED_PATH = '/staff-feed';
const MAX_STAFF = 100_000;

export interface StaffMemberRecord {
  /** `${odsCode}:${staffId}` */
  _id: string;
  /** The member of staff's identity-provider id (what the trail records as user.id). */
  staffId: string;
  odsCode: string;
  givenName: string | null;
  familyName: string | null;
  familyKey: string | null;
  address: { lines: string[]; postcode: string | null } | null;
  addressKey: string | null;
  nhsNumber: string | null;
  importedAt: Date;
}

const staffMemberSchema = new Schema<StaffMemberRecord>(
  {
    _id: String,
    staffId: { type: String, required: true },
    odsCode: { type: String, required: true },
    givenName: { type: String, default: null },
    familyName: { type: String, default: null },
    familyKey: { type: String, default: null },
    address: { type: new Schema({ lines: [String], postcode: String }, { _id: false }), default: null },
    addressKey: { type: String, default: null },
    nhsNumber: { type: String, default: null },
    importedAt: { type: Date, required: true },
  },
  { collection: 'staffMembers', versionKey: false },
);
// The sweep asks by staff id; a snapshot replaces one organisation's rows.
staffMemberSchema.index({ staffId: 1 });
staffMemberSchema.index({ odsCode: 1, importedAt: 1 });

export function staffModel(auditDb: Connection) {
  const staffDb = auditDb.useDb('staff', { useCache: true });
  return staffDb.models.StaffMember ?? staffDb.model<StaffMemberRecord>('StaffMember', staffMemberSchema);
}
export type StaffModel = ReturnType<typeof staffModel>;

export interface StaffFeedRow {
  staffId?: unknown;
  givenName?: unknown;
  familyName?: unknown;
  addressLines?: unknown;
  postcode?: unknown;
  nhsNumber?: unknown;
}

const text = (value: unknown, max = 200): string | null => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null);

/** Checks and normalises a snapshot; throws with the row and the fix when a row is bad. */
function staffRecords(odsCode: string, rows: unknown, importedAt = new Date()): StaffMemberRecord[] {
  if (!Array.isArray(rows)) throw new Error('The body must be { "staff": [ { "staffId": ..., "familyName": ..., ... } ] }.');
  if (rows.length > MAX_STAFF) throw new Error(`At most ${MAX_STAFF} staff per snapshot.`);
  const seen = new Set<string>();
  return rows.map((raw: StaffFeedRow, index) => {
    const where = `staff[${index}]`;
    const staffId = text(raw?.staffId);
    if (!staffId) throw new Error(`${where}: staffId is required (the member of staff's identity-provider id, as they sign in).`);
    if (seen.has(staffId)) throw new Error(`${where}: staffId ${staffId} appears twice.`);
    seen.add(staffId);
    let nhsNumber: string | null = null;
    if (raw.nhsNumber !== undefined && raw.nhsNumber !== null && raw.nhsNumber !== '') {
      if (typeof raw.nhsNumber !== 'string' || !isValidNhsNumber(raw.nhsNumber)) throw new Error(`${where}: nhsNumber is not a valid NHS number (leave it empty when not known).`);
      nhsNumber = normaliseNhsNumber(raw.nhsNumber);
    }
    const lines = Array.isArray(raw.addressLines) ? raw.addressLines.map((line) => text(line)).filter((line): line is string => line !== null) : [];
    const postcode = text(raw.postcode, 10);
    const address = lines.length || postcode ? { lines, postcode } : null;
    const familyName = text(raw.familyName);
    return {
      _id: `${odsCode}:${staffId}`,
      staffId,
      odsCode,
      givenName: text(raw.givenName),
      familyName,
      familyKey: nameKey(familyName),
      address,
      addressKey: addressKey(address),
      nhsNumber,
      importedAt,
    };
  });
}

/** Replaces the organisation's staff with the snapshot: upsert every row, then drop the rows it did not carry. */
async function replaceStaff(model: StaffModel, odsCode: string, records: StaffMemberRecord[], importedAt: Date): Promise<{ staff: number; removed: number }> {
  for (let i = 0; i < records.length; i += 500) {
    await model.bulkWrite(records.slice(i, i + 500).map((record) => ({ replaceOne: { filter: { _id: record._id }, replacement: record, upsert: true } })));
  }
  const removed = await model.deleteMany({ odsCode, importedAt: { $lt: importedAt } }).exec();
  return { staff: records.length, removed: removed.deletedCount ?? 0 };
}

export function mountStaffFeed(app: express.Express, model: StaffModel, log: (message: string) => void): void {
  app.post(STAFF_FEED_PATH, express.json({ limit: '50mb' }), async (req, res) => {
    let odsCode: string;
    try {
      odsCode = verifySystemToken(req.header('authorization')).odsCode;
    } catch (error) {
      res.status(401).json({ error: (error as Error).message });
      return;
    }
    const importedAt = new Date();
    let records: StaffMemberRecord[];
    try {
      records = staffRecords(odsCode, (req.body as { staff?: unknown })?.staff, importedAt);
    } catch (error) {
      res.status(400).json({ error: (error as Error).message });
      return;
    }
    try {
      const result = await replaceStaff(model, odsCode, records, importedAt);
      log(`staff feed: ${result.staff} staff for ${odsCode}, ${result.removed} removed`);
      res.json({ odsCode, ...result });
    } catch {
      res.status(503).json({ error: 'The staff directory could not be written just now; nothing was changed for the rows not yet written. Send the snapshot again.' });
    }
  });
}
