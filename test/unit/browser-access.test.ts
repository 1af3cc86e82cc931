import { corsOrigins, explorerEnabled } from '../../gateway/src/browserAccess';

describe('gateway browser configuration', () => {
  it('allows no origin and no explorer in production unless configured', () => {
    expect(corsOrigins({ NODE_ENV: 'production' })).toEqual([]);
    expect(explorerEnabled({ NODE_ENV: 'production' })).toBe(false);
    expect(corsOrigins({ NODE_ENV: 'production', GATEWAY_CORS_ORIGINS: 'https://viewer.example.nhs.uk, https://ehr.example' })).toEqual(['https://viewer.example.nhs.uk', 'https://ehr.example']);
  });

  it('allows the local viewer and example host page in development', () => {
    expect(corsOrigins({ SHAREFORYOU_PORT_BASE: '4000' })).toEqual(['http://127.0.0.1:4010', 'http://localhost:4010', 'http://127.0.0.1:4011', 'http://localhost:4011']);
    // Configured origins are added to the local ones, not put in their place.
    expect(corsOrigins({ SHAREFORYOU_PORT_BASE: '4000', GATEWAY_CORS_ORIGINS: 'http://127.0.0.1:5173' })).toEqual(['http://127.0.0.1:4010', 'http://localhost:4010', 'http://127.0.0.1:4011', 'http://localhost:4011', 'http://127.0.0.1:5173']);
    expect(explorerEnabled({})).toBe(true);
    expect(explorerEnabled({ GATEWAY_EXPLORER: 'off' })).toBe(false);
  });
});

describe('the policy panels', () => {
  it('refuses a panel that names an unknown category', () => {
    const { parsePolicy } = require('@shareforyou/schema') as typeof import('@shareforyou/schema');
    const text = `categories: { a: { label: A, kind: data } }
profiles: { p: { label: P, breakGlass: false, categories: [a] } }
jobRoles: { R1: { label: R, profile: p } }
panels: { x: { label: X, categories: [a, nope] } }
fields: { Patient: { n: a } }`;
    expect(() => parsePolicy(text)).toThrow(/panel x lists unknown category nope/);
  });
});
