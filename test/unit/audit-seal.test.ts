import { genesisHash, sealedContent, sealHash, type AuditEventContent } from '@shareforyou/kit';

/** The seal is what makes tampering visible: every sealed field must change it. */

const event: AuditEventContent = {
  requestId: 'req-0001',
  at: new Date('2026-11-02T09:15:00.000Z'),
  subgraph: 'gp',
  operationName: 'OpenRecord',
  user: { id: 'demo-gp-aisha-rahman', name: 'Dr Aisha Rahman', odsCode: 'P83005', jobRole: 'R8000', profile: 'clinical' },
  nhsNumber: '9434765919',
  fields: [
    { coordinate: 'Medication.id', outcome: 'allowed', reason: null },
    { coordinate: 'Patient.medications', outcome: 'allowed', reason: null },
  ],
  categories: ['medications'],
  denied: false,
  breakGlass: null,
  detail: null,
};

const chainId = 'gp:7d3c5a2e-0000-4000-8000-000000000001';
const seal = (e: AuditEventContent, chain = chainId, seq = 3, prev = 'a'.repeat(64)) => sealHash(e, chain, seq, prev);

describe('the audit seal', () => {
  const changes: Array<[string, (e: AuditEventContent) => AuditEventContent]> = [
    ['requestId', (e) => ({ ...e, requestId: 'req-0002' })],
    ['at', (e) => ({ ...e, at: new Date(e.at.getTime() + 1) })],
    ['subgraph', (e) => ({ ...e, subgraph: 'acute' })],
    ['operationName', (e) => ({ ...e, operationName: null })],
    ['user.id', (e) => ({ ...e, user: { ...e.user, id: 'someone-else' } })],
    ['user.name', (e) => ({ ...e, user: { ...e.user, name: 'Dr A Rahman' } })],
    ['user.odsCode', (e) => ({ ...e, user: { ...e.user, odsCode: 'P86003' } })],
    ['user.jobRole', (e) => ({ ...e, user: { ...e.user, jobRole: 'R8001' } })],
    ['user.profile', (e) => ({ ...e, user: { ...e.user, profile: 'administrative' } })],
    ['nhsNumber', (e) => ({ ...e, nhsNumber: '4010232137' })],
    ['a field coordinate', (e) => ({ ...e, fields: [{ ...e.fields[0], coordinate: 'Medication.status' }, e.fields[1]] })],
    ['a field outcome', (e) => ({ ...e, fields: [{ ...e.fields[0], outcome: 'denied' }, e.fields[1]] })],
    ['a field reason', (e) => ({ ...e, fields: [{ ...e.fields[0], reason: 'FORBIDDEN_FIELD' }, e.fields[1]] })],
    ['a field removed', (e) => ({ ...e, fields: [e.fields[1]] })],
    ['the fields reordered', (e) => ({ ...e, fields: [e.fields[1], e.fields[0]] })],
    ['categories', (e) => ({ ...e, categories: ['medications', 'problems'] })],
    ['denied', (e) => ({ ...e, denied: true })],
    ['breakGlass', (e) => ({ ...e, breakGlass: { id: 'bg-1', reason: 'EMERGENCY_CARE', detail: 'Unconscious in resus' } })],
    ['detail', (e) => ({ ...e, detail: { first: '50' } })],
  ];

  it.each(changes)('changes with %s', (_name, change) => {
    expect(seal(change(event))).not.toBe(seal(event));
  });

  it('changes with the chain, the position and the previous hash', () => {
    expect(seal(event, 'gp:another-chain')).not.toBe(seal(event));
    expect(seal(event, chainId, 4)).not.toBe(seal(event));
    expect(seal(event, chainId, 3, 'b'.repeat(64))).not.toBe(seal(event));
  });

  it('is the same for the same content, whatever the key order or date form (as re-read from the store)', () => {
    const reRead = JSON.parse(JSON.stringify({ ...event, fields: event.fields.map((f) => ({ reason: f.reason, outcome: f.outcome, coordinate: f.coordinate })) }));
    expect(seal(reRead)).toBe(seal(event));
    expect(sealedContent(reRead)).toEqual(sealedContent(event));
  });

  it('ignores what is not sealed content (the stored chain fields, the _id)', () => {
    const stored = { ...event, _id: 'x', chain: { chainId, seq: 3, prevHash: 'a'.repeat(64), hash: 'f'.repeat(64) } } as AuditEventContent;
    expect(seal(stored)).toBe(seal(event));
  });

  it('starts each chain from its own genesis hash', () => {
    expect(genesisHash('gp:one')).toBe(genesisHash('gp:one'));
    expect(genesisHash('gp:one')).not.toBe(genesisHash('gp:two'));
    expect(genesisHash('gp:one')).toMatch(/^[0-9a-f]{64}$/);
  });
});
