/// <reference types="fhir" />
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareBundle, type FeedingOrganisation } from '../../subgraphs/kit/src/ingest/feedTarget';
import { sliceFeedTarget } from '../../subgraphs/kit/src/ingest/sliceFeedTarget';
import { openPanels } from '../../subgraphs/kit/src/slice/panelEncryption';
import type { PatientSliceRecord } from '../../subgraphs/kit/src/slice/patientSlice';
import { gpFeed } from '../../subgraphs/gp/src/feed';

/**
 * The FAQ: the record is held in an encrypted system. Every panel a feed writes is sealed at rest
 * (kit slice/panelEncryption): the stored slice holds no clinical content in the clear, whichever
 * panel it is, so a new panel cannot be stored readable by forgetting a line, and the database
 * engine reads one value per panel. The slice feed target is run against an in-memory stand-in
 * for the collection, so the test sees exactly what would be stored.
 */
process.env.RECORD_ENCRYPTION_KEY ??= randomBytes(32).toString('base64');

const P83005: FeedingOrganisation = { odsCode: 'P83005', name: 'Bury Primary Care', kind: 'gp-practice', sharingStatus: 'active', sourceSystem: 'EMIS Web' };
const bundle = JSON.parse(readFileSync(join(__dirname, '../fixtures/feeds/gp-round-trip.json'), 'utf8')) as fhir4.Bundle;

function inMemorySlices() {
  const stored = new Map<string, PatientSliceRecord>();
  const model = {
    findById: (id: string) => ({ lean: () => ({ exec: async () => structuredClone(stored.get(id) ?? null) }) }),
    create: async (doc: PatientSliceRecord) => void stored.set(doc._id, structuredClone(doc)),
    updateOne: (filter: { _id: string; revision: number }, update: { $set: Partial<PatientSliceRecord> }) => ({
      exec: async () => {
        const current = stored.get(filter._id);
        if (!current || current.revision !== filter.revision) return { matchedCount: 0 };
        stored.set(filter._id, { ...current, ...structuredClone(update.$set), revision: current.revision + 1 });
        return { matchedCount: 1 };
      },
    }),
  };
  return { stored, model };
}

describe('every panel is sealed at rest', () => {
  it('a GP bundle of five kinds of resource is stored with every panel ciphertext, and opens to what was sent', async () => {
    const { stored, model } = inMemorySlices();
    const target = sliceFeedTarget('gp', gpFeed, model as never);
    const { issues, byPatient } = prepareBundle(target, bundle, P83005);
    expect(issues).toEqual([]);
    for (const [nhsNumber, entries] of byPatient) await target.write(nhsNumber, entries, P83005);

    expect(stored.size).toBe(1);
    const [slice] = [...stored.values()];
    const panels = Object.entries(slice.panels);
    expect(panels.length).toBeGreaterThanOrEqual(5);
    for (const [, value] of panels) expect(value).toEqual({ sealed: expect.stringMatching(/^v1\./) });

    // Nothing the source wrote is readable in the stored document...
    const texts = bundle.entry!.flatMap((e) => JSON.stringify(e.resource).match(/"(?:display|text)":"([^"]{6,})"/g) ?? []).map((m) => m.split('":"')[1].slice(0, -1));
    expect(texts.length).toBeGreaterThan(3);
    const storedText = JSON.stringify(slice);
    expect(texts.filter((text) => storedText.includes(text))).toEqual([]);
    // ...and every item opens again under its patient and panel.
    const opened = openPanels(slice._id, slice.panels);
    expect(Object.values(opened).flat().map((item) => item.provenance.sourceId).sort()).toEqual(bundle.entry!.map((e) => e.resource!.id!).sort());
  });
});
