/// <reference types="fhir" />
import { sendBundle } from '../../tools/src/feeds/feedClient';
import { communityResources } from '../fixtures/community/fhirR4';
import { asUser, closeDatabases } from '../support/clients';
import { stackInfo } from '../support/stackInfo';

/**
 * The community services feed end to end: FHIR R4 resources (test/fixtures/community/fhirR4.ts)
 * with their supporting resources through the real community feed endpoint, read back through the
 * gateway by the district nurse, kept whole, current first, with statuses as enums; then the
 * source closes the episode (no longer current, listed after the open one) and retracts a visit
 * (entered-in-error: gone). The patient's birth date is partial (a year and month) and stays so.
 */

afterAll(closeDatabases);

const NHS_NUMBER = '9990000506';
const PATIENT = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER } };
const env = () => ({ ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) });
const batch = (entry: unknown[]) => JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry });
async function send(target: string, odsCode: string, entry: unknown[]) {
  const response = await sendBundle(target, odsCode, batch(entry), env());
  expect({ status: response.status, errors: response.issues.filter((i) => i.severity === 'error') }).toEqual({ status: 200, errors: [] });
  return response.summary;
}

const r = communityResources(PATIENT, 'e2e-');
const meta = (versionId: string, lastUpdated: string) => ({ versionId, lastUpdated });
// A second, older episode that has ended, and a visit under way now.
const closedEpisode: fhir4.EpisodeOfCare = { ...r.episode, id: 'e2e-ep-physio', meta: meta('1', '2025-05-03T10:00:00Z'), status: 'finished', type: [{ text: 'Community physiotherapy' }], diagnosis: undefined, referralRequest: undefined, period: { start: '2025-04', end: '2025-04-30' } };
const visitNow: fhir4.Encounter = { ...r.visit, id: 'e2e-visit-now', status: 'in-progress', period: { start: '2025-05-03T08:30:00+01:00' }, participant: [{ individual: { display: 'Nurse K Byrne' } }] };

const RECORD = `query($n: String!) { patient(nhsNumber: $n) {
  birthDate
  communityEpisodes { id status current service type { code text } start end team teams leadClinician managingOrganisation
    diagnoses { condition { code text } role { code } rank } referrals { code { code } reasons { code } requester authoredOn priority } referralReason
    provenance { sourceId version lastUpdated } }
  communityVisits { id status current date end class { code } setting type { code } serviceType { code } reasons { code display text } clinician
    participants { type { code } individual start end } location locations { location status } episodeIds provenance { sourceId } }
  communityCarePlans { id status current intent title categories { code } activities { description status scheduled performers location }
    start created author careTeams addresses { code } provenance { sourceId } }
  communitySource { organisations lastUpdated }
} }`;

async function openRecord() {
  const response = await asUser('community-nurse').query(RECORD, { n: NHS_NUMBER });
  expect(response.errors).toBeUndefined();
  return response.data.patient;
}
const bySource = (items: any[], sourceId: string) => items.find((i) => i.provenance.sourceId === sourceId);

describe('community feed: FHIR R4 resources through the feed and the gateway', () => {
  beforeAll(async () => {
    await send('registry', 'P83005', [
      {
        resource: {
          resourceType: 'Patient',
          id: 'pat-community-e2e',
          meta: meta('1', '2025-02-01T09:00:00Z'),
          identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER }],
          name: [{ use: 'official', family: 'Threlfall', given: ['Albert'] }],
          gender: 'male',
          // FHIR date precision: the source holds only the year and month of birth.
          birthDate: '1950-07',
          generalPractitioner: [{ identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'P83005' } }],
        },
      },
    ]);
    // The open episode is what gives the community provider its care relationship (the registry reads it).
    await send('registry', 'NR5', [{ resource: r.episode }]);
    const accepted = await send('community', 'NR5', [...r.supporting, ...[r.episode, closedEpisode, r.visit, visitNow, r.carePlan].map((resource) => ({ resource }))]);
    // Seven: the leg ulcer (a Condition sent beside the episode that names it) is itself a community diagnosis, and the
    // referral it names (a ServiceRequest) a community referral, both kept (issue #18).
    expect(accepted).toMatch(/created 7/);
  });

  it('an episode kept whole: service types, diagnoses and referral resolved from the bundle, team and care manager by name; open ones first', async () => {
    const patient = await openRecord();
    expect(patient.communityEpisodes.map((e: any) => [e.provenance.sourceId, e.status, e.current])).toEqual([['e2e-ep-1', 'active', true], ['e2e-ep-physio', 'finished', false]]);
    expect(bySource(patient.communityEpisodes, 'e2e-ep-1')).toMatchObject({
      service: 'District nursing',
      type: [{ code: '310428009', text: 'District nursing' }, { code: '', text: 'Tissue viability' }],
      start: '2025-03-01',
      end: null,
      team: 'Bury East District Nursing Team',
      teams: ['Bury East District Nursing Team', 'Bury Tissue Viability Service'],
      leadClinician: 'Nurse Kath Byrne',
      managingOrganisation: 'Bury Community Services',
      diagnoses: [{ condition: { code: '95344007', text: 'Venous leg ulcer, left' }, role: { code: 'CC' }, rank: 1 }, { condition: { text: 'Type 2 diabetes mellitus' }, role: null, rank: 2 }],
      referrals: [{ code: { code: '310428009' }, reasons: [{ code: '95344007' }], requester: 'Dr R Shah', authoredOn: '2025-02-27T16:20:00+00:00', priority: 'urgent' }],
      referralReason: 'Venous leg ulcer, left',
      provenance: { version: '1', lastUpdated: '2025-05-03T10:00:00.000Z' },
    });
    // A partial date stays partial through the FhirDateTime scalar.
    expect(bySource(patient.communityEpisodes, 'e2e-ep-physio')).toMatchObject({ service: 'Community physiotherapy', start: '2025-04', end: '2025-04-30' });
  });

  it('visits: the one under way first; participants, location and reasons resolved; statuses as enums (in_progress)', async () => {
    const patient = await openRecord();
    expect(patient.communityVisits.map((v: any) => [v.provenance.sourceId, v.status, v.current])).toEqual([['e2e-visit-now', 'in_progress', true], ['e2e-visit-1', 'finished', false]]);
    expect(bySource(patient.communityVisits, 'e2e-visit-1')).toMatchObject({
      date: '2025-04-02T09:00:00+01:00',
      end: '2025-04-02T09:40:00+01:00',
      class: { code: 'HH' },
      setting: 'home health',
      type: [{ code: '439708006' }],
      serviceType: { code: '310428009' },
      reasons: [{ display: 'Leg ulcer dressing' }, { code: '95344007', text: 'Venous leg ulcer, left' }],
      clinician: 'Nurse Kath Byrne, HCA J Lees',
      participants: [{ type: [{ code: 'PPRF' }], individual: 'Nurse Kath Byrne' }, { type: [{ code: 'SPRF' }], individual: 'HCA J Lees', start: '2025-04-02T09:10:00+01:00' }],
      location: "Patient's home",
      locations: [{ location: "Patient's home", status: 'completed' }],
      episodeIds: ['NR5/EpisodeOfCare/e2e-ep-1'],
    });
  });

  it('a care plan kept whole: every activity with its status (the one entered in error left out), author, team and what it addresses', async () => {
    const patient = await openRecord();
    expect(patient.communityCarePlans).toEqual([
      expect.objectContaining({
        status: 'active',
        current: true,
        intent: 'plan',
        title: 'Leg ulcer care',
        categories: [{ code: '736353004' }],
        activities: [
          { description: 'Compression bandaging twice a week', status: 'in_progress', scheduled: 'Mondays and Thursdays', performers: ['Bury East District Nursing Team'], location: "Patient's home" },
          { description: 'Doppler assessment', status: 'not_started', scheduled: null, performers: [], location: null },
        ],
        start: '2025-03-02',
        created: '2025-03-02T11:00:00+00:00',
        author: 'Nurse Kath Byrne',
        careTeams: ['Bury East District Nursing Team'],
        addresses: [{ code: '95344007' }],
      }),
    ]);
    expect(patient.communitySource).toEqual({ organisations: ['NR5'], lastUpdated: '2025-05-03T10:00:00.000Z' });
  });

  it('a partial birth date is served as the source gave it, and a trace by the full date finds the patient', async () => {
    expect((await openRecord()).birthDate).toBe('1950-07');
    const trace = await asUser('gp').query('{ patientSearch(familyName: "Threlfall", birthDate: "1950-07-21") { nhsNumber birthDate } }');
    expect(trace.errors).toBeUndefined();
    expect(trace.data.patientSearch).toEqual([{ nhsNumber: NHS_NUMBER, birthDate: '1950-07' }]);
  });

  it('the source closes the episode: no longer current and listed after the open one; a visit entered in error is removed', async () => {
    await send('community', 'NR5', [
      { resource: { ...r.episode, meta: meta('2', '2025-07-01T09:00:00Z'), status: 'finished', period: { start: '2025-03-01', end: '2025-06-30' } } },
      { resource: { ...closedEpisode, id: 'e2e-ep-rehab', meta: meta('1', '2025-07-01T09:00:00Z'), status: 'active', type: [{ text: 'Community rehabilitation' }], period: { start: '2025-01-15' } } },
      { resource: { ...r.visit, meta: meta('2', '2025-07-01T09:00:00Z'), status: 'entered-in-error' } },
    ]);
    const patient = await openRecord();
    // Current first even though it began earliest; then the closed ones, newest start first by
    // instant (the physiotherapy episode's "2025-04", a month, is after 1 March).
    expect(patient.communityEpisodes.map((e: any) => [e.provenance.sourceId, e.current])).toEqual([['e2e-ep-rehab', true], ['e2e-ep-physio', false], ['e2e-ep-1', false]]);
    expect(bySource(patient.communityEpisodes, 'e2e-ep-1')).toMatchObject({ status: 'finished', end: '2025-06-30', provenance: { version: '2' } });
    expect(patient.communityVisits.map((v: any) => v.provenance.sourceId)).toEqual(['e2e-visit-now']);
  });
});
