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

  it('text alone decides nothing: a List titled "Allergies" but coded otherwise (the immunisations list) is not the allergies list', () => {
    const immunisations = allergiesList('nilknown', { code: { coding: [{ system: SNOMED, code: '1102181000000102', display: 'Immunisations' }], text: 'Allergies' } });
    const declined = notStoredOf(() => map(immunisations));
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

  it('a List of another kind (immunisations) is answered not stored with a warning naming the type and why; the transaction is not refused', () => {
    const immunisations = allergiesList(null, { id: 'immunisations', code: { coding: [{ system: SNOMED, code: '1102181000000102', display: 'Immunisations' }] }, entry: [{ item: { reference: 'Immunization/i1' } }] });
    const prepared = prepareBundle(target, bundle('transaction', [immunisations]), GP);
    expect(prepared.issues).toEqual([]);
    expect(prepared.notes).toEqual([expect.objectContaining({ severity: 'warning', code: 'not-supported', diagnostics: expect.stringMatching(/^List not stored: only an allergies, problems or medications List/), expression: ['Bundle.entry[0].resource'] })]);
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

/**
 * The problems and medications headings (issue #18 point 1, H123): GP Connect's List.code for each
 * (SNOMED CT 717711000000103 |Problems|, 933361000000108 |Medications and medical devices|) and the
 * IPS sections' LOINC codes (11450-4, 10160-0). Empty because nothing is known: a statement, apart.
 * Empty for any other reason: never one, and it withdraws one an earlier version made. With entries:
 * the entries are taken one by one, each from its own resource; the List is warned as not stored.
 */
const LISTS = {
  problems: { snomed: ['717711000000103', 'Problems'], loinc: '11450-4', statement: 'no known problems', gp: 'noKnownProblems', acute: 'hospitalNoKnownProblems', entryType: 'Condition' },
  medications: { snomed: ['933361000000108', 'Medications and medical devices'], loinc: '10160-0', statement: 'no current medications', gp: 'noCurrentMedications', acute: 'hospitalNoCurrentMedications', entryType: 'MedicationStatement' },
} as const;
type ListName = keyof typeof LISTS;
const headingList = (name: ListName, emptyReason: string | null, extra: Partial<fhir4.List> = {}): fhir4.List => {
  const [code, display] = LISTS[name].snomed;
  return allergiesList(emptyReason, { id: `${name}-list`, title: display, code: { coding: [{ system: SNOMED, code, display }] }, ...extra });
};
const condition: fhir4.Condition = {
  resourceType: 'Condition',
  id: 'asthma',
  meta: META,
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
  code: { coding: [{ system: SNOMED, code: '195967001', display: 'Asthma' }] },
  subject: NHS,
  onsetDateTime: '2003-04-15',
};
const medicationStatement: fhir4.MedicationStatement = {
  resourceType: 'MedicationStatement',
  id: 'salbutamol',
  meta: META,
  status: 'active',
  medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '39113611000001102', display: 'Salbutamol 100micrograms/dose inhaler CFC free' }] },
  subject: NHS,
  effectivePeriod: { start: '2020-09-01' },
  dosage: [{ text: 'Two puffs when required' }],
};
const entryResources = { problems: condition, medications: medicationStatement } as const;

describe.each([
  ['gp', feedMapping(gpFeed), 'gp'],
  ['acute', feedMapping(acuteFeed), 'acute'],
] as const)('%s feed: problems and medications Lists through the catalogue', (_name, { map }, slice) => {
  describe.each(['problems', 'medications'] as const)('the %s List', (name) => {
    const list = LISTS[name];

    it(`empty because nothing is known (nilknown): a "${list.statement}" statement in its own panel, naming the list`, () => {
      const mapped = map(headingList(name, 'nilknown'))!;
      expect(mapped.panel).toBe(list[slice]);
      expect(mapped.fields).toEqual({
        code: expect.objectContaining({ system: EMPTY, code: 'nilknown' }),
        list: expect.objectContaining({ system: SNOMED, code: list.snomed[0] }),
        title: list.snomed[1],
        current: true,
        recordedDate: '2026-10-02T09:30:00+01:00',
      });
    });

    it(`the IPS section code (LOINC ${list.loinc}) counts too; a retired list states nothing current`, () => {
      const ips = headingList(name, 'nilknown', { status: 'retired', code: { coding: [{ system: 'http://loinc.org', code: list.loinc }] } });
      expect(map(ips)).toMatchObject({ panel: list[slice], fields: { current: false, list: { code: list.loinc } } });
    });

    it.each(['notasked', 'withheld', 'unavailable', 'notstarted', 'closed'])(`H123: empty because %s is NEVER a "${list.statement}" statement, and withdraws an earlier one`, (reason) => {
      const declined = notStoredOf(() => map(headingList(name, reason)));
      expect(declined.message).toBe(`an empty ${name} List whose emptyReason is ${reason}, not nilknown, is never a "${list.statement}" statement (nobody asked, or it was withheld); any this List stated before is withdrawn`);
      expect(declined.withdraws).toBe(true);
    });

    it('H123: empty with no emptyReason, or a nilknown reason given as text only, is not a statement either', () => {
      expect(notStoredOf(() => map(headingList(name, null))).withdraws).toBe(true);
      expect(notStoredOf(() => map(headingList(name, null, { emptyReason: { text: 'nil known' } }))).withdraws).toBe(true);
    });

    it(`with entries: not stored as a list; the warning says the entries are taken individually from their own ${list.entryType} resources, how many are in the bundle, and withdraws an earlier statement`, () => {
      const withEntries = headingList(name, null, { entry: [{ item: { reference: `${list.entryType}/${entryResources[name].id}` } }, { item: { reference: `${list.entryType}/not-sent` } }] });
      const declined = notStoredOf(() => map(withEntries, [{ resource: entryResources[name] }]));
      expect(declined.message).toMatch(new RegExp(`^a ${name} List with entries is not stored as a list: its entries are taken individually, each from its own ${list.entryType}`));
      expect(declined.message).toMatch(/\(1 entry of 2 in this bundle, each answered in its own entry; 1 entry not in this bundle, not stored from this List: send each as its own resource\)/);
      expect(declined.withdraws).toBe(true);
    });

    it('an entry marked deleted does not count: a List whose every entry is deleted is an empty list, read by its emptyReason', () => {
      const emptied = headingList(name, 'nilknown', { entry: [{ deleted: true, item: { reference: `${list.entryType}/${entryResources[name].id}` } }] });
      expect(map(emptied)).toMatchObject({ panel: list[slice] });
    });
  });

  it('bad input is a clear error, never a statement: a List status outside list-status', () => {
    expect(() => map(headingList('problems', 'nilknown', { status: 'finished' as never }))).toThrow(/List.status/);
  });
});

describe('problems and medications Lists through the feed: entries stored one by one, the List warned, a stale statement withdrawn', () => {
  const GP: FeedingOrganisation = { odsCode: 'P83005', name: 'Bury Central Medical Practice', kind: 'gp-practice', sharingStatus: 'active', sourceSystem: 'EMIS Web' };
  const target = sliceFeedTarget('gp', gpFeed, null as never);
  const bundle = (type: string, resources: fhir4.FhirResource[]) => ({ resourceType: 'Bundle', type, entry: resources.map((resource) => ({ resource })) });
  const later = { versionId: '2', lastUpdated: '2026-11-01T10:00:00Z' };
  const apply = (slice: PatientSliceRecord, prepared: ReturnType<typeof prepareBundle<any>>) =>
    [...prepared.byPatient.values()].flat().map(({ entry, prepared: p }) => applySliceEntry(slice, `P83005/${entry.resourceType}/${entry.sourceId}`, p));

  it.each([
    ['problems', 'noKnownProblems'],
    ['medications', 'noCurrentMedications'],
  ] as const)('H123: the %s List nilknown, then sent again notasked: the statement is deleted, with a warning saying why', (name, panel) => {
    const slice: PatientSliceRecord = { _id: '9434765919', panels: {}, tombstones: [], revision: 0 };
    expect(apply(slice, prepareBundle(target, bundle('batch', [headingList(name, 'nilknown')]), GP))).toEqual(['created']);
    expect(slice.panels[panel]).toHaveLength(1);
    const second = prepareBundle(target, bundle('batch', [headingList(name, 'notasked', { meta: later })]), GP);
    expect(second.notes).toEqual([expect.objectContaining({ severity: 'warning', diagnostics: expect.stringMatching(new RegExp(`^List not stored: an empty ${name} List whose emptyReason is notasked`)) })]);
    expect(apply(slice, second)).toEqual(['deleted']);
    expect(slice.panels[panel]).toEqual([]);
  });

  it.each([
    ['problems', 'noKnownProblems', 'problems'],
    ['medications', 'noCurrentMedications', 'medications'],
  ] as const)('H123: the %s List nilknown, then sent with an entry: its entry is stored as its own resource, the statement withdrawn, the List warned', (name, panel, itemsPanel) => {
    const slice: PatientSliceRecord = { _id: '9434765919', panels: {}, tombstones: [], revision: 0 };
    apply(slice, prepareBundle(target, bundle('batch', [headingList(name, 'nilknown')]), GP));
    const resource = entryResources[name];
    const withEntry = headingList(name, null, { meta: later, entry: [{ item: { reference: `${resource.resourceType}/${resource.id}` } }] });
    const second = prepareBundle(target, bundle('transaction', [withEntry, resource]), GP);
    expect(second.issues).toEqual([]);
    expect(bundleRefusal(second)).toBeNull();
    expect(second.notes).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'not-supported', expression: ['Bundle.entry[0].resource'], diagnostics: expect.stringMatching(/^List not stored: a \w+ List with entries is not stored as a list: its entries are taken individually.*\(1 entry of 1 in this bundle, each answered in its own entry\)/) }),
    ]);
    expect(apply(slice, second).sort()).toEqual(['created', 'deleted']);
    expect(slice.panels[panel]).toEqual([]);
    expect(slice.panels[itemsPanel].map((i) => i.id)).toEqual([`P83005/${resource.resourceType}/${resource.id}`]);
  });

  it('a List of another kind is never a withdrawal: it leaves an earlier statement of another List alone', () => {
    const slice: PatientSliceRecord = { _id: '9434765919', panels: {}, tombstones: [], revision: 0 };
    apply(slice, prepareBundle(target, bundle('batch', [headingList('problems', 'nilknown')]), GP));
    const other = allergiesList('notasked', { id: 'immunisations', code: { coding: [{ system: SNOMED, code: '1102181000000102', display: 'Immunisations' }] } });
    const prepared = prepareBundle(target, bundle('batch', [other]), GP);
    expect(prepared.byPatient.size).toBe(0);
    expect(slice.panels.noKnownProblems).toHaveLength(1);
  });
});
