import { decideAccess, type AccessRequest } from '../../subgraphs/kit/src/access/accessDecision';
import type { PatientAccessRecord } from '../../subgraphs/kit/src/access/registryRecords';

/** Every patient-level access rule, by calling the one decision (kit access/accessDecision.ts). */

const NOW = new Date('2026-11-20T10:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

const gp = { odsCode: 'P83005', userId: 'gp-1', profile: 'clinical' };
const receptionist = { odsCode: 'P83005', userId: 'rec-1', profile: 'administrative' };
const privacyOfficer = { odsCode: 'Y02GM', userId: 'po-1', profile: 'privacyOfficer' };

function record(overrides: Partial<PatientAccessRecord> = {}): PatientAccessRecord {
  return { _id: '9993133701', relationships: [], recordOptOut: null, breakGlass: [], revision: 1, ...overrides };
}
const relationship = (odsCode: string, from: Date, until: Date | null) => ({ odsCode, organisationName: odsCode, kind: 'registration', from, until, sourceId: `${odsCode}/r` });
const optedOut = { status: 'opted-out' as const, recordedAt: at(-1), recordedBy: { userId: 'gp-1', name: 'GP', odsCode: 'P83005' }, practiceOdsCode: 'P83005', practiceName: 'Bury' };
const declaration = (userId: string, odsCode: string, expiresAt: Date) => ({
  id: 'bg-1', userId, userName: 'A&E', odsCode, jobRole: 'R8000', reason: 'EMERGENCY_CARE', detail: 'Unconscious in resus', declaredAt: at(-0.1), expiresAt,
});

const open = (actor: AccessRequest['actor'], patient: PatientAccessRecord | null) => decideAccess({ action: 'openRecord', actor, patient, now: NOW });

describe('opening a record', () => {
  it('allows the organisation with a current care relationship, naming the relationship', () => {
    expect(open(gp, record({ relationships: [relationship('P83005', at(-30), null)] }))).toEqual({ allowed: true, basis: 'care-relationship', relationshipKinds: ['registration'] });
  });

  it('refuses another organisation, and a relationship that has ended or not yet begun', () => {
    for (const r of [relationship('P86003', at(-30), null), relationship('P83005', at(-30), at(-1)), relationship('P83005', at(1), null)]) {
      expect(open(gp, record({ relationships: [r] }))).toMatchObject({ allowed: false, code: 'NO_CARE_RELATIONSHIP' });
    }
  });

  it('allows under an active break-glass of this user and organisation only', () => {
    const patient = (b: ReturnType<typeof declaration>) => record({ breakGlass: [b] });
    const ae = { odsCode: 'RM3', userId: 'ae-1', profile: 'clinical' };
    expect(open(ae, patient(declaration('ae-1', 'RM3', at(0.1))))).toMatchObject({ allowed: true, basis: 'break-glass' });
    expect(open(ae, patient(declaration('ae-1', 'RM3', at(-0.01))))).toMatchObject({ allowed: false, code: 'NO_CARE_RELATIONSHIP' });
    expect(open(ae, patient(declaration('ae-2', 'RM3', at(0.1))))).toMatchObject({ allowed: false, code: 'NO_CARE_RELATIONSHIP' });
    expect(open(ae, patient(declaration('ae-1', 'RM2', at(0.1))))).toMatchObject({ allowed: false, code: 'NO_CARE_RELATIONSHIP' });
  });

  it('gives an opted-out patient NO_SHARED_RECORD, whatever relationship or break-glass there is', () => {
    const patient = record({ recordOptOut: optedOut, relationships: [relationship('P83005', at(-30), null)], breakGlass: [declaration('gp-1', 'P83005', at(1))] });
    expect(open(gp, patient)).toEqual({ allowed: false, code: 'NO_SHARED_RECORD', reason: 'opted-out' });
  });

  it('refuses a role that may not open records with FORBIDDEN_ACTION, before looking at the patient', () => {
    expect(open(privacyOfficer, record({ relationships: [relationship('Y02GM', at(-30), null)] }))).toMatchObject({ allowed: false, code: 'FORBIDDEN_ACTION' });
    expect(open({ ...gp, profile: 'none' }, record())).toMatchObject({ allowed: false, code: 'FORBIDDEN_ACTION' });
  });
});

describe('the role may act', () => {
  it('only clinical roles declare break-glass', () => {
    expect(decideAccess({ action: 'declareBreakGlass', actor: gp })).toMatchObject({ allowed: true });
    expect(decideAccess({ action: 'declareBreakGlass', actor: receptionist })).toMatchObject({ allowed: false, code: 'FORBIDDEN_ACTION' });
    expect(decideAccess({ action: 'declareBreakGlass', actor: { ...gp, profile: 'clinicalStudent' } })).toMatchObject({ allowed: false, code: 'FORBIDDEN_ACTION' });
  });

  it('tracing is for roles that list patientTrace', () => {
    expect(decideAccess({ action: 'tracePatient', actor: receptionist }).allowed).toBe(true);
    expect(decideAccess({ action: 'tracePatient', actor: { ...gp, profile: 'clinicalStudent' } })).toMatchObject({ code: 'FORBIDDEN_ACTION' });
  });

  it('a job role outside the policy may not use the record at all', () => {
    expect(decideAccess({ action: 'useRecord', actor: { ...gp, profile: 'none' } })).toMatchObject({ allowed: false, code: 'FORBIDDEN_ACTION' });
    expect(decideAccess({ action: 'useRecord', actor: gp })).toMatchObject({ allowed: true });
  });
});

describe('party to the data sharing framework', () => {
  it.each([['suspended'], ['not-party'], [null]] as const)('refuses an organisation whose status is %s', (status) => {
    expect(decideAccess({ action: 'useRecord', actor: gp, organisationStatus: status })).toMatchObject({ allowed: false, code: 'ORGANISATION_NOT_PARTY' });
    expect(decideAccess({ action: 'feed', actor: { odsCode: 'RM3' }, organisationStatus: status })).toMatchObject({ allowed: false, code: 'ORGANISATION_NOT_PARTY' });
  });

  it('allows an active party', () => {
    expect(decideAccess({ action: 'feed', actor: { odsCode: 'RM3' }, organisationStatus: 'active' })).toMatchObject({ allowed: true });
  });
});

describe('feeds and opt-out', () => {
  it('refuses a feed about an opted-out patient and takes one about anyone else', () => {
    expect(decideAccess({ action: 'feed', actor: { odsCode: 'RM3' }, patient: record({ recordOptOut: optedOut }) })).toMatchObject({ allowed: false, code: 'NO_SHARED_RECORD' });
    expect(decideAccess({ action: 'feed', actor: { odsCode: 'RM3' }, patient: record({ recordOptOut: { ...optedOut, status: 'opted-in' } }) })).toMatchObject({ allowed: true });
    expect(decideAccess({ action: 'feed', actor: { odsCode: 'RM3' }, patient: null })).toMatchObject({ allowed: true });
  });

  it('only the registered practice records an opt-out or opt-in, even for an opted-out patient', () => {
    expect(decideAccess({ action: 'recordOptOut', actor: gp, registeredPractice: 'P83005' })).toMatchObject({ allowed: true, basis: 'registered-practice' });
    expect(decideAccess({ action: 'recordOptOut', actor: { ...gp, odsCode: 'P86003' }, registeredPractice: 'P83005' })).toMatchObject({ allowed: false, code: 'FORBIDDEN_ACTION', reason: 'not-registered-practice' });
    expect(decideAccess({ action: 'recordOptOut', actor: { ...gp, profile: 'socialCare' }, registeredPractice: 'P83005' })).toMatchObject({ allowed: false, code: 'FORBIDDEN_ACTION' });
  });
});

describe('a sign-in launched for one patient (SMART patient/ scopes)', () => {
  const launched = { ...gp, launchPatient: '9993133701' };
  const withRelationship = (id: string) => record({ _id: id, relationships: [relationship('P83005', at(-30), null)] });

  it('opens the patient of the launch, on the same care relationship as any sign-in', () => {
    expect(decideAccess({ action: 'openRecord', actor: launched, nhsNumber: '9993133701', patient: withRelationship('9993133701'), now: NOW })).toMatchObject({ allowed: true, basis: 'care-relationship' });
    expect(decideAccess({ action: 'openRecord', actor: launched, nhsNumber: '9993133701', patient: record(), now: NOW })).toMatchObject({ allowed: false, code: 'NO_CARE_RELATIONSHIP' });
  });

  it('opens no other record, though the organisation cares for that patient too; before the opt-out is looked at, so nothing about the other record shows', () => {
    expect(decideAccess({ action: 'openRecord', actor: launched, nhsNumber: '9434765919', patient: withRelationship('9434765919'), now: NOW })).toEqual({ allowed: false, code: 'FORBIDDEN_ACTION', reason: 'outside-launch-context' });
    expect(decideAccess({ action: 'openRecord', actor: launched, nhsNumber: '9434765919', patient: record({ _id: '9434765919', recordOptOut: optedOut }), now: NOW })).toMatchObject({ reason: 'outside-launch-context' });
    // The same user signed in with user-level scopes opens it.
    expect(decideAccess({ action: 'openRecord', actor: gp, nhsNumber: '9434765919', patient: withRelationship('9434765919'), now: NOW })).toMatchObject({ allowed: true });
  });

  it('declares break-glass for the launch patient only, and traces nobody', () => {
    const clinician = { ...launched, profile: 'clinical' };
    expect(decideAccess({ action: 'declareBreakGlass', actor: clinician, nhsNumber: '9993133701' })).toMatchObject({ allowed: true });
    expect(decideAccess({ action: 'declareBreakGlass', actor: clinician, nhsNumber: '9434765919' })).toMatchObject({ allowed: false, code: 'FORBIDDEN_ACTION', reason: 'outside-launch-context' });
    expect(decideAccess({ action: 'tracePatient', actor: { odsCode: 'RM3', userId: 'ae-1', profile: 'clinical', launchPatient: '9993133701' } })).toMatchObject({ allowed: false, reason: 'outside-launch-context' });
  });
});
