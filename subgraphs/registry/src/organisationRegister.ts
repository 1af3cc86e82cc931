import type { Connection } from 'mongoose';
import { loadOrganisationKinds } from '@shareforyou/schema';
import type { SharingStatus } from '@shareforyou/kit';

/**
 * The organisation register's write path, for the programme administrator (npm run register) and
 * the demo seed alike: who takes part in the data sharing framework, of which kind, and whether
 * their access is active or suspended. Every change is kept with who made it and why. The gateway
 * reads a status afresh within ORGANISATION_STATUS_TTL_SECONDS (default 30), feeds at once.
 */

export interface OrganisationEntry {
  odsCode: string;
  name: string;
  kind: string;
  locality: string | null;
  sharingStatus: SharingStatus;
  /** The source system that feeds the organisation's slice (kinds with a subgraph). */
  sourceSystem: string | null;
}

export interface RegisterChange {
  by: string;
  reason: string;
}

const ODS_CODE = /^[A-Z0-9]{3,8}$/;
const STATUSES: SharingStatus[] = ['active', 'suspended', 'not-party'];

/** What is wrong with an entry, in words the administrator can act on (empty when nothing). */
function organisationEntryProblems(entry: OrganisationEntry, kinds = loadOrganisationKinds()): string[] {
  const problems: string[] = [];
  if (!ODS_CODE.test(entry.odsCode)) problems.push(`ODS code "${entry.odsCode}" must be 3-8 capital letters and digits`);
  if (!entry.name?.trim()) problems.push('the organisation needs a name');
  const kind = kinds[entry.kind];
  if (!kind) problems.push(`unknown kind "${entry.kind}"; known kinds (schema/organisation-kinds.yaml): ${Object.keys(kinds).join(', ')}`);
  if (!STATUSES.includes(entry.sharingStatus)) problems.push(`sharing status must be one of ${STATUSES.join(', ')}`);
  if (kind?.subgraph && entry.sharingStatus === 'active' && !entry.sourceSystem?.trim()) {
    problems.push(`a ${kind.label.toLowerCase()} contributes a slice: name its source system (--source-system)`);
  }
  return problems;
}

function changeProblems(change: RegisterChange): string[] {
  return [...(change.by?.trim() ? [] : ['say who is making the change (--by)']), ...(change.reason?.trim() ? [] : ['say why (--reason)'])];
}

function refuse(problems: string[]): void {
  if (problems.length) throw new Error(`The register was not changed:\n  - ${problems.join('\n  - ')}`);
}

async function recordChange(registry: Connection, odsCode: string, change: RegisterChange, what: Record<string, unknown>): Promise<void> {
  await registry.collection('organisationChanges').insertOne({ odsCode, at: new Date(), by: change.by, reason: change.reason, ...what });
}

/** Adds an organisation, or replaces its entry (`replace`); refuses to overwrite by accident. */
export async function registerOrganisation(registry: Connection, entry: OrganisationEntry, change: RegisterChange, options: { replace?: boolean } = {}): Promise<'added' | 'replaced' | 'unchanged'> {
  refuse([...organisationEntryProblems(entry), ...changeProblems(change)]);
  const { odsCode, ...fields } = entry;
  const register = registry.collection('organisations');
  const existing = await register.findOne({ _id: odsCode as never });
  if (existing) {
    if (!options.replace) throw new Error(`${odsCode} is already in the register (${String(existing.name)}); use "update" to change its entry.`);
    const same = Object.entries(fields).every(([key, value]) => existing[key] === value);
    if (same) return 'unchanged';
    await register.updateOne({ _id: odsCode as never }, { $set: fields });
    await recordChange(registry, odsCode, change, { change: 'replaced', entry: fields });
    return 'replaced';
  }
  await register.insertOne({ _id: odsCode as never, ...fields });
  await recordChange(registry, odsCode, change, { change: 'added', entry: fields });
  return 'added';
}

/** Suspends an organisation's access, or makes it active again. */
export async function setSharingStatus(registry: Connection, odsCode: string, sharingStatus: SharingStatus, change: RegisterChange): Promise<SharingStatus> {
  refuse([...(STATUSES.includes(sharingStatus) ? [] : [`sharing status must be one of ${STATUSES.join(', ')}`]), ...changeProblems(change)]);
  const register = registry.collection('organisations');
  const existing = await register.findOne({ _id: odsCode as never });
  if (!existing) throw new Error(`${odsCode} is not in the register; add it first.`);
  refuse(organisationEntryProblems({ ...(existing as unknown as OrganisationEntry), odsCode, sharingStatus }));
  const previous = existing.sharingStatus as SharingStatus;
  if (previous !== sharingStatus) {
    await register.updateOne({ _id: odsCode as never }, { $set: { sharingStatus } });
    await recordChange(registry, odsCode, change, { change: 'status', from: previous, to: sharingStatus });
  }
  return previous;
}

export async function listOrganisations(registry: Connection): Promise<OrganisationEntry[]> {
  const rows = await registry.collection('organisations').find({}).sort({ _id: 1 }).toArray();
  return rows.map(({ _id, ...rest }) => ({ odsCode: String(_id), ...(rest as Omit<OrganisationEntry, 'odsCode'>) }));
}
