/// <reference types="fhir" />
import { dosageWords } from '../../../subgraphs/kit/src/ingest/fhirClinical';
import { medicineStillCurrent, withHeldReasons } from '../../../subgraphs/kit/src/slice/catalogueLists';
import { gpFeed } from '../../../subgraphs/gp/src/feed';
import { feedMapping, META, NHS } from '../../support/feedMapping';

/**
 * Medicines kept whole (issue #18.4): the reason a prescription names by reference, the structured
 * dosage in words when the source sent no text, and an "active" statement whose period has ended
 * read as history, not current (H76).
 */

const { map } = feedMapping(gpFeed);
const SNOMED = 'http://snomed.info/sct';
const DMD = 'https://dmd.nhs.uk';

const af: fhir4.Condition = { resourceType: 'Condition', id: 'af', meta: META, subject: NHS, code: { coding: [{ system: SNOMED, code: '49436004', display: 'Atrial fibrillation' }] } };
const warfarin: fhir4.MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'warfarin',
  meta: META,
  status: 'active',
  intent: 'order',
  subject: NHS,
  authoredOn: '2026-01-10',
  medicationCodeableConcept: { coding: [{ system: DMD, code: '319733000', display: 'Warfarin 1mg tablets' }] },
  reasonReference: [{ reference: 'Condition/af' }],
  dosageInstruction: [
    {
      sequence: 1,
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['EVE'] } },
      route: { coding: [{ system: SNOMED, code: '26643006', display: 'Oral' }] },
      doseAndRate: [{ doseQuantity: { value: 3, unit: 'tablet' } }],
    },
  ],
};

it("a prescription's reasonReference names the condition it is for, resolved from the bundle", () => {
  const fields = map(warfarin, [{ fullUrl: 'https://gp.example/fhir/Condition/af', resource: af }])!.fields;
  expect(fields.reasons).toEqual([expect.objectContaining({ code: '49436004', display: 'Atrial fibrillation' })]);
});

it('a reasonReference with only a display keeps the display as text', () => {
  const fields = map({ ...warfarin, reasonReference: [{ reference: 'Condition/elsewhere', display: 'Atrial fibrillation' }] })!.fields;
  expect(fields.reasons).toEqual([expect.objectContaining({ display: 'Atrial fibrillation' })]);
});

it('structured dosage with no text is put into words, and is the dosage line shown', () => {
  const fields = map(warfarin)!.fields as { dosage: string; dosageInstructions: Array<{ text: string | null; structuredText: string }> };
  expect(fields.dosageInstructions[0]).toMatchObject({ text: null, structuredText: '3 tablet once a day (in the evening), by Oral' });
  expect(fields.dosage).toBe('3 tablet once a day (in the evening), by Oral');
});

it("the prescriber's text stays the dosage shown when both were sent; the words are kept beside it", () => {
  const withText = { ...warfarin, dosageInstruction: [{ ...warfarin.dosageInstruction![0], text: 'Take as directed by the anticoagulation clinic' }] };
  const fields = map(withText)!.fields as { dosage: string; dosageInstructions: Array<{ structuredText: string }> };
  expect(fields.dosage).toBe('Take as directed by the anticoagulation clinic');
  expect(fields.dosageInstructions[0].structuredText).toBe('3 tablet once a day (in the evening), by Oral');
});

it.each([
  [{ frequency: 2, period: 1, periodUnit: 'd' as const }, 'twice a day'],
  [{ frequency: 1, period: 4, periodUnit: 'h' as const }, 'every 4 hours'],
  [{ frequency: 3, frequencyMax: 4, period: 1, periodUnit: 'd' as const }, '3-4 times a day'],
  [{ frequency: 1, period: 1, periodUnit: 'wk' as const }, 'once a week'],
])('timing %j reads "%s"', (repeat, words) => {
  const fields = map({ ...warfarin, dosageInstruction: [{ timing: { repeat } }] })!.fields as { dosageInstructions: Array<{ timing: string }> };
  expect(fields.dosageInstructions[0].timing).toBe(words);
});

it('dosage words say as needed, for what, and the most per period', () => {
  const words = dosageWords({
    dose: '1-2 tablet',
    timing: 'every 4 hours',
    route: { system: SNOMED, code: '26643006', display: 'Oral', coding: [], text: null },
    site: null,
    method: null,
    asNeeded: true,
    asNeededFor: { system: SNOMED, code: '22253000', display: 'Pain', coding: [], text: null },
    maxDosePerPeriod: '8 tablet per 1 d',
  });
  expect(words).toBe('1-2 tablet every 4 hours, by Oral, as needed for Pain; no more than 8 tablet per 1 d');
  expect(dosageWords({ dose: null, timing: null, route: null, site: null, method: null, asNeeded: null, asNeededFor: null, maxDosePerPeriod: null })).toBeNull();
});

describe('an active medicine whose period has ended is history (H76)', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  it.each([
    [{ current: true, endDate: '2019-03-01' }, false],
    [{ current: true, endDate: '2026-12-05T23:59:00Z' }, false],
    [{ current: true, endDate: '2027-01-01' }, true],
    [{ current: true, endDate: null }, true],
    [{ current: false, endDate: '2027-01-01' }, false],
  ])('%j -> current %s', (item, current) => {
    expect(medicineStillCurrent(item as never, now).current).toBe(current);
  });
});

describe('a reason named only by reference to a Condition held already (sent before) is looked up when read', () => {
  const provenance = (odsCode: string, sourceId: string) => ({ odsCode, organisationName: 'x', system: 'x', sourceId, version: '1', lastUpdated: '2026-01-01T00:00:00Z' });
  const heldAf = { id: 'P83005/Condition/af-2019', code: { system: SNOMED, code: '49436004', display: 'Atrial fibrillation' }, provenance: provenance('P83005', 'af-2019') };

  it('the mapping keeps the Condition\'s source id when the bundle does not carry it and the reference has no display', () => {
    const fields = map({ ...warfarin, reasonReference: [{ reference: 'Condition/af-2019' }] })!.fields;
    expect(fields.reasons).toEqual([]);
    expect(fields.heldReasonSourceIds).toEqual(['af-2019']);
    // Resolved in the bundle: no look-up needed.
    expect(map(warfarin, [{ fullUrl: 'https://gp.example/fhir/Condition/af', resource: af }])!.fields.heldReasonSourceIds).toEqual([]);
  });

  it("read with the same organisation's problems, the reason is the held Condition's code; another organisation's is never used", () => {
    const medicine = { id: 'P83005/MedicationRequest/w', reasons: [], heldReasonSourceIds: ['af-2019'], provenance: provenance('P83005', 'w') };
    expect(withHeldReasons([medicine], [heldAf])[0].reasons).toEqual([heldAf.code]);
    expect(withHeldReasons([medicine], [{ ...heldAf, provenance: provenance('RM3', 'af-2019') }])[0].reasons).toEqual([]);
  });
});
