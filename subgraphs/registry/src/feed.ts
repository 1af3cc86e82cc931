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
} from '@shareforyou/kit';
import { relationshipRuleFor } from '@shareforyou/schema';
import type { PatientRecord, RegistryModels } from './models';
import { postcodeKey } from './patientTrace';
import { relationshipSpan, ruleForEvent } from './careRelationships';
import { addressOf, calendarDateOf, communicationOf, contactPointsOf, contactsOf, currentAddressOf, deceasedOf } from '@shareforyou/kit/src/ingest';

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
    practiceOdsCode: organisation.odsCode,
  };
}

function relationshipOf(entry: FeedEntry, organisation: FeedingOrganisation): Prepared {
  const rule = ruleForEvent(organisation.kind, entry.resource);
  const { relationship, from, until } = relationshipSpan(rule, entry.resource, entry.lastUpdated);
  return { kind: 'relationship', versionKey: versionKey(entry), relationship: { kind: relationship, from, until, sourceId: sourceItemId(organisation, entry) } };
}

type Relationship = CareRelationshipRecord & { versionKey?: string };

function applyRelationship(relationships: Relationship[], sourceId: string, next: Relationship | null, key: string): EntryResult {
  const existing = relationships.find((r) => r.sourceId === sourceId);
  if (existing?.versionKey && key === existing.versionKey) return 'unchanged';
  if (existing?.versionKey && key < existing.versionKey) return 'stale';
  const index = relationships.indexOf(existing!);
  if (!next) {
    if (index >= 0) relationships.splice(index, 1);
    return 'deleted';
  }
  if (index >= 0) relationships[index] = next;
  else relationships.push(next);
  return existing ? 'updated' : 'created';
}

export function registryFeedTarget(models: RegistryModels): FeedTarget<Prepared> {
  async function writePatient(prepared: Extract<Prepared, { kind: 'patient' }>, entry: FeedEntry, organisation: FeedingOrganisation): Promise<EntryResult> {
    const { practiceOdsCode, ...demographics } = prepared.demographics;
    const record: PatientRecord = {
      ...demographics,
      registeredPractice: { odsCode: practiceOdsCode, name: organisation.name },
      provenance: { odsCode: organisation.odsCode, system: organisation.sourceSystem ?? 'unknown', sourceId: entry.sourceId, version: entry.version, lastUpdated: entry.lastUpdated },
      versionKey: prepared.versionKey,
    };
    const current = (await models.Patient.findById(entry.nhsNumber).lean().exec()) as PatientRecord | null;
    if (current && current.versionKey >= prepared.versionKey) return current.versionKey === prepared.versionKey ? 'unchanged' : 'stale';
    if (current) {
      const { matchedCount } = await models.Patient.updateOne({ _id: entry.nhsNumber, versionKey: current.versionKey }, { $set: record }).exec();
      return matchedCount ? 'updated' : 'stale';
    }
    try {
      await models.Patient.create(record);
      return 'created';
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return 'stale';
      throw error;
    }
  }

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
      const patientEntries = prepared.filter((p) => p.prepared.kind === 'patient');
      for (const { entry, prepared: p } of patientEntries) {
        results.set(entry.index, await writePatient(p as Extract<Prepared, { kind: 'patient' }>, entry, organisation));
      }
      // Relationships (registration included) change together, by compare-and-set on the access record.
      for (let attempt = 1; attempt <= 6; attempt += 1) {
        const stored = (await models.PatientAccess.findById(nhsNumber).lean().exec()) as PatientAccessRecord | null;
        const relationships: Relationship[] = (stored?.relationships ?? []).map((r) => ({ ...r }));
        const relationshipResults = new Map<number, EntryResult>();
        for (const { entry, prepared: p } of prepared) {
          const sourceId = sourceItemId(organisation, entry);
          if (p.kind === 'patient') {
            const registration: Relationship = { odsCode: organisation.odsCode, organisationName: organisation.name, kind: 'registration', from: new Date(entry.lastUpdated), until: null, sourceId: `${organisation.odsCode}/registration`, versionKey: p.versionKey };
            const existing = relationships.find((r) => r.sourceId === registration.sourceId && r.until === null);
            if (!existing) applyRelationship(relationships, registration.sourceId, registration, p.versionKey);
            // A new registration ends registration at any other practice.
            for (const r of relationships) if (r.kind === 'registration' && r.odsCode !== organisation.odsCode && r.until === null) r.until = new Date();
          } else if (p.kind === 'relationship') {
            relationshipResults.set(entry.index, applyRelationship(relationships, sourceId, { ...p.relationship, odsCode: organisation.odsCode, organisationName: organisation.name, versionKey: p.versionKey }, p.versionKey));
          } else {
            relationshipResults.set(entry.index, applyRelationship(relationships, sourceId, null, p.versionKey));
          }
        }
        const { matchedCount } = stored
          ? await models.PatientAccess.updateOne({ _id: nhsNumber, revision: stored.revision }, { $set: { relationships }, $inc: { revision: 1 } }).exec()
          : await models.PatientAccess.create({ _id: nhsNumber, relationships, recordOptOut: null, breakGlass: [], revision: 1 }).then(
              () => ({ matchedCount: 1 }),
              (error: { code?: number }) => {
                if (error.code === 11000) return { matchedCount: 0 };
                throw error;
              },
            );
        if (matchedCount === 1) {
          relationshipResults.forEach((result, index) => results.set(index, result));
          return results;
        }
      }
      throw new Error('the patient\'s access record kept changing while this feed was written; send the bundle again');
    },
  };
}
