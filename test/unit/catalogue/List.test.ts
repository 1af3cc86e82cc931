/// <reference types="fhir" />
import { acuteFeed } from '../../../subgraphs/acute/src/feed';
import { gpFeed } from '../../../subgraphs/gp/src/feed';
import { applySliceEntry, sliceFeedTarget } from '../../../subgraphs/kit/src/ingest/sliceFeedTarget';
import { bundleRefusal, prepareBundle, type FeedingOrganisation } from '../../../subgraphs/kit/src/ingest/feedTarget';
import { NotStored } from '../../../subgraphs/kit/src/ingest/feedProblem';
import type { PatientSliceRecord } from '../../../subgraphs/kit/src/slice/patientSlice';
import { feedMapping, META, NHS } from '../../support/feedMapping';

/**
 * The catalogue's List mapping: the allergies heading as GP Connect Access Record Structured sends
 * it (List.code SNOMED CT 886921000000105, emptyReason from list-empty-reason) and as the IPS
 * codes it (LOINC 48765-2). Empty because nothing is known: a "no known allergies" statement.
 * Empty for any other reason: never one (H87), and it withdraws one an earlier version made.
 */

const SNOMED = 'http://snomed.info/sct';
const EMPTY = 'http://terminology.hl7.org/CodeSystem/list-empty-reason';
const allergiesList = (emptyReason: string | null, extra: Partial<fhir4.List> = {}): fhir4.List => ({
  resourceType: 'List',
  id: 'allergies-list',
  meta: META,
  status: 'current',
  mode: 'snapshot',
  title: 'Allergies and adverse reactions',
  code: { coding: [{ system: SNOMED, code: '886921000000105', display: 'Allergies and adverse reactions' }] },
  subject: NHS,
  date: '2026-10-02T09:30:00+01:00',
  orderedBy: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/list-order', code: 'event-date' }] },
  ...(emptyReason ? { emptyReason: { coding: [{ system: EMPTY, code: emptyReason, display: emptyReason }] } } : {}),
  ...extra,
});
const notStoredOf = (fn: () => unknown): NotStored => {
  try {
    fn();
  } catch (error) {
    if (error instanceof NotStored) return error;
    throw error;
  }
  throw new Error('expected the List not to be stored');
};

describe.each([
  ['gp', feedMapping(gpFeed), 'noKnownAllergies'],
  ['acute', feedMapping(acuteFeed), 'hospitalNoKnownAllergies'],
])('%s feed: List through the catalogue', (_name, { map }, panel) => {
  it('an allergies List empty because nothing is known (nilknown) is a "no known allergies" statement of scope all', () => {
    const mapped = map(allergiesList('nilknown'))!;
    expect(mapped.panel).toBe(panel);
    expect(mapped.fields).toEqual({
      code: expect.objectContaining({ system: EMPTY, code: 'nilknown' }),
      scope: 'all',
      current: true,
      clinicalStatus: null,
      verificationStatus: null,
      recordedDate: '2026-10-02T09:30:00+01:00',
    });
  });

  it('the IPS allergies section code (LOINC 48765-2) counts too; a retired list states nothing current', () => {
    const ips = allergiesList('nilknown', { status: 'retired', code: { coding: [{ system: 'http://loinc.org', code: '48765-2' }] } });
    expect(map(ips)).toMatchObject({ panel, fields: { scope: 'all', current: false } });
  });

  it.each(['notasked', 'withheld', 'unavailable', 'notstarted', 'closed'])('H87: an allergies List empty because %s is NEVER a "no known allergies" statement, and withdraws an earlier one', (reason) => {
    const declined = notStoredOf(() => map(allergiesList(reason)));
    expect(declined.message).toMatch(new RegExp(`emptyReason is ${reason}, not nilknown`));
    expect(declined.withdraws).toBe(true);
  });

  it('H87: an empty allergies List with no emptyReason is not a statement either', () => {
    expect(notStoredOf(() => map(allergiesList(null))).withdraws).toBe(true);
  });

  it('text alone decides nothing: a List titled "Allergies" but coded otherwise is not the allergies list', () => {
    const problems = allergiesList('nilknown', { code: { coding: [{ system: SNOMED, code: '717711000000103', display: 'Problems' }], text: 'Allergies' } });
    const declined = notStoredOf(() => map(problems));
    expect(declined.withdraws).toBe(false);
    expect(declined.message).toMatch(/entries of other lists are sent as their own resources/);
  });

  it('an allergies List with entries is not stored: its allergies come as their own resources', () => {
    const withEntries = allergiesList(null, { entry: [{ item: { reference: 'AllergyIntolerance/penicillin' } }] });
    expect(notStoredOf(() => map(withEntries)).message).toMatch(/own AllergyIntolerance resources/);
  });
});

describe('List through the feed: a warning, never silent, and a stale statement withdrawn', () => {
  const GP: FeedingOrganisation = { odsCode: 'P83005', name: 'Bury Central Medical Practice', kind: 'gp-practice', sharingStatus: 'active', sourceSystem: 'EMIS Web' };
  const target = sliceFeedTarget('gp', gpFeed, null as never);
  const bundle = (type: string, resources: fhir4.FhirResource[]) => ({ resourceType: 'Bundle', type, entry: resources.map((resource) => ({ resource })) });

  it('a problems List is answered not stored with a warning naming the type and why; the transaction is not refused', () => {
    const problems = allergiesList(null, { id: 'problems', code: { coding: [{ system: SNOMED, code: '717711000000103', display: 'Problems' }] }, entry: [{ item: { reference: 'Condition/c1' } }] });
    const prepared = prepareBundle(target, bundle('transaction', [problems]), GP);
    expect(prepared.issues).toEqual([]);
    expect(prepared.notes).toEqual([expect.objectContaining({ severity: 'warning', code: 'not-supported', diagnostics: expect.stringMatching(/^List not stored: only an allergies List/), expression: ['Bundle.entry[0].resource'] })]);
    expect(prepared.unstored).toEqual([{ index: 0, resourceType: 'List', supporting: false }]);
    expect(bundleRefusal(prepared)).toBeNull();
  });

  it('H87: a nilknown statement, then the same List sent notasked: the statement is deleted, with a warning saying why', () => {
    const slice: PatientSliceRecord = { _id: '9434765919', panels: {}, tombstones: [], revision: 0 };
    const first = prepareBundle(target, bundle('batch', [allergiesList('nilknown')]), GP);
    for (const { prepared } of [...first.byPatient.values()].flat()) expect(applySliceEntry(slice, 'P83005/List/allergies-list', prepared)).toBe('created');
    expect(slice.panels.noKnownAllergies).toHaveLength(1);

    const later = allergiesList('notasked', { meta: { versionId: '2', lastUpdated: '2026-11-01T10:00:00Z' } });
    const second = prepareBundle(target, bundle('batch', [later]), GP);
    expect(second.notes).toEqual([expect.objectContaining({ severity: 'warning', diagnostics: expect.stringMatching(/never a "no known allergies" statement/) })]);
    const results = [...second.byPatient.values()].flat().map(({ prepared }) => applySliceEntry(slice, 'P83005/List/allergies-list', prepared));
    expect(results).toEqual(['deleted']);
    expect(slice.panels.noKnownAllergies).toEqual([]);
  });
});
