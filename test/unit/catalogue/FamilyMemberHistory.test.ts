/// <reference types="fhir" />
import { gpFeed } from '../../../subgraphs/gp/src/feed';
import { feedMapping, META, NHS } from '../../support/feedMapping';

/**
 * The catalogue's FamilyMemberHistory mapping (FHIR R4 FamilyMemberHistory; UK Core has no profile
 * of its own, the base resource is used): a mother who died of a myocardial infarction at 56, as
 * the R4 example "father" is shaped, with v3 RoleCode for the relationship. The relative's
 * conditions are hers, in a FamilyHistory item of their own panel, never a Problem (H88).
 */

const SNOMED = 'http://snomed.info/sct';
const mother: fhir4.FamilyMemberHistory = {
  resourceType: 'FamilyMemberHistory',
  id: 'fmh-mother',
  meta: META,
  status: 'completed',
  patient: NHS,
  date: '2026-09-14',
  relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'MTH', display: 'mother' }] },
  sex: { coding: [{ system: 'http://hl7.org/fhir/administrative-gender', code: 'female', display: 'Female' }] },
  bornDate: '1941',
  deceasedAge: { value: 56, unit: 'a', system: 'http://unitsofmeasure.org', code: 'a' },
  condition: [
    {
      code: { coding: [{ system: SNOMED, code: '22298006', display: 'Myocardial infarction' }] },
      outcome: { coding: [{ system: SNOMED, code: '419099009', display: 'Dead' }] },
      contributedToDeath: true,
      onsetAge: { value: 56, unit: 'a', system: 'http://unitsofmeasure.org', code: 'a' },
      note: [{ text: 'Was fishing at the time' }],
    },
    { code: { coding: [{ system: SNOMED, code: '44054006', display: 'Diabetes mellitus type 2' }] }, onsetString: 'in her forties' },
  ],
  note: [{ text: 'Reported by the patient' }],
};

describe('gp feed: FamilyMemberHistory through the catalogue', () => {
  const { map, problemOf } = feedMapping(gpFeed);

  it('H88: lands in familyHistory, naming the relative, never in the patient\'s problems', () => {
    const mapped = map(mother)!;
    expect(mapped.panel).toBe('familyHistory');
    expect(mapped.panel).not.toBe('problems');
    expect(mapped.fields.relationship).toMatchObject({ code: 'MTH', display: 'mother' });
  });

  it('keeps sex, birth, death and every condition with outcome, contribution to death and onset[x]', () => {
    expect(map(mother)!.fields).toMatchObject({
      status: 'completed',
      sex: { code: 'female' },
      born: { start: '1941' },
      deceased: true,
      deceasedAt: { age: '56 a' },
      recordedDate: '2026-09-14',
      notes: ['Reported by the patient'],
      conditions: [
        { code: { code: '22298006' }, outcome: { code: '419099009' }, contributedToDeath: true, onset: { age: '56 a' }, notes: ['Was fishing at the time'] },
        { code: { code: '44054006' }, outcome: null, contributedToDeath: null, onset: { text: 'in her forties' }, notes: [] },
      ],
    });
  });

  it('health-unknown is a status of its own; deceasedBoolean false is kept as false', () => {
    const unknown = { ...mother, status: 'health-unknown', condition: undefined, deceasedAge: undefined, deceasedBoolean: false } as fhir4.FamilyMemberHistory;
    expect(map(unknown)!.fields).toMatchObject({ status: 'health-unknown', conditions: [], deceased: false, deceasedAt: null });
  });

  it('a status outside history-status, or no relationship, is refused naming the path', () => {
    expect(problemOf({ ...mother, status: 'final' as never }).path).toBe('FamilyMemberHistory.status');
    expect(problemOf({ ...mother, relationship: undefined as never }).path).toBe('FamilyMemberHistory.relationship');
  });
});
