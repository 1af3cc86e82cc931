import { classifyField, loadPolicy, parsePolicy, profileForJobRole, profileMaySee } from '@shareforyou/schema';

/** The access policy as data (schema/policy.yaml): classification, profiles, sensitive categories. */

const policy = loadPolicy();

describe('field classification', () => {
  it('a classified field has its category; an inherited type takes its parent field’s; anything else is unclassified', () => {
    expect(classifyField(policy, 'Patient', 'medications')).toEqual({ kind: 'category', category: 'medications' });
    expect(classifyField(policy, 'Patient', 'notAField')).toEqual({ kind: 'unclassified' });
    expect(classifyField(policy, 'NoSuchType', 'x')).toEqual({ kind: 'unclassified' });
    const inherited = Object.entries(policy.fields).find(([, fields]) => fields === 'inherit')![0];
    expect(classifyField(policy, inherited, 'anything')).toEqual({ kind: 'inherit' });
  });
});

describe('profiles and job roles', () => {
  it('maps job roles to profiles and leaves unknown roles without one (no access)', () => {
    expect(profileForJobRole(policy, 'R8000')).toBe('clinical');
    expect(profileForJobRole(policy, 'R8009')).toBe('administrative');
    expect(profileForJobRole(policy, 'R9999')).toBeUndefined();
  });

  it('sensitive categories are seen only by profiles that list them', () => {
    const sensitive = Object.entries(policy.categories).filter(([, c]) => c.sensitive).map(([name]) => name);
    expect(sensitive).toEqual(expect.arrayContaining(['mentalHealthRisk', 'safeguarding']));
    expect(profileMaySee(policy, 'administrative', 'safeguarding')).toBe(false);
    expect(profileMaySee(policy, 'clinicalStudent', 'mentalHealthRisk')).toBe(false);
    expect(profileMaySee(policy, 'clinical', 'safeguarding')).toBe(true);
    expect(profileMaySee(policy, 'privacyOfficer', 'medications')).toBe(false);
  });

  it('refuses a policy with a dangling reference, naming it', () => {
    const broken = 'categories:\n  a: { label: A, kind: data }\nprofiles:\n  p: { label: P, breakGlass: false, categories: [a, b] }\njobRoles:\n  R1: { label: R, profile: q }\nfields:\n  Patient: { x: c }\n';
    expect(() => parsePolicy(broken)).toThrow(/profile p lists unknown category b[\s\S]*job role R1 maps to unknown profile q[\s\S]*Patient.x has unknown category c/);
  });
});
