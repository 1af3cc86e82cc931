import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signSystemToken } from '@shareforyou/kit';
import { feedUrl, sendBundle } from '../../tools/src/feeds/feedClient';
import { asUser, closeDatabases, codes, database } from '../support/clients';
import { stackInfo } from '../support/stackInfo';

/**
 * The FHIR feeds end to end, with hand-written bundles (test/fixtures/feeds): what a source system
 * sends is what a clinician sees, with provenance; bad bundles and bad credentials change nothing;
 * versions, replays and deletes converge; relationship-forming events open and close access.
 */

afterAll(closeDatabases);

const AGNES = '9990000018'; // fixtures: registry-patient-a.json and the gp/acute bundles
const BERNARD = '9990000026'; // fixtures: registry-patient-b.json and the NR5 EpisodeOfCare bundles

const env = () => ({ ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) });
const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'feeds', name), 'utf8');
const send = (target: string, odsCode: string, name: string) => sendBundle(target, odsCode, fixture(name), env());

async function sendOk(target: string, odsCode: string, name: string, result: RegExp): Promise<void> {
  const response = await send(target, odsCode, name);
  expect({ status: response.status, diagnostics: response.summary }).toEqual({ status: 200, diagnostics: expect.stringMatching(result) });
}

const gpSlice = async (nhsNumber: string) => (await database('gp')).collection('patientSlices').findOne({ _id: nhsNumber as never });

const PROVENANCE = 'provenance { odsCode organisationName system sourceId version lastUpdated }';
const openGp = async (nhsNumber: string) => {
  const response = await asUser('gp').query(
    `query($n: String!) { patient(nhsNumber: $n) {
      name { text }
      medications { medication { code display } status current dosage startDate ${PROVENANCE} }
      allergies { code { code } reaction criticality ${PROVENANCE} }
      problems { code { code } clinicalStatus onsetDate ${PROVENANCE} }
      immunisations { vaccine { code } date status ${PROVENANCE} }
      consultations { type { code } date clinician ${PROVENANCE} }
    } }`,
    { n: nhsNumber },
  );
  expect(response.errors).toBeUndefined();
  return response.data.patient;
};
const medication = async (sourceId: string) => ((await openGp(AGNES)).medications as any[]).find((m) => m.provenance.sourceId === sourceId);

const gpProvenance = (sourceId: string, version = '1', lastUpdated = '2024-02-01T10:00:00.000Z') => ({
  odsCode: 'P83005',
  organisationName: 'Bury Central Medical Practice',
  system: 'EMIS Web',
  sourceId,
  version,
  lastUpdated,
});

describe('feeds: round trip with provenance', () => {
  it('a new patient registered by P83005 and fed by the GP system is seen by the GP with provenance on every item', async () => {
    await sendOk('registry', 'P83005', 'registry-patient-a.json', /created 1/);
    await sendOk('gp', 'P83005', 'gp-round-trip.json', /created 5/);

    const patient = await openGp(AGNES);
    expect(patient.name.text).toBe('Agnes FEEDWELL');
    expect(patient.medications).toEqual([
      {
        medication: { code: '39720311000001101', display: 'Metformin 500mg tablets' },
        status: 'active',
        current: true,
        dosage: 'One tablet twice a day',
        startDate: '2024-01-15',
        provenance: gpProvenance('ms-rt-1'),
      },
    ]);
    expect(patient.allergies).toEqual([{ code: { code: '91936005' }, reaction: 'Rash', criticality: 'high', provenance: gpProvenance('ai-rt-1') }]);
    expect(patient.problems).toEqual([{ code: { code: '44054006' }, clinicalStatus: 'active', onsetDate: '2019-03', provenance: gpProvenance('cond-rt-1', '3') }]);
    expect(patient.immunisations).toEqual([{ vaccine: { code: '1119349007' }, date: '2023-10-05', status: 'completed', provenance: gpProvenance('imm-rt-1') }]);
    expect(patient.consultations).toEqual([
      { type: { code: '185389009' }, date: '2024-01-15T09:20:00Z', clinician: 'Dr Aisha Rahman', provenance: gpProvenance('enc-rt-1') },
    ]);
  });

  it('an RM3 admission forms a relationship; an RM3 result is then seen by the A&E doctor with provenance', async () => {
    const query = `query($n: String!) { patient(nhsNumber: $n) { testResults { code { code } value unit status ${PROVENANCE} } } }`;
    expect(codes(await asUser('ae-doctor').query(query, { n: AGNES }))).toEqual(['NO_CARE_RELATIONSHIP']);

    await sendOk('registry', 'RM3', 'registry-rm3-admission.json', /created 1/);
    await sendOk('acute', 'RM3', 'acute-observation.json', /created 1/);

    const response = await asUser('ae-doctor').query(query, { n: AGNES });
    expect(response.errors).toBeUndefined();
    expect(response.data.patient.testResults).toEqual([
      {
        code: { code: '718-7' },
        value: '128',
        unit: 'g/L',
        status: 'final',
        provenance: {
          odsCode: 'RM3',
          organisationName: 'Northern Care Alliance NHS Foundation Trust',
          system: 'Allscripts Sunrise',
          sourceId: 'obs-ft-hb',
          version: '1',
          lastUpdated: '2024-03-01T12:00:00.000Z',
        },
      },
    ]);
  });
});

describe('feeds: malformed bundles are rejected whole and change nothing', () => {
  async function rejected(body: string, status: number) {
    const registry = await database('registry');
    const before = { slice: await gpSlice(AGNES), patient: await registry.collection('patients').findOne({ _id: AGNES as never }), slices: await (await database('gp')).collection('patientSlices').countDocuments() };
    expect(before.slice).not.toBeNull();
    const response = await sendBundle('gp', 'P83005', body, env());
    const after = { slice: await gpSlice(AGNES), patient: await registry.collection('patients').findOne({ _id: AGNES as never }), slices: await (await database('gp')).collection('patientSlices').countDocuments() };
    expect(after).toEqual(before);
    expect(response.status).toBe(status);
    expect(response.answer.resourceType).toBe('OperationOutcome');
    return response.issues;
  }
  const expressions = (issues: fhir4.OperationOutcomeIssue[]) => issues.flatMap((i) => i.expression ?? []);

  it('bad JSON: 400 structure', async () => {
    const issues = await rejected(fixture('malformed/bad-json.txt'), 400);
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', code: 'structure' })]);
  });

  it('not a Bundle: 422 naming Bundle', async () => {
    const issues = await rejected(fixture('malformed/wrong-resource-type.json'), 422);
    expect(issues.find((i) => i.code === 'structure')?.expression).toEqual(['Bundle']);
  });

  it('Bundle.type document: 422 naming Bundle.type', async () => {
    const issues = await rejected(fixture('malformed/document-bundle.json'), 422);
    expect(issues.find((i) => i.code === 'value')?.expression).toEqual(['Bundle.type']);
  });

  it('invalid NHS number: 422 naming the entry, and nothing stored for that number', async () => {
    const issues = await rejected(fixture('malformed/invalid-nhs-number.json'), 422);
    expect(issues.find((i) => i.code === 'value')).toMatchObject({ expression: ['Bundle.entry[0].resource'], diagnostics: expect.stringMatching(/invalid NHS number/) });
    expect(await (await database('gp')).collection('patientSlices').countDocuments({ _id: '9990000019' as never })).toBe(0);
  });

  it('MedicationStatement without medicationCodeableConcept: 422 naming the entry and element', async () => {
    const issues = await rejected(fixture('malformed/medication-without-code.json'), 422);
    expect(expressions(issues)).toEqual(['Bundle.entry[0].resource (MedicationStatement.medication[x])']);
  });

  it('a transaction with entry 0 valid and entry 1 invalid: 422 naming entry 1 only, and entry 0 is not written', async () => {
    const issues = await rejected(fixture('malformed/transaction-second-entry-invalid.json'), 422);
    expect(expressions(issues)).toEqual(['Bundle.entry[1].resource (MedicationStatement.medication[x])']);
    expect(await medication('ms-never-1')).toBeUndefined();
  });

  it('a body over the 5mb limit: 413 too-costly', async () => {
    const bundle = JSON.parse(fixture('gp-single-medication.json'));
    bundle.entry[0].resource.note = [{ text: 'x'.repeat(5.5 * 1024 * 1024) }];
    const issues = await rejected(JSON.stringify(bundle), 413);
    expect(issues).toEqual([expect.objectContaining({ code: 'too-costly' })]);
  });

  it('more than 2000 entries: 422 too-costly naming Bundle.entry', async () => {
    const bundle = JSON.parse(fixture('gp-single-medication.json'));
    const entry = bundle.entry[0];
    bundle.entry = Array.from({ length: 2001 }, (_, i) => ({ resource: { ...entry.resource, id: `ms-many-${i}` } }));
    const issues = await rejected(JSON.stringify(bundle), 422);
    expect(issues.find((i) => i.code === 'too-costly')?.expression).toEqual(['Bundle.entry']);
    expect(await medication('ms-many-0')).toBeUndefined();
  });
});

describe('feeds: a batch with good, bad, supporting and out-of-scope entries', () => {
  it('writes the good entry, refuses the bad one by entry and FHIR path, and answers every entry in order (batch-response)', async () => {
    const response = await send('gp', 'P83005', 'gp-batch-mixed.json');
    expect(response.status).toBe(200);
    const answer = response.answer as fhir4.Bundle;
    expect(answer.type).toBe('batch-response');
    expect(response.summary).toBe('Accepted: supporting 1, created 1, refused-invalid 1, not-stored 1. 1 entry not stored: this feed does not store Goal.');
    const about = (index: number) => ((answer.entry?.[index].response?.outcome as fhir4.OperationOutcome | undefined)?.issue ?? []).map((i) => `${i.severity}: ${i.diagnostics}`);
    expect(answer.entry?.map((e) => e.response?.status)).toEqual(['200 OK', '201 Created', '422 Unprocessable Entity', '200 OK']);
    expect(about(0)).toEqual(['information: Practitioner read to resolve references; not stored on its own']);
    expect(answer.entry?.[1].response).toEqual({ status: '201 Created', location: 'MedicationStatement/ms-mix-good/_history/1', etag: 'W/"1"' });
    expect(about(2)).toEqual([expect.stringMatching(/^error: FHIR R4: .*/)]);
    expect((answer.entry?.[2].response?.outcome as fhir4.OperationOutcome).issue[0].expression).toEqual(['Bundle.entry[2].resource (MedicationStatement.dosage[0].sequence)']);
    expect(about(3)).toEqual([expect.stringMatching(/^warning: Goal not stored: this feed does not store Goal/)]);
    expect(await medication('ms-mix-good')).toBeDefined();
    expect(await medication('ms-mix-bad')).toBeUndefined();
  });
});

describe('feeds: UK Core content kept whole and status told truly, through the gateway', () => {
  const openWhole = async () => {
    const response = await asUser('gp').query(
      `query($n: String!) { patient(nhsNumber: $n) {
        medications { medication { code display coding { system code } } kind status current intent courseOfTherapyType { code }
          repeat { numberOfRepeatsAllowed numberOfPrescriptionsIssued authorisationExpiryDate } dosageInstructions { sequence text timing } prescriber provenance { sourceId } }
        allergies { code { code text } current clinicalStatus verificationStatus criticality reactions { severity manifestations { code display } } provenance { sourceId } }
        problems { code { code } current clinicalStatus verificationStatus onsetDate provenance { sourceId } }
      } }`,
      { n: AGNES },
    );
    expect(response.errors).toBeUndefined();
    return response.data.patient;
  };
  const bySource = (items: any[], sourceId: string) => items.find((i) => i.provenance.sourceId === sourceId);

  it('a repeat prescription (contained Medication, UK Core repeat information, two dosage lines, prescriber by urn:uuid), an allergy with its reaction, a refuted allergy after the current one, a provisional problem; then entered-in-error removes the problem', async () => {
    await sendOk('gp', 'P83005', 'gp-uk-core.json', /created 4/);
    const patient = await openWhole();
    expect(bySource(patient.medications, 'mr-uk-1')).toEqual({
      medication: { code: '39720311000001101', display: 'Metformin 500mg tablets', coding: [{ system: 'https://dmd.nhs.uk', code: '39720311000001101' }] },
      kind: 'request',
      status: 'active',
      current: true,
      intent: 'order',
      courseOfTherapyType: { code: 'continuous' },
      repeat: { numberOfRepeatsAllowed: 6, numberOfPrescriptionsIssued: 2, authorisationExpiryDate: '2024-09-01T00:00:00Z' },
      dosageInstructions: [
        { sequence: 1, text: 'One tablet in the morning', timing: 'once a day' },
        { sequence: 2, text: 'One tablet in the evening', timing: 'once a day' },
      ],
      prescriber: 'Dr Aisha Rahman',
      provenance: { sourceId: 'mr-uk-1' },
    });
    expect(bySource(patient.allergies, 'ai-uk-1')).toMatchObject({ current: true, clinicalStatus: 'active', verificationStatus: 'confirmed', criticality: 'high', reactions: [{ severity: 'severe', manifestations: [{ code: '39579001', display: 'Anaphylaxis' }] }] });
    expect(bySource(patient.allergies, 'ai-uk-refuted')).toMatchObject({ current: false, verificationStatus: 'refuted' });
    const currentFlags = (patient.allergies as any[]).map((a) => a.current);
    expect(currentFlags).toEqual([...currentFlags].sort((a, b) => Number(b) - Number(a)));
    expect(bySource(patient.problems, 'cond-uk-eie')).toMatchObject({ current: true, verificationStatus: 'provisional', onsetDate: '2024-02-28T23:30:00-05:00' });

    await sendOk('gp', 'P83005', 'gp-uk-core-condition-entered-in-error.json', /^Accepted: deleted 1\.$/);
    expect(bySource((await openWhole()).problems, 'cond-uk-eie')).toBeUndefined();
  });
});

describe('feeds: a UK Core Patient read as the source means it', () => {
  it('the current home address by use and period, the preferred phone, interpreter and languages, next of kin, and death', async () => {
    await sendOk('registry', 'P83005', 'registry-patient-uk-core.json', /(created|unchanged) 1/);
    const response = await asUser('gp').query(
      `query($n: String!) { patient(nhsNumber: $n) {
        name { text } birthDate deceased { at }
        address { lines postcode use current } addresses { lines current } phone telecom { value use current }
        communication { interpreterRequired languages { language { code display } preferred } }
        contacts { name nextOfKin emergencyContact current relationship { display } telecom { value } }
      } }`,
      { n: '9990000301' },
    );
    expect(response.errors).toBeUndefined();
    const patient = response.data.patient;
    expect(patient.name.text).toBe('Zofia Maria NOWAK');
    expect(patient.deceased).toEqual({ at: '2024-02-28T23:40:00+00:00' });
    expect(patient.address).toEqual({ lines: ['3 Current Close'], postcode: 'BL9 9XY', use: 'home', current: true });
    expect(patient.addresses).toEqual([{ lines: ['3 Current Close'], current: true }, { lines: ['12 Moved Out Road'], current: false }]);
    expect(patient.phone).toBe('07700 900301');
    expect(patient.telecom.map((t: any) => [t.value, t.current])).toEqual([['0161 496 0300', true], ['07700 900301', true], ['07700 900399', false]]);
    expect(patient.communication).toEqual({ interpreterRequired: true, languages: [{ language: { code: 'pl', display: 'Polish' }, preferred: true }] });
    expect(patient.contacts).toEqual([
      { name: 'Piotr Nowak', nextOfKin: true, emergencyContact: false, current: true, relationship: [{ display: 'Next-of-Kin' }, { display: 'natural son' }], telecom: [{ value: '07700 900302' }] },
    ]);
  });
});

describe('feeds: credentials', () => {
  const post = async (authorization: string | null) => {
    const before = await gpSlice(AGNES);
    const response = await fetch(feedUrl('gp', env()), {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json', ...(authorization ? { authorization } : {}) },
      body: fixture('gp-single-medication.json'),
    });
    const outcome = (await response.json()) as fhir4.OperationOutcome;
    expect(await gpSlice(AGNES)).toEqual(before);
    return { status: response.status, code: outcome.issue?.[0]?.code };
  };

  it('no token: 401', async () => {
    expect(await post(null)).toEqual({ status: 401, code: 'security' });
  });
  it('a user token (wrong audience): 401', async () => {
    expect(await post(`Bearer ${asUser('gp').token}`)).toEqual({ status: 401, code: 'security' });
  });
  it('another organisation kind (RM3) posting to the GP feed: 403', async () => {
    expect(await post(`Bearer ${signSystemToken('RM3')}`)).toEqual({ status: 403, code: 'forbidden' });
  });
  it('a non-party organisation (NPX01): 403', async () => {
    expect(await post(`Bearer ${signSystemToken('NPX01')}`)).toEqual({ status: 403, code: 'forbidden' });
  });
  it('control: the GP practice\'s own token is accepted', async () => {
    const response = await fetch(feedUrl('gp', env()), {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${signSystemToken('P83005')}` },
      body: fixture('gp-single-medication.json'),
    });
    expect(response.status).toBe(200);
    expect((await medication('ms-cred-1'))?.provenance.odsCode).toBe('P83005');
  });
});

describe('feeds: replays and versions', () => {
  it('the same bundle twice is unchanged; v2 replaces v1; v1 again is stale', async () => {
    await sendOk('gp', 'P83005', 'gp-medication-v1.json', /^Accepted: created 1\.$/);
    const revision = (await gpSlice(AGNES))?.revision;
    await sendOk('gp', 'P83005', 'gp-medication-v1.json', /^Accepted: unchanged 1\.$/);
    expect((await gpSlice(AGNES))?.revision).toBe(revision);

    await sendOk('gp', 'P83005', 'gp-medication-v2.json', /^Accepted: updated 1\.$/);
    expect(await medication('ms-ver-1')).toMatchObject({ dosage: 'Two capsules once a day', provenance: { version: '2', lastUpdated: '2024-02-20T09:00:00.000Z' } });

    await sendOk('gp', 'P83005', 'gp-medication-v1.json', /^Accepted: stale 1\.$/);
    expect(await medication('ms-ver-1')).toMatchObject({ dosage: 'Two capsules once a day', provenance: { version: '2' } });
    expect(((await openGp(AGNES)).medications as any[]).filter((m) => m.provenance.sourceId === 'ms-ver-1')).toHaveLength(1);
  });
});

describe('feeds: deletes', () => {
  it('entered-in-error removes the item from the view', async () => {
    await sendOk('gp', 'P83005', 'gp-eie-v1.json', /created 1/);
    expect(await medication('ms-eie-1')).toBeDefined();
    await sendOk('gp', 'P83005', 'gp-eie-v2-entered-in-error.json', /^Accepted: deleted 1\.$/);
    expect(await medication('ms-eie-1')).toBeUndefined();
    await sendOk('gp', 'P83005', 'gp-eie-v1.json', /^Accepted: stale 1\.$/);
    expect(await medication('ms-eie-1')).toBeUndefined();
  });

  it('a conditional DELETE removes the item, and replaying older versions does not bring it back', async () => {
    expect(await medication('ms-ver-1')).toBeDefined();
    await sendOk('gp', 'P83005', 'gp-conditional-delete.json', /^Accepted: deleted 1\.$/);
    expect(await medication('ms-ver-1')).toBeUndefined();
    const slice = await gpSlice(AGNES);
    expect(slice?.tombstones).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'P83005/MedicationStatement/ms-ver-1' })]));

    await sendOk('gp', 'P83005', 'gp-medication-v1.json', /^Accepted: stale 1\.$/);
    await sendOk('gp', 'P83005', 'gp-medication-v2.json', /^Accepted: stale 1\.$/);
    expect(await medication('ms-ver-1')).toBeUndefined();
  });
});

describe('feeds: relationship-forming events', () => {
  const open = () => asUser('community-nurse').query('query($n: String!) { patient(nhsNumber: $n) { name { text } } }', { n: BERNARD });

  it('an active NR5 EpisodeOfCare lets the community nurse open the patient; finished in the past closes it', async () => {
    await sendOk('registry', 'P83005', 'registry-patient-b.json', /created 1/);
    expect(codes(await open())).toEqual(['NO_CARE_RELATIONSHIP']);

    await sendOk('registry', 'NR5', 'registry-nr5-episode-active.json', /^Accepted: created 1\.$/);
    const opened = await open();
    expect(opened.errors).toBeUndefined();
    expect(opened.data.patient.name.text).toBe('Bernard NURSEWORTHY');

    await sendOk('registry', 'NR5', 'registry-nr5-episode-finished.json', /^Accepted: updated 1\.$/);
    const closed = await open();
    expect(codes(closed)).toEqual(['NO_CARE_RELATIONSHIP']);
    expect(closed.data?.patient ?? null).toBeNull();
  });
});
