import { slicesHolding } from '../../support/slicesHolding';
/// <reference types="fhir" />
import { acuteFeed } from '../../../subgraphs/acute/src/feed';
import { gpFeed } from '../../../subgraphs/gp/src/feed';
import { referralList } from '../../../subgraphs/kit/src/slice/catalogueLists';
import { feedMapping, META, NHS } from '../../support/feedMapping';

/**
 * The catalogue's ServiceRequest mapping (FHIR R4 ServiceRequest, UKCore-ServiceRequest): a GP's
 * two-week-wait referral to a colorectal clinic as GP systems send it, with its reason as a
 * reference to an Observation in the bundle. A referral that was revoked or completed is not open
 * (H92); a request not to do something is never read as a request to do it (H93).
 */

const SNOMED = 'http://snomed.info/sct';
const anaemia: fhir4.Observation = {
  resourceType: 'Observation',
  id: 'hb',
  meta: META,
  status: 'final',
  subject: NHS,
  code: { coding: [{ system: SNOMED, code: '271737000', display: 'Anaemia' }] },
};
const referral: fhir4.ServiceRequest = {
  resourceType: 'ServiceRequest',
  id: 'twr-colorectal',
  meta: META,
  status: 'active',
  intent: 'order',
  priority: 'urgent',
  subject: NHS,
  category: [{ coding: [{ system: SNOMED, code: '3457005', display: 'Patient referral' }] }],
  code: { coding: [{ system: SNOMED, code: '183545006', display: 'Referral to colorectal surgeon' }], text: 'Two week wait referral: suspected colorectal cancer' },
  authoredOn: '2026-10-02T11:20:00+01:00',
  occurrencePeriod: { start: '2026-10-02', end: '2099-10-16' },
  requester: { reference: 'Practitioner/gp', display: undefined },
  performerType: { coding: [{ system: SNOMED, code: '309395003', display: 'Colorectal surgeon' }] },
  performer: [{ display: 'Colorectal clinic, Fairfield General Hospital' }],
  reasonCode: [{ coding: [{ system: SNOMED, code: '8765009', display: 'Rectal bleeding' }] }],
  reasonReference: [{ reference: 'Observation/hb' }],
  patientInstruction: 'Bring a list of your medicines',
  note: [{ text: 'Iron deficiency anaemia, 6 weeks change in bowel habit' }],
};
const gp: fhir4.Practitioner = { resourceType: 'Practitioner', id: 'gp', name: [{ prefix: ['Dr'], given: ['Sarah'], family: 'Jones' }] };
const bundle = [{ resource: anaemia as fhir4.FhirResource }, { resource: gp as fhir4.FhirResource }];

describe.each([
  ['acute', feedMapping(acuteFeed), 'hospitalReferrals'],
  ['gp', feedMapping(gpFeed), 'referrals'],
])('%s feed: ServiceRequest through the catalogue', (_name, { map, problemOf }, panel) => {
  it('keeps what is asked, why (the referenced observation, resolved), how urgent, when, who asked and to whom', () => {
    const mapped = map(referral, bundle)!;
    expect(mapped.panel).toBe(panel);
    expect(mapped.fields).toMatchObject({
      code: { code: '183545006', text: 'Two week wait referral: suspected colorectal cancer' },
      categories: [{ code: '3457005' }],
      status: 'active',
      current: true,
      intent: 'order',
      priority: 'urgent',
      doNotPerform: false,
      authoredOn: '2026-10-02T11:20:00+01:00',
      occurrence: { start: '2026-10-02', end: '2099-10-16' },
      start: '2026-10-02',
      end: '2099-10-16',
      requester: expect.stringContaining('Jones'),
      performerType: { code: '309395003' },
      performers: ['Colorectal clinic, Fairfield General Hospital'],
      reasons: [{ code: '8765009' }, { code: '271737000', display: 'Anaemia' }],
      patientInstruction: 'Bring a list of your medicines',
      notes: ['Iron deficiency anaemia, 6 weeks change in bowel habit'],
    });
  });

  it.each([['revoked', false], ['completed', false], ['draft', false], ['unknown', false], ['on-hold', true], ['active', true]])(
    'status %s: open %s (H92)',
    (status, current) => {
      expect(map({ ...referral, status: status as fhir4.ServiceRequest['status'] }, bundle)!.fields.current).toBe(current);
    },
  );

  it('an active referral whose occurrence period has ended is not open', () => {
    expect(map({ ...referral, occurrencePeriod: { start: '2020-01-01', end: '2020-02-01' } }, bundle)!.fields.current).toBe(false);
  });

  it('a request NOT to do something says so (doNotPerform, a modifier) (H93)', () => {
    expect(map({ ...referral, doNotPerform: true }, bundle)!.fields.doNotPerform).toBe(true);
  });

  it('occurrence as a Timing keeps its bounds', () => {
    const timed = { ...referral, occurrencePeriod: undefined, occurrenceTiming: { repeat: { boundsPeriod: { start: '2026-11-01', end: '2027-05-01' } }, code: { text: 'Monthly' } } };
    expect(map(timed, bundle)!.fields.occurrence).toEqual({ start: '2026-11-01', end: '2027-05-01', age: null, text: 'Monthly' });
  });

  it('refuses a status outside request-status, an intent outside request-intent, a priority outside request-priority, and a request that says nothing of what it is for', () => {
    expect(problemOf({ ...referral, status: 'open' as never }, bundle).path).toBe('ServiceRequest.status');
    expect(problemOf({ ...referral, intent: 'referral' as never }, bundle).path).toBe('ServiceRequest.intent');
    expect(problemOf({ ...referral, priority: 'high' as never }, bundle).path).toBe('ServiceRequest.priority');
    expect(problemOf({ ...referral, code: undefined, category: undefined, reasonCode: undefined, reasonReference: undefined }, bundle).path).toBe('ServiceRequest.code');
  });
});

describe('the referral list', () => {
  it('reads `current` again: a referral stored open whose period has since ended is history, and open ones come first', async () => {
    const item = (id: string, fields: Record<string, unknown>) => ({ id, provenance: { lastUpdated: '2026-01-01T00:00:00Z' }, status: 'active', current: true, ...fields });
    const items = [item('old', { authoredOn: '2026-10-01', end: '2020-01-01' }), item('open', { authoredOn: '2025-01-01', end: null })];
    const context = { slices: slicesHolding({ referrals: items }) } as never;
    const list = await referralList('referrals')({ nhsNumber: '9434765919' }, {}, context);
    expect(list.map((i) => [i.id, i.current])).toEqual([['open', true], ['old', false]]);
  });
});
