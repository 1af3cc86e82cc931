import { checkLifetime, DEFAULT_USER_TOKEN_MAX_LIFETIME_SECONDS, launchPatientOf, TokenRefused, userClaims } from '../../subgraphs/kit/src/tokenRules';
import { clientApplication } from '../../gateway/src/userToken';

const NOW = 1_800_000_000;
const HOURS = 3600;

describe('token lifetime rules', () => {
  const max = DEFAULT_USER_TOKEN_MAX_LIFETIME_SECONDS;

  it('accepts a token that expires within the maximum', () => {
    expect(() => checkLifetime({ iat: NOW, exp: NOW + 8 * HOURS }, max, NOW)).not.toThrow();
  });

  it('refuses a token without exp', () => {
    expect(() => checkLifetime({ iat: NOW }, max, NOW)).toThrow(/no expiry/);
  });

  it('refuses a token that lives longer than the maximum, counted from iat or from now', () => {
    expect(() => checkLifetime({ iat: NOW, exp: NOW + 13 * HOURS }, max, NOW)).toThrow(/longer than the 12 hours/);
    expect(() => checkLifetime({ exp: NOW + 13 * HOURS }, max, NOW)).toThrow(TokenRefused);
  });

  it('refuses exp, iat or nbf that are not numbers, and an iat in the future beyond the tolerance', () => {
    expect(() => checkLifetime({ exp: String(NOW + 60) }, max, NOW)).toThrow(/not a number/);
    expect(() => checkLifetime({ exp: NOW + 60, iat: 'yesterday' }, max, NOW)).toThrow(/iat/);
    expect(() => checkLifetime({ exp: NOW + 60, nbf: {} }, max, NOW)).toThrow(/nbf/);
    expect(() => checkLifetime({ iat: NOW + 31, exp: NOW + 3600 }, max, NOW)).toThrow(/future/);
    expect(() => checkLifetime({ iat: NOW + 29, exp: NOW + 3600 }, max, NOW)).not.toThrow();
  });

  it('refuses no claims at all', () => {
    for (const claims of [null, undefined, 'text', 42]) expect(() => checkLifetime(claims, max, NOW)).toThrow(TokenRefused);
  });
});

describe('user claims shape', () => {
  const role = { person_roleid: 'r1', org_code: 'P83005', role_code: 'S0000:G0000:R8000', role_name: 'GP' };
  const good = { sub: 'u1', name: 'Dr A', selected_roleid: 'r1', nhsid_nrbac_roles: [role] };

  it('returns the selected role of well-shaped claims', () => {
    expect(userClaims(good).selectedRole).toEqual(role);
  });

  it.each([
    ['sub is a number', { ...good, sub: 7 }],
    ['name is an object', { ...good, name: { first: 'x' } }],
    ['roles are a string', { ...good, nhsid_nrbac_roles: 'R8000' }],
    ['roles are objects of numbers', { ...good, nhsid_nrbac_roles: [{ person_roleid: 1, org_code: 2, role_code: 3 }] }],
    ['role is null', { ...good, nhsid_nrbac_roles: [null] }],
    ['selected role is missing', { ...good, selected_roleid: 'r2' }],
    ['selected role is a list', { ...good, selected_roleid: ['r1'] }],
    ['claims are a list', [good]],
  ])('refuses claims where %s, as TokenRefused', (_label, claims) => {
    expect(() => userClaims(claims)).toThrow(TokenRefused);
  });
});

describe('SMART scopes: a token for one patient', () => {
  it('is user-level (null) with care-record or a user/ scope, whatever patient it names', () => {
    expect(launchPatientOf({ scope: 'care-record' })).toBeNull();
    expect(launchPatientOf({ scope: 'care-record patient/*.rs', patient: '9993133701' })).toBeNull();
    expect(launchPatientOf({ scope: 'user/*.rs patient/*.rs', patient: '9993133701' })).toBeNull();
    expect(launchPatientOf({})).toBeNull();
  });

  it('reaches only its patient with patient/ scopes alone, and is refused when it names none', () => {
    expect(launchPatientOf({ scope: 'launch patient/*.rs', patient: '9993133701' })).toBe('9993133701');
    expect(launchPatientOf({ scope: 'patient/Observation.rs patient/Condition.rs', patient: '9993133701' })).toBe('9993133701');
    expect(() => launchPatientOf({ scope: 'patient/*.rs' })).toThrow(TokenRefused);
  });
});

describe('the client application a look is recorded with (issue #19.8)', () => {
  const role = { person_roleid: 'r1', org_code: 'P83005', role_code: 'S0000:G0000:R8000' };
  const base = { sub: 'u1', selected_roleid: 'r1', nhsid_nrbac_roles: [role] };

  it('is the token\'s azp, else its client_id (a JWT access token: the viewer\'s, a launched app\'s), else the client-name header', () => {
    expect(clientApplication(userClaims({ ...base, azp: 'ward-app', client_id: 'other' }), 'ward-tablet')).toBe('ward-app');
    expect(clientApplication(userClaims({ ...base, client_id: 'shareforyou-viewer' }), 'ward-tablet')).toBe('shareforyou-viewer');
    expect(clientApplication(userClaims(base), 'ward-tablet')).toBe('ward-tablet');
    expect(clientApplication(userClaims(base), undefined)).toBeNull();
  });

  it('a name that is not a plain short name is passed over', () => {
    expect(clientApplication({ client_id: '<script>' }, 'ward-tablet')).toBe('ward-tablet');
    expect(clientApplication({ azp: 'x'.repeat(65) }, undefined)).toBeNull();
  });
});
