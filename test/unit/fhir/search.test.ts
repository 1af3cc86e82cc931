/// <reference types="fhir" />
import { fhirFaults } from '../../../subgraphs/kit/src/ingest/fhirValidation';
import { dateMatches, parseDateCondition, rangeOf } from '../../../gateway/src/fhir/dateParameter';
import { nhsNumberOfResourceId, resourceId } from '../../../gateway/src/fhir/datatypes';
import { readResource } from '../../../gateway/src/fhir/read';
import { encounterClass } from '../../../gateway/src/fhir/resources/Encounter';
import { lenient, parseSearch, searchsetBundle, type SearchRequest } from '../../../gateway/src/fhir/search';
import { clinicianAnswer, NHS } from './answers';

/**
 * FHIR search, pure (issue #22.1): the parameters each type takes, an unknown one refused (422) or
 * ignored only when the client asks for lenient handling, bad NHS numbers refused before anything
 * is asked, token, date and sort semantics, paging links, and a part the user may not see (or that
 * did not answer) said in an OperationOutcome entry, never silently left out.
 */

const params = (query: string) => new URLSearchParams(query);
const search = (type: string, query: string, options = { lenient: false }) => parseSearch(type, params(query), options) as SearchRequest;
const refused = (type: string, query: string) => parseSearch(type, params(query), { lenient: false }) as { status: number; outcome: fhir4.OperationOutcome };
const bundle = (request: SearchRequest, answer = clinicianAnswer()) => searchsetBundle(answer as never, request, { baseUrl: 'https://record.example/fhir' }) as fhir4.Bundle;
const matches = (b: fhir4.Bundle) => b.entry!.filter((e) => e.search?.mode === 'match').map((e) => (e.resource as { id: string }).id);

describe('search parameters', () => {
  it('takes the NHS number bare, as Patient/<n> or as the identifier; refuses a bad one with 422 before asking anything', () => {
    expect(search('AllergyIntolerance', `patient=${NHS}`).nhsNumber).toBe(NHS);
    expect(search('AllergyIntolerance', `patient=Patient/${NHS}`).nhsNumber).toBe(NHS);
    expect(search('Observation', `subject=https://fhir.nhs.uk/Id/nhs-number|${NHS}`).nhsNumber).toBe(NHS);
    const bad = refused('AllergyIntolerance', 'patient=1234567890');
    expect(bad.status).toBe(422);
    expect(bad.outcome.issue[0]).toMatchObject({ code: 'invalid', details: { coding: [{ code: 'BAD_USER_INPUT' }] }, expression: ['patient'] });
    expect(refused('AllergyIntolerance', 'clinical-status=active').status).toBe(422);
  });

  it('refuses an unknown parameter with 422 naming it, unless Prefer: handling=lenient, when it is ignored and left out of the self link', () => {
    expect(refused('AllergyIntolerance', `patient=${NHS}&_elements=code`).outcome.issue[0].expression).toEqual(['_elements']);
    expect(lenient('return=minimal; handling=lenient')).toBe(true);
    expect(lenient(undefined)).toBe(false);
    const request = search('AllergyIntolerance', `patient=${NHS}&_elements=code&clinical-status=active`, { lenient: true });
    expect(bundle(request).link![0].url).toBe(`https://record.example/fhir/AllergyIntolerance?patient=${NHS}&clinical-status=active&_count=50`);
  });

  it('refuses a malformed date, _count or _sort, and a type it does not search (404)', () => {
    expect(refused('Observation', `patient=${NHS}&date=yesterday`).status).toBe(422);
    expect(refused('Observation', `patient=${NHS}&date=sa2026`).status).toBe(422);
    expect(refused('Observation', `patient=${NHS}&_count=0`).status).toBe(422);
    expect(refused('Observation', `patient=${NHS}&_sort=code`).status).toBe(422);
    expect(refused('Claim', `patient=${NHS}`).status).toBe(404);
  });

  it('an Observation category narrows the sections asked for, so the look (and the audit) is of those only', () => {
    expect(search('Observation', `patient=${NHS}&category=vital-signs`).fields).toEqual(['combinedVitalSigns']);
    expect(search('Observation', `patient=${NHS}&category=laboratory`).fields).toEqual(['combinedResults']);
    expect(search('Observation', `patient=${NHS}`).fields).toEqual(['combinedResults', 'combinedVitalSigns', 'combinedSocialHistory']);
  });
});

describe('FHIR date ranges', () => {
  it('a value stands for its whole precision; prefixes compare ranges', () => {
    expect(rangeOf('2026')).toEqual({ low: Date.UTC(2026, 0, 1), high: Date.UTC(2027, 0, 1) });
    expect(rangeOf('2026-10-14T10:20:00+01:00')).toEqual({ low: Date.UTC(2026, 9, 14, 9, 20), high: Date.UTC(2026, 9, 14, 9, 20, 1) });
    const october = rangeOf('2026-10')!;
    expect(dateMatches(parseDateCondition('ge2026-10-01')!, october)).toBe(true);
    expect(dateMatches(parseDateCondition('gt2026-10-31')!, october)).toBe(false);
    expect(dateMatches(parseDateCondition('lt2026-10-01')!, october)).toBe(false);
    expect(dateMatches(parseDateCondition('le2026-10-01')!, october)).toBe(true);
    expect(dateMatches(parseDateCondition('2026')!, october)).toBe(true);
    expect(dateMatches(parseDateCondition('ne2026')!, october)).toBe(false);
  });
});

describe('the searchset', () => {
  it('filters by clinical status: the resolved allergy is not active', () => {
    expect(matches(bundle(search('AllergyIntolerance', `patient=${NHS}&clinical-status=active`)))).toEqual(['9434765919.P83005.gp-pen']);
    expect(matches(bundle(search('AllergyIntolerance', `patient=${NHS}&clinical-status=resolved,inactive`)))).toEqual(['9434765919.RM3.ae-pen']);
  });

  it('filters by date and sorts by it, pages with next and previous links, and says the total', () => {
    const first = bundle(search('Observation', `patient=${NHS}&category=vital-signs&date=ge2026-09-01&_sort=date&_count=1`));
    expect(first.total).toBe(2);
    expect(matches(first)).toEqual(['9434765919.P83005.bp-1']);
    expect(first.link!.map((l) => l.relation)).toEqual(['self', 'next']);
    const next = new URL(first.link![1].url).searchParams;
    const second = bundle(parseSearch('Observation', next, { lenient: false }) as SearchRequest);
    expect(matches(second)).toEqual(['9434765919.P83005.bp-2']);
    expect(second.link!.map((l) => l.relation)).toEqual(['self', 'previous']);
    expect(matches(bundle(search('Observation', `patient=${NHS}&category=vital-signs&date=ge2026-10-01`)))).toEqual(['9434765919.P83005.bp-2']);
    expect(matches(bundle(search('Observation', `patient=${NHS}&category=vital-signs&_sort=-date`)))).toEqual(['9434765919.P83005.bp-2', '9434765919.P83005.bp-1']);
  });

  it('a part withheld or not answered is said in an OperationOutcome entry (search mode outcome)', () => {
    const flags = bundle(search('Flag', `patient=${NHS}`));
    expect(matches(flags)).toEqual(['9434765919.P83005.falls']);
    const outcome = flags.entry!.find((e) => e.search?.mode === 'outcome')!.resource as fhir4.OperationOutcome;
    expect(outcome.issue.map((i) => [i.severity, i.code])).toEqual([
      ['warning', 'suppressed'],
      ['warning', 'suppressed'],
    ]);
    expect(outcome.issue.map((i) => i.diagnostics)).toEqual([expect.stringContaining('Mental health trust (mentalHealthAlerts)'), expect.stringContaining('Safeguarding alerts')]);
    expect(fhirFaults(flags as never)).toEqual([]);
  });

  it('a search of nothing the user may see is refused with the GraphQL reason: 403 FORBIDDEN_FIELD', () => {
    const answer = clinicianAnswer();
    const result = searchsetBundle(answer as never, { ...search('Flag', `patient=${NHS}`), fields: ['combinedSafeguardingAlerts'] }, { baseUrl: 'https://record.example/fhir' }) as { status: number; outcome: fhir4.OperationOutcome };
    expect(result.status).toBe(403);
    expect(result.outcome.issue[0].details!.coding![0].code).toBe('FORBIDDEN_FIELD');
  });

  it('_revinclude=Provenance:target adds one Provenance per organisation of the page', () => {
    const result = bundle(search('AllergyIntolerance', `patient=${NHS}&_revinclude=Provenance:target`));
    const included = result.entry!.filter((e) => e.search?.mode === 'include').map((e) => e.resource as fhir4.Provenance);
    expect(included.map((p) => [p.agent[0].who!.identifier!.value, p.target.map((t) => t.reference)])).toEqual([
      ['P83005', ['AllergyIntolerance/9434765919.P83005.gp-pen']],
      ['RM3', ['AllergyIntolerance/9434765919.RM3.ae-pen']],
    ]);
    expect(fhirFaults(result as never)).toEqual([]);
  });
});

describe('encounters and documents', () => {
  const resources = <T>(b: fhir4.Bundle) => b.entry!.filter((e) => e.search?.mode === 'match').map((e) => e.resource as T);

  it('an encounter is its source\'s own item: its class as sent, else by its kind; a status never kept is unknown; searchable by class, status and date', () => {
    const all = bundle(search('Encounter', `patient=${NHS}&_sort=-date`));
    const [ae, consultation] = resources<fhir4.Encounter>(all);
    expect(ae).toMatchObject({ id: '9434765919.RM3.ae-1', status: 'finished', class: { code: 'EMER' }, period: { start: '2026-10-20T02:10:00+01:00', end: '2026-10-20T06:00:00+01:00' }, location: [{ location: { display: 'Emergency department' } }], serviceProvider: { identifier: { value: 'RM3' } } });
    expect(ae.reasonCode![0].coding![0].code).toBe('71620000');
    expect(consultation).toMatchObject({ status: 'unknown', class: { code: 'AMB' }, type: [{ text: 'Consultation' }] });
    // Without a class from the source, each kind has its own: a community visit is home health.
    expect(encounterClass({ kind: 'communityVisit', class: null } as never).code).toBe('HH');
    expect(encounterClass({ kind: 'admission', class: null } as never).code).toBe('IMP');
    expect(encounterClass({ kind: 'mentalHealthContact', class: null } as never).code).toBe('AMB');
    expect(fhirFaults(all as never)).toEqual([]);
    expect(matches(bundle(search('Encounter', `patient=${NHS}&class=EMER`)))).toEqual(['9434765919.RM3.ae-1']);
    expect(matches(bundle(search('Encounter', `patient=${NHS}&class=http://terminology.hl7.org/CodeSystem/v3-ActCode|AMB`)))).toEqual(['9434765919.P83005.con-1']);
    expect(matches(bundle(search('Encounter', `patient=${NHS}&date=lt2026-10-01`)))).toEqual(['9434765919.P83005.con-1']);
  });

  it('a document keeps its words: a Composition\'s sections as a text attachment, a letter\'s link to the source; current or superseded as the source said', () => {
    const all = bundle(search('DocumentReference', `patient=${NHS}`));
    const [summary, letter] = resources<fhir4.DocumentReference>(all);
    expect(summary).toMatchObject({ status: 'current', docStatus: 'final', date: '2026-10-24T16:05:00+01:00', description: 'Discharge summary: left hip replacement', context: { period: { start: '2026-10-20', end: '2026-10-24' } } });
    const text = Buffer.from(summary.content[0].attachment.data!, 'base64').toString('utf8');
    expect(text).toContain('Diagnoses\nFracture of neck of femur (left)');
    expect(text).toContain('enoxaparin 40 mg daily for 28 days');
    // A date without a time is no instant: left out of date, kept as the attachment's creation.
    expect(letter).toMatchObject({ status: 'superseded', docStatus: 'final', content: [{ attachment: { contentType: 'application/pdf', url: 'https://emis.example/docs/778', size: 48213, creation: '2026-09-30' } }] });
    expect(letter.date).toBeUndefined();
    expect(fhirFaults(all as never)).toEqual([]);
    expect(matches(bundle(search('DocumentReference', `patient=${NHS}&status=current`)))).toEqual(['9434765919.RM3.dis-1']);
  });
});

describe('read by id', () => {
  it('an id starts with the patient\'s NHS number, so a read is a read of one patient; a digest stands in for a source id that does not fit', () => {
    expect(resourceId({ odsCode: 'P83005', sourceId: 'gp-pen' }, NHS)).toBe('9434765919.P83005.gp-pen');
    const long = resourceId({ odsCode: 'P83005', sourceId: 'x'.repeat(80) }, NHS);
    expect(long).toMatch(/^9434765919\.P83005\.[0-9a-f]{40}$/);
    expect(nhsNumberOfResourceId(long)).toBe(NHS);
    expect(nhsNumberOfResourceId('P83005.gp-pen')).toBeNull();
    expect(nhsNumberOfResourceId('9434765919')).toBeNull();
  });

  it('finds the resource; says not found (404) only when every source of the type answered', () => {
    expect(readResource(clinicianAnswer() as never, 'Condition', '9434765919.P83005.htn', NHS)).toMatchObject({ resourceType: 'Condition', id: '9434765919.P83005.htn' });
    expect(readResource(clinicianAnswer() as never, 'Condition', '9434765919.P83005.nope', NHS)).toMatchObject({ status: 404, outcome: { issue: [{ code: 'not-found' }] } });
  });

  it('an id not found while a part is withheld or did not answer is never "not found": 403 or 503, saying which part', () => {
    expect(readResource(clinicianAnswer() as never, 'Procedure', '9434765919.RM3.op-1', NHS)).toMatchObject({ status: 503 });
    const flag = readResource(clinicianAnswer() as never, 'Flag', '9434765919.RM3.cpis', NHS) as { status: number; outcome: fhir4.OperationOutcome };
    expect(flag.status).toBe(403);
    expect(flag.outcome.issue[0].diagnostics).toMatch(/mentalHealthAlerts|Safeguarding/);
  });
});
