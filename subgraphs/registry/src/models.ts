import { Schema } from 'mongoose';
import type { RecordRestriction, SubgraphDatabases } from '@shareforyou/kit';
import type { AddressValue, CommunicationNeedsValue, ContactPointValue, DeceasedValue, PatientContactValue } from '@shareforyou/kit/src/ingest';

/** The patient index (demographics) and the organisation register. Access records live in the kit. */

export interface PatientRecord {
  _id: string;
  name: { given: string[]; family: string; text: string };
  /** Upper-cased family name: the trace matches on it exactly. */
  familyKey: string;
  birthDate: string;
  gender: string | null;
  /** Every address the source sent (Patient.address); which is current is decided when read. */
  addresses: AddressValue[];
  /** The current address's postcode at feed time, without spaces, upper-cased: the trace's key. */
  postcodeKey: string | null;
  telecom: ContactPointValue[];
  communication: CommunicationNeedsValue | null;
  contacts: PatientContactValue[];
  deceased: DeceasedValue | null;
  /** The source marks the record restricted (PDS sensitive flag): where the patient lives and how to reach them are shown to nobody. Absent on records fed before it was kept. */
  restricted?: boolean;
  /** Records fed before addresses and telecom were kept whole. */
  address?: { lines: string[]; city: string | null; postcode: string | null } | null;
  phone?: string | null;
  registeredPractice: { odsCode: string; name: string } | null;
  provenance: { odsCode: string; system: string; sourceId: string; version: string; lastUpdated: string };
  versionKey: string;
}

/**
 * The restricted flag the patient's access record takes from the index entry (clinical safety H165):
 * the entry's flag, by the entry's version. An entry without the field (fed before it was kept) gives
 * not restricted; no entry (or one without a version) gives null: the flag stays unknown, withheld.
 * The feed uses it for a Patient older than the index, the start's backfill for records kept before the flag.
 */
export function restrictionFromIndex(indexed: Pick<PatientRecord, 'restricted' | 'versionKey'> | null | undefined): RecordRestriction | null {
  if (!indexed?.versionKey) return null;
  return { restricted: indexed.restricted === true, versionKey: indexed.versionKey };
}

export interface OrganisationRecord {
  _id: string;
  name: string;
  kind: string;
  locality: string | null;
  sharingStatus: 'active' | 'suspended' | 'not-party';
  sourceSystem: string | null;
}

const patientSchema = new Schema<PatientRecord>(
  {
    _id: String,
    name: { given: [String], family: String, text: String },
    familyKey: { type: String, required: true },
    birthDate: { type: String, required: true },
    gender: { type: String, default: null },
    // Checked FHIR values, shaped by demographics.ts: kept as the feed wrote them.
    addresses: { type: Schema.Types.Mixed, default: () => [] },
    postcodeKey: { type: String, default: null },
    telecom: { type: Schema.Types.Mixed, default: () => [] },
    communication: { type: Schema.Types.Mixed, default: null },
    contacts: { type: Schema.Types.Mixed, default: () => [] },
    deceased: { type: Schema.Types.Mixed, default: null },
    restricted: { type: Boolean, default: false },
    address: { type: new Schema({ lines: [String], city: String, postcode: String }, { _id: false }), default: undefined },
    phone: { type: String, default: undefined },
    registeredPractice: { type: new Schema({ odsCode: String, name: String }, { _id: false }), default: null },
    provenance: { odsCode: String, system: String, sourceId: String, version: String, lastUpdated: String },
    versionKey: String,
  },
  { collection: 'patients', versionKey: false },
);
// The trace: exact family name and birth date, optionally narrowed by postcode.
patientSchema.index({ familyKey: 1, birthDate: 1, postcodeKey: 1 });

const organisationSchema = new Schema<OrganisationRecord>(
  {
    _id: String,
    name: { type: String, required: true },
    kind: { type: String, required: true },
    locality: { type: String, default: null },
    sharingStatus: { type: String, required: true, enum: ['active', 'suspended', 'not-party'] },
    sourceSystem: { type: String, default: null },
  },
  { collection: 'organisations', versionKey: false },
);

export function registryModels(databases: SubgraphDatabases) {
  const db = databases.own;
  return {
    Patient: db.models.Patient ?? db.model<PatientRecord>('Patient', patientSchema),
    Organisation: db.models.Organisation ?? db.model<OrganisationRecord>('Organisation', organisationSchema),
    ...databases.access,
  };
}
export type RegistryModels = ReturnType<typeof registryModels>;
