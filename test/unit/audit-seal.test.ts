import { auditedFields, type AuditEventContent, type StoredAuditEvent } from '../../subgraphs/kit/src/audit/auditRecords';
import { genesisHash, sealedContent, sealHash } from '../../subgraphs/kit/src/audit/auditSeal';
import { mergeHeads } from '../../subgraphs/kit/src/audit/auditAnchor';

/** The seal is what makes tampering visible: every sealed field must change it. */

const event: AuditEventContent = {
  requestId: 'req-0001',
  at: new Date('2026-11-02T09:15:00.000Z'),
  subgraph: 'gp',
  operationName: 'OpenRecord',
  client: { operationName: 'OpenMargaret', application: 'shareforyou-viewer', internal: false },
  user: { id: 'demo-gp-aisha-rahman', name: 'Dr Aisha Rahman', odsCode: 'P83005', jobRole: 'R8000', profile: 'clinical', familyName: 'Rahman' },
  nhsNumber: '9434765919',
  viewed: ['Medication.id', 'Patient.medications'],
  denials: [{ coordinate: 'Patient.safeguarding', reason: 'FORBIDDEN_FIELD' }],
  categories: ['medications'],
  denied: false,
  breakGlass: null,
  detail: null,
};

const chainId = 'gp:7d3c5a2e-0000-4000-8000-000000000001';
const seal = (e: AuditEventContent | StoredAuditEvent, chain = chainId, seq = 3, prev = 'a'.repeat(64)) => sealHash(e, chain, seq, prev);

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
    ['client.operationName', (e) => ({ ...e, client: { ...e.client!, operationName: 'Other' } })],
    ['client.application', (e) => ({ ...e, client: { ...e.client!, application: 'another-app' } })],
    ['client.internal', (e) => ({ ...e, client: { ...e.client!, internal: true } })],
    ['client removed', (e) => ({ ...e, client: undefined })],
    ['user.familyName', (e) => ({ ...e, user: { ...e.user, familyName: 'Rahmen' } })],
    ['nhsNumber', (e) => ({ ...e, nhsNumber: '4010232137' })],
    ['a viewed coordinate', (e) => ({ ...e, viewed: ['Medication.status', e.viewed[1]] })],
    ['a viewed coordinate removed', (e) => ({ ...e, viewed: [e.viewed[1]] })],
    ['the viewed coordinates reordered', (e) => ({ ...e, viewed: [e.viewed[1], e.viewed[0]] })],
    ['a viewed coordinate turned into a denial', (e) => ({ ...e, viewed: [e.viewed[1]], denials: [...e.denials, { coordinate: e.viewed[0], reason: 'FORBIDDEN_FIELD' }] })],
    ['a denial removed', (e) => ({ ...e, denials: [] })],
    ['a denial reason', (e) => ({ ...e, denials: [{ ...e.denials[0], reason: 'NO_CARE_RELATIONSHIP' }] })],
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
    const reRead = JSON.parse(JSON.stringify({ ...event, denials: event.denials.map((d) => ({ reason: d.reason, coordinate: d.coordinate })) }));
    expect(seal(reRead)).toBe(seal(event));
    expect(sealedContent(reRead)).toEqual(sealedContent(event));
  });

  it('ignores what is not sealed content (the stored chain fields, the _id)', () => {
    const stored = { ...event, _id: 'x', chain: { chainId, seq: 3, prevHash: 'a'.repeat(64), hash: 'f'.repeat(64) } } as AuditEventContent;
    expect(seal(stored)).toBe(seal(event));
  });

  it('lists the coordinates sorted, allowed before denied', () => {
    expect(auditedFields(event).map((f) => [f.coordinate, f.outcome])).toEqual([...auditedFields(event)].sort((a, b) => a.coordinate.localeCompare(b.coordinate)).map((f) => [f.coordinate, f.outcome]));
    expect(auditedFields(event).filter((f) => f.outcome === 'denied')).toEqual([{ coordinate: 'Patient.safeguarding', outcome: 'denied', reason: 'FORBIDDEN_FIELD' }]);
  });

  it('starts each chain from its own genesis hash', () => {
    expect(genesisHash('gp:one')).toBe(genesisHash('gp:one'));
    expect(genesisHash('gp:one')).not.toBe(genesisHash('gp:two'));
    expect(genesisHash('gp:one')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('anchored heads only move forward', () => {
  it('keeps an anchored head when the database head went back or the chain vanished, and moves on otherwise', () => {
    const anchored = [
      { chainId: 'a', seq: 4, hash: 'h4' },
      { chainId: 'b', seq: 1, hash: 'b1' },
      { chainId: 'gone', seq: 7, hash: 'g7' },
    ];
    const current = [
      { chainId: 'a', seq: 2, hash: 'h2' },
      { chainId: 'b', seq: 3, hash: 'b3' },
      { chainId: 'new', seq: 0, hash: 'n0' },
    ];
    expect(mergeHeads(anchored, current)).toEqual([
      { chainId: 'a', seq: 4, hash: 'h4' },
      { chainId: 'b', seq: 3, hash: 'b3' },
      { chainId: 'gone', seq: 7, hash: 'g7' },
      { chainId: 'new', seq: 0, hash: 'n0' },
    ]);
  });
});
