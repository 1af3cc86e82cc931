import { FeedProblem } from './feedProblem';

/**
 * Resolving FHIR references within one feed bundle, the ways real sources send them: a
 * `#contained` resource, a `urn:uuid:` (or absolute) fullUrl of another entry, a relative
 * `Type/id`, or a logical reference by identifier. Supporting resources (Practitioner, Location,
 * Medication, ...) are read this way and never stored on their own.
 *
 * A reference that could name more than one resource of the bundle (two entries with one
 * `Type/id`, one identifier, or one fullUrl) is refused, never resolved to either: warfarin is not
 * to be read as paracetamol because both came as `Medication/1`.
 */

type AnyResource = { resourceType: string; id?: string; identifier?: fhir4.Identifier[]; contained?: AnyResource[] } & Record<string, unknown>;

export interface BundleReferences {
  /** The resource a reference points to, or null when it is not in this bundle. */
  resolve(reference: fhir4.Reference | undefined, from: AnyResource): AnyResource | null;
}

const RELATIVE = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** Every resource of the bundle under one key; more than one is an ambiguity, never a choice. */
class Candidates {
  private readonly byKey = new Map<string, AnyResource[]>();
  add(key: string, resource: AnyResource) {
    const found = this.byKey.get(key) ?? [];
    if (!found.includes(resource)) this.byKey.set(key, [...found, resource]);
  }
  one(key: string, reference: string): AnyResource | null {
    const found = this.byKey.get(key) ?? [];
    if (found.length > 1) {
      throw new FeedProblem(
        'reference',
        `The reference "${reference.slice(0, 200)}" could name ${found.length} resources of this bundle (${found.map((r) => `${r.resourceType}/${String(r.id ?? '?')}`).join(', ')}): it is refused, never resolved to either. Give each resource its own fullUrl and id.`,
      );
    }
    return found[0] ?? null;
  }
  resourceTypes(): string[] {
    return [...new Set([...this.byKey.values()].flat().map((r) => r.resourceType))];
  }
}

export function bundleReferences(entries: Array<{ fullUrl?: string; resource?: unknown }>): BundleReferences {
  const byFullUrl = new Candidates();
  const byTypeId = new Candidates();
  const byIdentifier = new Candidates();
  for (const entry of entries) {
    const resource = entry?.resource as AnyResource | undefined;
    if (!resource || typeof resource !== 'object' || typeof resource.resourceType !== 'string') continue;
    if (typeof entry.fullUrl === 'string') byFullUrl.add(entry.fullUrl, resource);
    if (typeof resource.id === 'string') byTypeId.add(`${resource.resourceType}/${resource.id}`, resource);
    for (const identifier of Array.isArray(resource.identifier) ? resource.identifier : []) {
      if (identifier?.system && identifier.value) byIdentifier.add(`${resource.resourceType}|${identifier.system}|${identifier.value}`, resource);
    }
  }
  return {
    resolve(reference, from) {
      if (!reference) return null;
      const target = reference.reference;
      if (typeof target === 'string') {
        if (target.startsWith('#')) return (from.contained ?? []).find((c) => c?.id === target.slice(1)) ?? null;
        const exact = byFullUrl.one(target, target);
        if (exact) return exact;
        const relative = RELATIVE.exec(target);
        if (relative) return byTypeId.one(`${relative[1]}/${relative[2]}`, target);
        return null;
      }
      const identifier = reference.identifier;
      if (identifier?.system && identifier.value) {
        const types = reference.type ? [reference.type] : byTypeId.resourceTypes();
        for (const type of types) {
          const found = byIdentifier.one(`${type}|${identifier.system}|${identifier.value}`, `${identifier.system}|${identifier.value}`);
          if (found) return found;
        }
      }
      return null;
    },
  };
}

/** No bundle around (a mapping run alone): only #contained references resolve. */
export const CONTAINED_ONLY: BundleReferences = bundleReferences([]);

/** A person's name as read: their official (else usual, else first) name's text, else its parts in order. */
export function humanName(names: fhir4.HumanName[] | undefined): string | null {
  const name = names?.find((n) => n.use === 'official' || n.use === 'usual') ?? names?.[0];
  if (!name) return null;
  if (name.text) return name.text;
  return [...(name.prefix ?? []), ...(name.given ?? []), name.family].filter(Boolean).join(' ') || null;
}

/**
 * How a clinician reads the thing a reference names: its display, else the name of the resource it
 * resolves to (a practitioner's name, a ward, an organisation; a role as its practitioner).
 */
export function referenceDisplay(reference: fhir4.Reference | undefined, from: AnyResource, references: BundleReferences): string | null {
  if (!reference) return null;
  if (reference.display) return reference.display.slice(0, 200);
  const target = references.resolve(reference, from);
  if (!target) return null;
  switch (target.resourceType) {
    case 'Practitioner':
    case 'Patient':
    case 'RelatedPerson':
      return humanName(target.name as fhir4.HumanName[] | undefined);
    case 'PractitionerRole': {
      const role = target as unknown as fhir4.PractitionerRole;
      const person = referenceDisplay(role.practitioner, target, references);
      const what = role.code?.[0]?.text ?? role.code?.[0]?.coding?.[0]?.display;
      return [person, what && `(${what})`].filter(Boolean).join(' ') || null;
    }
    case 'Device':
      return ((target as unknown as fhir4.Device).deviceName?.[0]?.name ?? null);
    default:
      return typeof target.name === 'string' ? target.name.slice(0, 200) : null;
  }
}

const LITERAL_REFERENCE = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/**
 * The type and id a literal reference names ("Condition/abc", "https://host/fhir/Observation/x/_history/2"),
 * or null: for a resource not in the bundle, sent before or held elsewhere.
 */
export function literalReference(reference: string | undefined): { resourceType: string; id: string } | null {
  const match = LITERAL_REFERENCE.exec(reference ?? '');
  return match ? { resourceType: match[1], id: match[2] } : null;
}
