import {
  FeedProblem,
  ODS_SYSTEM,
  required,
  sourceItemId,
  versionKey,
  type CareRelationshipRecord,
  type EntryResult,
  type FeedEntry,
  type FeedingOrganisation,
  type FeedTarget,
  type PatientAccessRecord,
  type PreparedEntries,
  applyAccessChanges,
  restrictionAfter,
  type AccessChange,
  type StagedAccessWrites,
  compareAndSet,
  type DocumentChange,
  versionVerdict,
} from '@shareforyou/kit';
import { relationshipRuleFor } from '@shareforyou/schema';
import { restrictionFromIndex, type PatientRecord, type RegistryModels } from './models';
import { postcodeKey } from './patientTrace';
import { relationshipSpan, ruleForEvent } from './careRelationships';
import { addressOf, calendarDateOf, communicationOf, contactPointsOf, contactsOf, currentAddressOf, deceasedOf, restrictedOf } from '@shareforyou/kit/src/ingest';

/**
 * The registry's feed: demographics and registration from GP practices, and the events that form
 * care relationships from everyone else: admissions and A&E attendances (Encounter), outpatient
 * bookings (Appointment), referrals and open cases (EpisodeOfCare).
 */

type Demographics = Omit<PatientRecord, 'registeredPractice' | 'provenance' | 'versionKey'> & { practiceOdsCode: string };
type Prepared =
  | { kind: 'patient'; demographics: Demographics; versionKey: string }
  | { kind: 'relationship'; relationship: Omit<CareRelationshipRecord, 'organisationName' | 'odsCode'>; versionKey: string }
  | { kind: 'delete'; versionKey: string };

function demographicsOf(r: fhir4.Patient, entry: FeedEntry, organisation: FeedingOrganisation): Demographics {
  const name = r.name?.find((n) => n.use === 'official') ?? r.name?.[0];
  const family = required(name?.family, 'Patient.name.family');
  const given = name?.given ?? [];
  const addresses = (r.address ?? []).map(addressOf);
  // The trace matches the address that is current when the source sends it.
  const address = currentAddressOf(addresses, new Date());
  const practice = r.generalPractitioner?.find((g) => g.identifier?.system === ODS_SYSTEM)?.identifier?.value;
  if (practice && practice !== organisation.odsCode) {
    throw new FeedProblem('Patient.generalPractitioner', `A practice feeds only its own registered patients; this names ${practice}`);
  }
  return {
    _id: entry.nhsNumber,
    name: { given, family, text: `${given.join(' ')} ${family.toUpperCase()}`.trim() },
    familyKey: family.toUpperCase(),
    birthDate: calendarDateOf(r.birthDate, 'Patient.birthDate'),
    gender: r.gender ?? null,
    addresses,
    postcodeKey: address?.postcode ? postcodeKey(address.postcode) : null,
    telecom: contactPointsOf(r.telecom),
    communication: communicationOf(r),
    contacts: contactsOf(r.contact),
    deceased: deceasedOf(r),
    restricted: restrictedOf(r),
    practiceOdsCode: organisation.odsCode,
  };
}

function relationshipOf(entry: FeedEntry, organisation: FeedingOrganisation): Prepared {
  const rule = ruleForEvent(organisation.kind, entry.resource);
  const { relationship, from, until } = relationshipSpan(rule, entry.resource, entry.lastUpdated);
  return { kind: 'relationship', versionKey: versionKey(entry), relationship: { kind: relationship, from, until, sourceId: sourceItemId(organisation, entry) } };
}

/** The access-record changes of one patient's prepared entries (kit: stagedAccess), in entry order. */
// A Patient also sets the record's restricted flag on the access record, by its version, so every
// subgraph knows it from the read it already makes (kit: access/restrictedRecord, clinical safety H165).
// A Patient older than the index entry gives the index's flag instead (a record stored before the
// flag was kept takes it so, never from a late, older version).
function accessChangesOf(prepared: PreparedEntries<Prepared>, organisation: FeedingOrganisation, now: Date, indexed: PatientRecord | null = null): AccessChange[] {
  return prepared.flatMap(({ entry, prepared: p }): AccessChange[] => {
    if (p.kind === 'patient') {
      const registration: CareRelationshipRecord = { odsCode: organisation.odsCode, organisationName: organisation.name, kind: 'registration', from: new Date(entry.lastUpdated), until: null, sourceId: `${organisation.odsCode}/registration`, versionKey: p.versionKey };
      const fromIndex = indexed && versionVerdict(p.versionKey, indexed.versionKey) === 'stale' ? restrictionFromIndex(indexed) : null;
      const flag = fromIndex ?? { restricted: p.demographics.restricted === true, versionKey: p.versionKey };
      return [
        { index: entry.index, kind: 'restriction', ...flag },
        { index: entry.index, kind: 'registration', registration, endOthersAt: now },
      ];
    }
    const sourceId = sourceItemId(organisation, entry);
    const relationship = p.kind === 'relationship' ? { ...p.relationship, odsCode: organisation.odsCode, organisationName: organisation.name, versionKey: p.versionKey } : null;
    return [{ index: entry.index, kind: 'relationship', sourceId, relationship, versionKey: p.versionKey }];
  });
}

/** The access record's relationships and restricted flag with these changes applied; what each relationship entry did. */
function accessAfter(stored: PatientAccessRecord | null, changes: AccessChange[]) {
  const relationships = (stored?.relationships ?? []).map((r) => ({ ...r }));
  const results = applyAccessChanges(relationships, changes);
  const restriction = restrictionAfter(stored?.restriction, changes);
  return { set: restriction ? { relationships, restriction } : { relationships }, results };
}

const CHANGED = new Set<EntryResult>(['created', 'updated', 'deleted']);
const KEPT_CHANGING = "the patient's access record kept changing while this feed was written; send the bundle again";

export function registryFeedTarget(models: RegistryModels): FeedTarget<Prepared> {
  function patientRecordOf(prepared: Extract<Prepared, { kind: 'patient' }>, entry: FeedEntry, organisation: FeedingOrganisation): PatientRecord {
    const { practiceOdsCode, ...demographics } = prepared.demographics;
    return {
      ...demographics,
      registeredPractice: { odsCode: practiceOdsCode, name: organisation.name },
      provenance: { odsCode: organisation.odsCode, system: organisation.sourceSystem ?? 'unknown', sourceId: entry.sourceId, version: entry.version, lastUpdated: entry.lastUpdated },
      versionKey: prepared.versionKey,
    };
  }

  /** What writing this record would do to the index entry as it stands. */
  const patientResult = (current: PatientRecord | null, record: PatientRecord): EntryResult =>
    !current ? 'created' : (versionVerdict(record.versionKey, current.versionKey) ?? 'updated');

  const readIndexed = async (nhsNumber: string) => (await models.Patient.findById(nhsNumber).lean().exec()) as PatientRecord | null;

  /**
   * Writes the patient's index entry by version (idempotent: an older or equal version changes
   * nothing), by compare-and-set on the version it read. `known`: the entry as the caller already
   * read it (no second read of the same entry); when it has changed since, the entry is read again
   * and decided on as it stands. Index versions only go up, so an older `known` never lets an older
   * or equal record through.
   */
  async function storePatient(record: PatientRecord, known?: PatientRecord | null): Promise<EntryResult> {
    const current = known === undefined ? await readIndexed(record._id) : known;
    const result = patientResult(current, record);
    if (result === 'unchanged' || result === 'stale') return result;
    if (current) {
      const { matchedCount } = await models.Patient.updateOne({ _id: record._id, versionKey: current.versionKey }, { $set: record }).exec();
      if (matchedCount) return 'updated';
    } else {
      try {
        await models.Patient.create(record);
        return 'created';
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
      }
    }
    // Another writer changed the entry since it was read: once more as it stands, else stale.
    return known === undefined ? 'stale' : storePatient(record);
  }

  const patientEntries = (prepared: PreparedEntries<Prepared>, organisation: FeedingOrganisation) =>
    prepared.flatMap(({ entry, prepared: p }) => (p.kind === 'patient' ? [{ index: entry.index, record: patientRecordOf(p, entry, organisation) }] : []));

  /** Read, change in memory, compare-and-set on the access record (kit: compareAndSet). */
  const changeAccess = (nhsNumber: string, change: (stored: PatientAccessRecord | null) => DocumentChange<PatientAccessRecord> | null) =>
    compareAndSet<PatientAccessRecord>(models.PatientAccess, nhsNumber, change, { relationships: [], recordOptOut: null, breakGlass: [] }, KEPT_CHANGING);

  return {
    resourceTypes: new Set(['Patient', 'EpisodeOfCare', 'Encounter', 'Appointment']),

    refuseOrganisation: (organisation) => (organisation.sourceSystem ? null : `${organisation.odsCode} has no registered source system`),

    prepare(entry, organisation) {
      if (entry.method === 'delete') return { kind: 'delete', versionKey: versionKey(entry) };
      if (entry.resourceType === 'Patient') {
        if (!relationshipRuleFor(organisation.kind, 'Patient')) throw new FeedProblem('Patient', 'Demographics and registration come from the registered GP practice');
        return { kind: 'patient', demographics: demographicsOf(entry.resource, entry, organisation), versionKey: versionKey(entry) };
      }
      return relationshipOf(entry, organisation);
    },

    async write(nhsNumber, prepared, organisation) {
      const results = new Map<number, EntryResult>();
      // Relationships (registration included) and the restricted flag change together, by
      // compare-and-set on the access record, before the index: a record becoming restricted has its
      // relatives withheld before its address is (never a moment the other way round), and a crash
      // between the two is mended by sending the Patient again.
      // The index entry is read once: for the restricted flag of a Patient older than it, then as the
      // entry each Patient is written over (after a write, the record written).
      const patients = patientEntries(prepared, organisation);
      let indexed = patients.length ? await readIndexed(nhsNumber) : null;
      const changes = accessChangesOf(prepared, organisation, new Date(), indexed);
      await changeAccess(nhsNumber, (stored) => {
        const { set, results: relationshipResults } = accessAfter(stored, changes);
        relationshipResults.forEach((result, index) => results.set(index, result));
        return { set };
      });
      for (const { index, record } of patients) {
        const result = await storePatient(record, indexed);
        results.set(index, result);
        if (result === 'created' || result === 'updated') indexed = record;
      }
      return results;
    },

    // A transaction's writes wait on the access record (kit: stagedAccess) until its journal entry
    // commits: every subgraph's access reads, and the registry's own, leave them out until then.
    async stage(nhsNumber, prepared, organisation, journalId) {
      const demographics = patientEntries(prepared, organisation);
      const indexed = demographics.length ? await readIndexed(nhsNumber) : null;
      const changes = accessChangesOf(prepared, organisation, new Date(), indexed);
      let results = new Map<number, EntryResult>();
      await changeAccess(nhsNumber, (stored) => {
        // What each entry does to the record as it stands (the answer to the source); nothing is applied yet.
        results = new Map(demographics.map(({ index, record }) => [index, patientResult(indexed, record)]));
        applyAccessChanges((stored?.relationships ?? []).map((r) => ({ ...r })), changes).forEach((result, index) => results.set(index, result));
        const already = (stored?.staged ?? []).some((s) => s.journal === journalId);
        // A record without the flag (stored before it was kept) takes it from an unchanged Patient too.
        const flagChanges = restrictionAfter(stored?.restriction, changes) !== stored?.restriction;
        if (already || (!flagChanges && ![...results.values()].some((r) => CHANGED.has(r)))) return null;
        // Opted out since the bundle was checked: nothing about the patient is kept.
        if (stored?.recordOptOut?.status === 'opted-out') {
          results = new Map([...results.keys()].map((index) => [index, 'refused-opted-out']));
          return null;
        }
        const staged: StagedAccessWrites = { journal: journalId, changes, demographics: demographics.filter(({ index }) => CHANGED.has(results.get(index)!)).map(({ record }) => record) };
        return { set: { staged: [...(stored?.staged ?? []), staged] } };
      });
      return results;
    },

    async settle(nhsNumber, journalId) {
      const stored = (await models.PatientAccess.findById(nhsNumber).lean().exec()) as PatientAccessRecord | null;
      const mine = (stored?.staged ?? []).filter((s) => s.journal === journalId);
      if (mine.length === 0 || stored?.recordOptOut?.status === 'opted-out') return;
      // The index first, then the relationships with the staged writes removed: a crash between
      // the two repeats the first (unchanged) and readers see the same patient either way.
      for (const staged of mine) for (const record of staged.demographics ?? []) await storePatient(record as unknown as PatientRecord);
      await changeAccess(nhsNumber, (current) => {
        const ours = (current?.staged ?? []).filter((s) => s.journal === journalId);
        if (!current || ours.length === 0) return null;
        const { set } = accessAfter(current, ours.flatMap((s) => s.changes));
        const rest = current.staged!.filter((s) => s.journal !== journalId);
        return rest.length ? { set: { ...set, staged: rest } } : { set, unset: ['staged'] };
      });
    },
  };
}
