import type { FeedingOrganisation } from '@shareforyou/kit';

/** The demo GP practice as a feed's organisation, for tests that write through a feed target directly. */
export const GP_PRACTICE: FeedingOrganisation = { odsCode: 'P83005', name: 'Bury Central Medical Practice', kind: 'gp-practice', sharingStatus: 'active', sourceSystem: 'EMIS Web' };

/** Bundle entries the feed tests send: a GP's current medicine for a patient, as a PUT. */
export const medicationEntry = (nhsNumber: string, id: string) => ({
  resource: {
    resourceType: 'MedicationStatement',
    id,
    meta: { versionId: '1', lastUpdated: '2024-02-05T10:00:00Z' },
    status: 'active',
    medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '42206511000001102', display: 'Atorvastatin 20mg tablets' }] },
    subject: { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber } },
    dosage: [{ text: 'One at night' }],
  },
  request: { method: 'PUT', url: `MedicationStatement/${id}` },
});
