import { SUPPORTING_TYPES } from './feedBundle';

/**
 * GET /fhir/metadata: what a feed stores, as a FHIR R4 CapabilityStatement (kind instance), so a
 * source system's integrator can see before sending which types are kept and which would be
 * answered "not stored". It names no patient and holds no data; it needs no token (FHIR lets
 * metadata be read unauthenticated, and the feed is on the private network; see README, Feeds).
 */

export function feedCapabilityStatement(feed: string, storedTypes: Iterable<string>, now: Date = new Date()): fhir4.CapabilityStatement {
  const stored = [...new Set(storedTypes)].sort();
  const supporting = [...SUPPORTING_TYPES].filter((t) => !stored.includes(t)).sort();
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: now.toISOString(),
    kind: 'instance',
    software: { name: `ShareforYou Care Record feed: ${feed}` },
    implementation: { description: `The ${feed} feed of the ShareforYou Care Record (POST a batch or transaction Bundle to /fhir)` },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        documentation:
          `Stores ${stored.join(', ')}. Read to resolve references, not stored: ${supporting.join(', ')}. ` +
          'Any other type is answered with a warning that it was not stored. A collection Bundle is read as a batch. ' +
          'Deletes: entered-in-error, or a conditional DELETE <Type>?_id=<id>&patient.identifier=https://fhir.nhs.uk/Id/nhs-number|<NHS number>.',
        security: { description: 'POST /fhir needs a system token for one organisation (Authorization: Bearer); this statement needs none.' },
        resource: stored.map((type) => ({
          type,
          interaction: [{ code: 'create' as const }, { code: 'update' as const }, { code: 'delete' as const }],
          versioning: 'versioned' as const,
          updateCreate: true,
          conditionalDelete: 'single' as const,
        })),
        interaction: [{ code: 'batch' as const }, { code: 'transaction' as const }],
      },
    ],
  };
}
