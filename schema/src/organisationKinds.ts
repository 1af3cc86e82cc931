import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SCHEMA_DIR } from './sdl';
import { subgraphServices } from './services';

/**
 * The table of organisation kinds (schema/organisation-kinds.yaml) as data, and the questions the
 * feeds, the register and the generator ask of it. Loading validates it whole, like the policy.
 */

export const ORGANISATION_KINDS_PATH = join(SCHEMA_DIR, 'organisation-kinds.yaml');

/** The FHIR resources whose events can form a care relationship (the registry feed reads each). */
export const RELATIONSHIP_EVENTS = ['Patient', 'Encounter', 'Appointment', 'EpisodeOfCare'] as const;
export type RelationshipEvent = (typeof RELATIONSHIP_EVENTS)[number];

export interface RelationshipRule {
  event: RelationshipEvent;
  /** Encounter only: the classes (v3 ActCode) that count. */
  encounterClasses?: string[];
  relationship: string;
  followUpDays: number;
  /** While the event has no end, access stays open (a spell, an open episode); else it counts from the start. */
  openWhileOngoing?: boolean;
}

export interface OrganisationKindDefinition {
  label: string;
  subgraph: string | null;
  relationships: RelationshipRule[];
  /**
   * The FHIR resource types this kind's slice holds, when it holds fewer than its subgraph's feed
   * maps; absent: every type the feed maps. A type left out is answered "not stored" (a warning).
   */
  holds?: string[];
}

export type OrganisationKinds = Record<string, OrganisationKindDefinition>;

export function parseOrganisationKinds(text: string, subgraphs = subgraphServices.map((s) => s.name)): OrganisationKinds {
  const kinds = parse(text) as OrganisationKinds;
  if (!kinds || typeof kinds !== 'object') throw new Error('organisation-kinds.yaml must map each kind to its definition');
  const problems: string[] = [];
  for (const [name, kind] of Object.entries(kinds)) {
    if (!/^[a-z][a-z-]*$/.test(name)) problems.push(`kind "${name}" must be lower-case words joined by hyphens`);
    if (typeof kind?.label !== 'string') problems.push(`${name}: label is required`);
    if (kind?.subgraph !== null && !subgraphs.includes(kind?.subgraph)) problems.push(`${name}: subgraph must be null or one of ${subgraphs.join(', ')}`);
    if (!Array.isArray(kind?.relationships)) {
      problems.push(`${name}: relationships must be a list (empty for a kind that forms none)`);
      continue;
    }
    if (kind.relationships.length > 0 && kind.subgraph === null) problems.push(`${name}: a kind without a subgraph has no source system to form relationships`);
    if (kind.holds !== undefined) {
      if (kind.subgraph === null) problems.push(`${name}: holds is for a kind whose slice a subgraph keeps`);
      if (!Array.isArray(kind.holds) || kind.holds.some((t) => typeof t !== 'string' || !/^[A-Z][A-Za-z]+$/.test(t))) problems.push(`${name}: holds must be a list of FHIR resource type names, e.g. [Condition, Procedure]`);
    }
    const classesSeen = new Set<string>();
    for (const [i, rule] of kind.relationships.entries()) {
      const at = `${name}.relationships[${i}]`;
      if (!(RELATIONSHIP_EVENTS as readonly string[]).includes(rule.event)) problems.push(`${at}: event must be one of ${RELATIONSHIP_EVENTS.join(', ')}`);
      if (typeof rule.relationship !== 'string' || !rule.relationship) problems.push(`${at}: relationship (its name) is required`);
      if (!Number.isInteger(rule.followUpDays) || rule.followUpDays < 0) problems.push(`${at}: followUpDays must be a whole number of days, 0 or more`);
      if (rule.openWhileOngoing !== undefined && typeof rule.openWhileOngoing !== 'boolean') problems.push(`${at}: openWhileOngoing is true or false`);
      if (rule.event === 'Encounter') {
        if (!rule.encounterClasses?.length) problems.push(`${at}: an Encounter rule lists the encounterClasses that count`);
        for (const code of rule.encounterClasses ?? []) {
          if (classesSeen.has(code)) problems.push(`${at}: encounter class ${code} is already in another rule of ${name}`);
          classesSeen.add(code);
        }
      } else if (rule.encounterClasses) problems.push(`${at}: encounterClasses belong to Encounter rules only`);
      else if (kind.relationships.some((other, j) => j !== i && other.event === rule.event)) problems.push(`${at}: ${rule.event} appears in two rules of ${name}`);
    }
  }
  if (problems.length) throw new Error(`schema/organisation-kinds.yaml is not valid:\n  - ${problems.join('\n  - ')}`);
  return kinds;
}

let cached: OrganisationKinds | undefined;

export function loadOrganisationKinds(): OrganisationKinds {
  cached ??= parseOrganisationKinds(readFileSync(ORGANISATION_KINDS_PATH, 'utf8'));
  return cached;
}

export function organisationKind(name: string, kinds = loadOrganisationKinds()): OrganisationKindDefinition {
  const kind = kinds[name];
  if (!kind) throw new Error(`Unknown organisation kind "${name}". Known: ${Object.keys(kinds).join(', ')} (schema/organisation-kinds.yaml)`);
  return kind;
}

/** The kinds whose source systems feed a subgraph, e.g. gp -> ['gp-practice']. */
export function kindsHeldBy(subgraph: string, kinds = loadOrganisationKinds()): string[] {
  return Object.entries(kinds)
    .filter(([, kind]) => kind.subgraph === subgraph)
    .map(([name]) => name);
}

/**
 * The rule by which an event of this kind forms a relationship, or null when it forms none (an
 * Encounter of a class the kind does not count, an event the kind does not send).
 */
export function relationshipRuleFor(kindName: string, event: string, encounterClass?: string, kinds = loadOrganisationKinds()): RelationshipRule | null {
  const kind = kinds[kindName];
  if (!kind) return null;
  return (
    kind.relationships.find(
      (rule) => rule.event === event && (rule.event !== 'Encounter' || (encounterClass !== undefined && rule.encounterClasses!.includes(encounterClass))),
    ) ?? null
  );
}

/** The encounter classes a kind counts for a named relationship (the acute feed: admission, attendance). */
export function encounterClassesOf(kindName: string, relationship: string, kinds = loadOrganisationKinds()): string[] {
  return organisationKind(kindName, kinds)
    .relationships.filter((rule) => rule.event === 'Encounter' && rule.relationship === relationship)
    .flatMap((rule) => rule.encounterClasses ?? []);
}

/**
 * The FHIR resource types an organisation of this kind may store in its slice: what its kind
 * `holds` of the types the subgraph's feed maps, or all of them when the kind says nothing.
 */
export function typesHeld(kind: OrganisationKindDefinition, mapped: ReadonlySet<string>): Set<string> {
  return kind.holds ? new Set(kind.holds.filter((type) => mapped.has(type))) : new Set(mapped);
}

/** Each kind's `holds` entries its subgraph's feed does not map: the kinds table promising what no code stores. */
export function heldButNotMapped(subgraph: string, mapped: ReadonlySet<string>, kinds = loadOrganisationKinds()): string[] {
  return Object.entries(kinds)
    .filter(([, kind]) => kind.subgraph === subgraph)
    .flatMap(([name, kind]) => (kind.holds ?? []).filter((type) => !mapped.has(type)).map((type) => `${name} holds ${type}`));
}
