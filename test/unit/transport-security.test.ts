import { peerFromAltNames, routeRefusal, type Peer } from '@shareforyou/kit';

/** Which certificate may call which route of a subgraph in production mode (kit: transportSecurity). */

const gateway: Peer = { kind: 'service', name: 'gateway' };
const operator: Peer = { kind: 'service', name: 'operator' };
const sourceSystem: Peer = { kind: 'source-system', odsCode: 'RM3' };

describe('who a client certificate speaks for', () => {
  it('reads the one URI of ours in the subject alternative names', () => {
    expect(peerFromAltNames('DNS:localhost, IP Address:127.0.0.1, URI:urn:shareforyou:service:gateway')).toEqual(gateway);
    expect(peerFromAltNames('URI:urn:shareforyou:source-system:RM3')).toEqual(sourceSystem);
  });

  it('is nobody without a URI, with a URI not ours, or with two', () => {
    expect(peerFromAltNames(undefined)).toBeNull();
    expect(peerFromAltNames('DNS:localhost')).toBeNull();
    expect(peerFromAltNames('URI:https://example.org/gateway')).toBeNull();
    expect(peerFromAltNames('URI:urn:shareforyou:service:gateway, URI:urn:shareforyou:source-system:RM3')).toBeNull();
  });
});

describe('which certificate each route accepts', () => {
  it('GraphQL, the audit export and the refusal spike report: the gateway only', () => {
    for (const path of ['/graphql', '/export/events', '/refusal-spikes']) {
      expect(routeRefusal(path, gateway)).toBeNull();
      expect(routeRefusal(path, operator)).toMatch(/only the ShareforYou gateway/);
      expect(routeRefusal(path, sourceSystem)).toMatch(/only the ShareforYou gateway/);
      expect(routeRefusal(path, null)).toMatch(/client certificate issued for this record/);
    }
  });

  it('the feed: source systems only (its organisation is checked against the token in the feed)', () => {
    for (const path of ['/fhir', '/fhir/metadata']) {
      expect(routeRefusal(path, sourceSystem)).toBeNull();
      expect(routeRefusal(path, gateway)).toMatch(/source system/);
    }
  });

  it("health and metrics: our services and the operator, not a source system", () => {
    expect(routeRefusal('/health', operator)).toBeNull();
    expect(routeRefusal('/metrics', gateway)).toBeNull();
    expect(routeRefusal('/health', sourceSystem)).toMatch(/feed only/);
  });
});
