import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, failureReason, patientError, type CareRecordError, type CareRecordResult, type RequestFailure } from '../../web/src/client/gateway';
import { currentAndHistory, sectionState, sectionWords } from '../../web/src/panels/sectionState';

/**
 * What a panel's section says (docs/clinical-safety.md H14, H61): "Nothing recorded" only when the
 * request was answered, the field came back and no error touches it; a request that got no answer
 * (unreachable, an error page, no answer in time) is "Could not load", never an empty list.
 */

const ALLERGIES = ['patient', 'allergies'];
const answered = (data: object | null, errors: CareRecordError[] = []): CareRecordResult<object> => ({ data, errors });
const failed = (failure: RequestFailure): CareRecordResult<object> => ({ data: null, errors: [], failure });
const label = () => 'the GP practice';
const words = (result: CareRecordResult<object>, title = 'Allergies and adverse reactions') => {
  const state = sectionState(result, ALLERGIES);
  return state.kind === 'listed' ? `listed ${state.items.length}` : sectionWords(state, title, label);
};

describe('a request that got no answer: every section could not load, never "nothing recorded"', () => {
  it.each<[RequestFailure, string]>([
    [{ kind: 'unreachable' }, 'the record service could not be reached'],
    [{ kind: 'http', status: 503 }, 'the record service answered with an error (HTTP 503)'],
    [{ kind: 'not-graphql', status: 200 }, 'the answer from the record service could not be read (HTTP 200)'],
    [{ kind: 'timeout', seconds: 20 }, 'the record service gave no answer in time (20 s)'],
    [{ kind: 'no-token' }, 'no sign-in was available to ask the record service'],
  ])('%j', (failure, reason) => {
    expect(sectionState(failed(failure), ALLERGIES)).toEqual({ kind: 'could-not-load', reason });
    expect(words(failed(failure))).toBe(`Could not load allergies and adverse reactions: ${reason}. What is recorded is unknown; this is not "nothing recorded".`);
    expect(failureReason(failure)).toBe(reason);
  });
});

describe('an answered request', () => {
  it('an empty list is "Nothing recorded" only when the field came back with no error touching it', () => {
    expect(words(answered({ patient: { allergies: [] } }))).toBe('Nothing recorded.');
    // A field that may be null (no care coordinator) came back null: nothing recorded too.
    expect(sectionState(answered({ patient: { careCoordinator: null } }), ['patient', 'careCoordinator'])).toEqual({ kind: 'nothing-recorded' });
    expect(words(answered({ patient: { allergies: [{ id: 'a' }] } }))).toBe('listed 1');
  });

  it('an error at or above the field is "Could not load" with the message, even with an empty list beside it', () => {
    const error = { message: 'The audit trail could not be written', path: ['patient'], extensions: { code: 'AUDIT_UNAVAILABLE' } };
    expect(sectionState(answered({ patient: null }, [error]), ALLERGIES)).toEqual({ kind: 'could-not-load', reason: 'the record service answered with an error: The audit trail could not be written' });
  });

  it('no data and an error without a path (a saturated gateway, an unreachable register) is "Could not load"', () => {
    const busy = { message: 'The organisation register did not answer, so access cannot be checked. Try again shortly.', extensions: { code: 'SOURCE_UNAVAILABLE', serviceName: 'registry' } };
    expect(sectionState(answered(null, [busy]), ALLERGIES)).toEqual({ kind: 'could-not-load', reason: `the record service answered with an error: ${busy.message}` });
    // An error status with a GraphQL answer keeps its errors, and still never reads as empty.
    expect(sectionState({ data: null, errors: [busy], failure: { kind: 'http', status: 503 } }, ALLERGIES)).toEqual({ kind: 'could-not-load', reason: 'the record service answered with an error (HTTP 503)' });
  });

  it('a field missing from the answer (no patient, no error) is "Could not load", not empty', () => {
    expect(sectionState(answered({ patient: null }), ALLERGIES)).toEqual({ kind: 'could-not-load', reason: 'the answer from the record service did not include it' });
    expect(sectionState(answered({ patient: {} }), ALLERGIES).kind).toBe('could-not-load');
  });

  it('restricted, a source not answering, and unreadable items keep their own words', () => {
    expect(words(answered({ patient: { allergies: null } }, [{ message: 'no', path: ALLERGIES, extensions: { code: 'FORBIDDEN_FIELD' } }]))).toBe('Restricted for your role.');
    expect(words(answered({ patient: { allergies: null } }, [{ message: 'down', extensions: { code: 'SOURCE_UNAVAILABLE', serviceName: 'gp', paths: ['patient.allergies'] } }]))).toBe('Not available from the GP practice just now. The rest of the record is shown.');
    expect(sectionState(answered({ patient: { allergies: [] } }, [{ message: 'bad', path: [...ALLERGIES, 0], extensions: { code: 'ITEM_UNREADABLE' } }]), ALLERGIES)).toEqual({ kind: 'listed', items: [], unreadable: 1 });
  });
});

describe('a restricted record (H130): where the patient lives is withheld from everyone, said as such', () => {
  const ADDRESS = ['patient', 'address'];
  const withheld = { message: 'Withheld: this is a restricted record', path: ADDRESS, extensions: { code: 'FORBIDDEN_FIELD', field: 'Patient.address', category: 'contactDetails', reason: 'restricted-record' } };
  it('is neither "nothing recorded" nor "restricted for your role"', () => {
    const state = sectionState(answered({ patient: { address: null } }, [withheld]), ADDRESS);
    expect(state).toEqual({ kind: 'restricted', restrictedRecord: true });
    expect(sectionWords(state as Exclude<typeof state, { kind: 'listed' }>, 'Contact details', label)).toBe('Withheld: this is a restricted record, so where the patient lives and how to reach them are shown to nobody.');
  });
  it('withheld because whether the record is restricted is not known yet (H165, fail closed): said so, not as a restricted record', () => {
    const RELATIVES = ['patient', 'gpRelatedPeople'];
    const unknown = { message: 'Withheld: not known yet', path: RELATIVES, extensions: { code: 'FORBIDDEN_FIELD', field: 'Patient.gpRelatedPeople', category: 'contactDetails', reason: 'restricted-record', restriction: 'unknown' } };
    const state = sectionState(answered({ patient: { gpRelatedPeople: null } }, [unknown]), RELATIVES);
    expect(state).toEqual({ kind: 'restricted', restrictedRecord: true, restrictionUnknown: true });
    expect(sectionWords(state as Exclude<typeof state, { kind: 'listed' }>, 'Next of kin', label)).toMatch(/^Withheld: whether this record is restricted is not known yet .* shown to nobody until it is\.$/);
  });
  it('a denial to the role alone keeps its own words', () => {
    const byRole = { ...withheld, extensions: { code: 'FORBIDDEN_FIELD', field: 'Patient.address', category: 'contactDetails' } };
    expect(sectionState(answered({ patient: { address: null } }, [byRole]), ADDRESS)).toEqual({ kind: 'restricted' });
  });
});

describe('current and history parts (H62-H64): the record\'s `current` decides, never the status text', () => {
  const items = [
    { id: 'amlodipine', status: 'active', current: true },
    { id: 'course ended', status: 'active', current: false },
    { id: 'stopped', status: 'stopped', current: false },
  ];
  it('a panel lists current = true as current and the rest in its history part', () => {
    expect(currentAndHistory(items, { current: { history: 'Stopped and past medications' } })).toEqual({ current: [items[0]], history: [items[1], items[2]], leftOut: 0 });
  });
  it('a summary leaves the rest out, and counts them so an empty summary says "nothing current" rather than "nothing recorded"', () => {
    expect(currentAndHistory(items, { current: { history: 'left out' } })).toEqual({ current: [items[0]], history: [], leftOut: 2 });
  });
  it('a list without the notion lists everything, up to its limit', () => {
    expect(currentAndHistory(items, { limit: 1 })).toEqual({ current: [items[0]], history: [], leftOut: 0 });
  });
});

describe('the request itself (a real HTTP server on loopback): each failure is named, never an empty answer', () => {
  let server: Server;
  let base = '';
  const document = { toString: () => '{ patient(nhsNumber: "9993133701") { nhsNumber } }' } as never;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/down') return void res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>');
      if (req.url === '/page') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>sign in</html>');
      if (req.url === '/busy') return void res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'Busy', extensions: { code: 'SOURCE_UNAVAILABLE' } }] }));
      if (req.url === '/hung') return; // never answers
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { patient: { nhsNumber: '9993133701' } } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const ask = (path: string, tokens: () => string | Promise<string> = () => 'token', timeoutSeconds?: number) => execute(`${base}${path}`, tokens, document, {}, { timeoutSeconds });

  it('answered', async () => {
    expect(await ask('/ok')).toEqual({ data: { patient: { nhsNumber: '9993133701' } }, errors: [] });
  });
  it('an HTTP error page', async () => {
    expect(await ask('/down')).toEqual({ data: null, errors: [], failure: { kind: 'http', status: 503 } });
  });
  it('a page that is not a GraphQL answer', async () => {
    expect(await ask('/page')).toEqual({ data: null, errors: [], failure: { kind: 'not-graphql', status: 200 } });
  });
  it('an error status with a GraphQL answer keeps its errors', async () => {
    expect(await ask('/busy')).toEqual({ data: null, errors: [{ message: 'Busy', extensions: { code: 'SOURCE_UNAVAILABLE' } }], failure: { kind: 'http', status: 503 } });
  });
  it('a closed port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await execute(`http://127.0.0.1:${port}/graphql`, () => 'token', document, {})).toEqual({ data: null, errors: [], failure: { kind: 'unreachable' } });
  });
  it('no answer within the time limit', async () => {
    const started = Date.now();
    expect(await ask('/hung', undefined, 0.3)).toEqual({ data: null, errors: [], failure: { kind: 'timeout', seconds: 0.3 } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
  it('a token provider that never answers is bound by the same limit; one that fails is no sign-in', async () => {
    expect(await ask('/ok', () => new Promise<string>(() => undefined), 0.3)).toEqual({ data: null, errors: [], failure: { kind: 'timeout', seconds: 0.3 } });
    expect(await ask('/ok', () => Promise.reject(new Error('signed out')))).toEqual({ data: null, errors: [], failure: { kind: 'no-token' } });
  });
});

describe('a refusal about the whole patient is said once, never as a failure to retry', () => {
  const error = (code: string, path?: string[]) => ({ message: code, path, extensions: { code } });
  it('a sign-in launched for another patient (FORBIDDEN_ACTION at the patient) is a refusal of the patient', () => {
    expect(patientError([error('FORBIDDEN_ACTION', ['patient'])])?.extensions?.code).toBe('FORBIDDEN_ACTION');
    expect(patientError([error('FORBIDDEN_ACTION')])?.extensions?.code).toBe('FORBIDDEN_ACTION');
  });
  it('a refusal of one part of the record is not (the part says it)', () => {
    expect(patientError([error('FORBIDDEN_ACTION', ['patient', 'medications'])])).toBeUndefined();
    expect(patientError([error('FORBIDDEN_FIELD', ['patient', 'safeguardingAlerts'])])).toBeUndefined();
  });
});
