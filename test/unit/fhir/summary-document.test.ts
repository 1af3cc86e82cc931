/// <reference types="fhir" />
import { fhirFaults } from '../../../subgraphs/kit/src/ingest/fhirValidation';
import { EMPTY_REASON_SYSTEM, summaryDocument } from '../../../gateway/src/fhir/summaryDocument';
import { IPS_SECTIONS } from '../../../gateway/src/fhir/sections';
import { clinicianAnswer, NHS } from './answers';

/**
 * $summary, pure (issue #22.1): the combined record's GraphQL answer as an IPS document Bundle. Every
 * IPS section is present, with entries or with an emptyReason that says why: withheld (the role may
 * not see it), unavailable (a source did not answer), nilknown only when every source answered.
 * Each source's item is its own resource with its own status; the document is valid FHIR R4.
 */

const document = () => summaryDocument(clinicianAnswer() as never, { nhsNumber: NHS, baseUrl: 'https://record.example/fhir', now: new Date('2026-11-01T12:00:00Z') });
const composition = (bundle: fhir4.Bundle) => bundle.entry![0].resource as fhir4.Composition;
const section = (bundle: fhir4.Bundle, code: string) => composition(bundle).section!.find((s) => s.code?.coding?.[0].code === code)!;
const resources = (bundle: fhir4.Bundle, type: string) => bundle.entry!.map((e) => e.resource!).filter((r) => r.resourceType === type) as any[];
const emptyReason = (s: fhir4.CompositionSection) => s.emptyReason?.coding?.[0];

describe('the IPS summary document', () => {
  it('is a valid FHIR R4 document Bundle: Composition first, every entry a RESTful fullUrl', () => {
    const bundle = document();
    expect(fhirFaults(bundle as never)).toEqual([]);
    expect(bundle.type).toBe('document');
    expect(bundle.entry![0].resource!.resourceType).toBe('Composition');
    expect(composition(bundle).type.coding![0]).toMatchObject({ system: 'http://loinc.org', code: '60591-5' });
    for (const entry of bundle.entry!) expect(entry.fullUrl).toBe(`https://record.example/fhir/${entry.resource!.resourceType}/${(entry.resource as { id: string }).id}`);
  });

  it('holds every IPS section this record fills, by its LOINC code, in order, even the empty ones', () => {
    expect(composition(document()).section!.map((s) => s.code!.coding![0].code)).toEqual(IPS_SECTIONS.map((s) => s.code));
    expect(IPS_SECTIONS.map((s) => s.code)).toEqual(['11450-4', '48765-2', '10160-0', '11369-6', '30954-2', '47519-4', '46264-8', '8716-3', '11348-0', '29762-2', '18776-5', '42348-3', '104605-1', '10157-6']);
  });

  it("each source's allergy is its own resource with its own status: the hospital's resolved is never shown as active; the disagreement is said", () => {
    const bundle = document();
    const allergies = resources(bundle, 'AllergyIntolerance');
    expect(allergies.map((a) => [a.meta.source, a.clinicalStatus.coding[0].code, a.verificationStatus.coding[0].code, a.criticality])).toEqual([
      ['urn:ods:P83005', 'active', 'confirmed', 'unable-to-assess'],
      ['urn:ods:RM3', 'resolved', 'confirmed', 'unable-to-assess'],
    ]);
    expect(allergies[1].meta).toEqual({ versionId: '2', lastUpdated: '2026-10-20T09:00:00Z', source: 'urn:ods:RM3' });
    const text = section(bundle, '48765-2').text!.div;
    expect(text).toContain('Sources disagree: active at Bury Central Medical Practice; resolved at Northern Care Alliance NHS Foundation Trust');
    expect(section(bundle, '48765-2').entry!.map((e) => e.reference)).toEqual(['AllergyIntolerance/9434765919.P83005.gp-pen', 'AllergyIntolerance/9434765919.RM3.ae-pen']);
  });

  it('a current problem is in the problem list, a resolved one in the history of past illness, each with its status and (only when over) its abatement', () => {
    const bundle = document();
    expect(section(bundle, '11450-4').entry!.map((e) => e.reference)).toEqual(['Condition/9434765919.P83005.htn']);
    expect(section(bundle, '11348-0').entry!.map((e) => e.reference)).toEqual(['Condition/9434765919.P83005.old']);
    const [active, resolved] = resources(bundle, 'Condition');
    expect([active.clinicalStatus.coding[0].code, active.abatementDateTime]).toEqual(['active', undefined]);
    expect([resolved.clinicalStatus.coding[0].code, resolved.abatementDateTime]).toEqual(['resolved', '2024-01-01']);
  });

  it('a section whose sources all answered with nothing is nilknown', () => {
    const immunisations = section(document(), '11369-6');
    expect(immunisations.entry).toBeUndefined();
    expect(emptyReason(immunisations)).toEqual({ system: EMPTY_REASON_SYSTEM, code: 'nilknown', display: 'Nil Known' });
  });

  it('a section a source did not answer is unavailable, never nilknown, and names the source', () => {
    const procedures = section(document(), '47519-4');
    expect(emptyReason(procedures)?.code).toBe('unavailable');
    expect(procedures.text!.div).toContain('Not available: Hospital trust (hospitalProcedures) did not answer (SOURCE_UNAVAILABLE)');
  });

  it('a section the role may not see is present, empty, withheld and says so; a withheld source beside items is said in the words', () => {
    const alerts = section(document(), '104605-1');
    const [general, safeguarding] = alerts.section!;
    expect(safeguarding.title).toBe('Safeguarding alerts');
    expect(safeguarding.entry).toBeUndefined();
    expect(emptyReason(safeguarding)?.code).toBe('withheld');
    expect(safeguarding.text!.div).toContain('Withheld: Safeguarding alerts (combinedSafeguardingAlerts) is not shown because your role may not see it.');
    expect(general.entry!.map((e) => e.reference)).toEqual(['Flag/9434765919.P83005.falls']);
    expect(general.text!.div).toContain('Withheld: Mental health trust (mentalHealthAlerts)');
  });

  it('one Provenance per contributing organisation names it by ODS code and says as of when', () => {
    const provenances = resources(document(), 'Provenance');
    expect(provenances.map((p) => [p.agent[0].who.identifier.value, p.agent[0].who.display, p.recorded, p.target.length])).toEqual([
      ['P83005', 'Bury Central Medical Practice', '2026-10-25T08:00:00Z', 6],
      ['RM3', 'Northern Care Alliance NHS Foundation Trust', '2026-10-20T09:00:00Z', 1],
    ]);
  });

  it('component values keep their type and unit (a blood pressure reading is a Quantity, never text)', () => {
    const [latest] = resources(document(), 'Observation');
    expect(latest.component[0]).toEqual({ code: { coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic' }] }, valueQuantity: { value: 139, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } });
    expect(latest.effectiveDateTime).toBe('2026-10-14T10:20:00+01:00');
  });
});

describe('a List\'s "nothing known" statement in the summary (H123, H124)', () => {
  const statement = (sourceId: string, current = true) => ({ id: `P83005/List/${sourceId}`, current, recordedDate: '2025-10-07', provenance: { odsCode: 'P83005', organisationName: 'Bury Central Medical Practice', system: 'EMIS Web', sourceId, version: '1', lastUpdated: '2025-10-07T10:00:00Z' } });
  const withStatements = () => {
    const answer = clinicianAnswer() as any;
    answer.data.patient.combinedMedications = { items: [], notRead: [], noCurrentMedications: [statement('meds')], conflicts: [] };
    answer.data.patient.combinedProblems = { ...answer.data.patient.combinedProblems, noKnownProblems: [statement('problems')], conflicts: ['Bury Central Medical Practice records “No known problems” (7 Oct 2025), but a current problem is recorded: Hypertension at Bury Central Medical Practice'] };
    return summaryDocument(answer, { nhsNumber: NHS, baseUrl: 'https://record.example/fhir', now: new Date('2026-11-01T12:00:00Z') });
  };

  it('"no current medications" is said in the medication summary\'s words, never an entry; the section, every source having answered, is nilknown', () => {
    const bundle = withStatements();
    const medications = section(bundle, '10160-0');
    expect(medications.entry).toBeUndefined();
    expect(emptyReason(medications)?.code).toBe('nilknown');
    expect(medications.text!.div).toContain('Bury Central Medical Practice records “No current medications” (current, 2025-10-07)');
    expect(resources(bundle, 'List')).toEqual([]);
  });

  it('"no known problems" beside a current problem: the statement and its conflict are in the problem list\'s words, not in past illness', () => {
    const bundle = withStatements();
    expect(section(bundle, '11450-4').text!.div).toContain('records “No known problems” (current, 2025-10-07)');
    expect(section(bundle, '11450-4').text!.div).toContain('but a current problem is recorded: Hypertension');
    expect(section(bundle, '11348-0').text!.div).not.toContain('No known problems');
  });
});
