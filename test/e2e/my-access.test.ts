import { asUser, MARGARET } from '../support/clients';

const MY_ACCESS = `{ myAccess { jobRole odsCode profile categories { name kind sensitive } panels { name categories restricted } breakGlassAllowed traceAllowed recordAccessAllowed } }`;
const panelNames = (data: any) => data.myAccess.panels.map((p: { name: string }) => p.name);

describe('what may I see: one query, from the policy', () => {
  it('the GP (clinical) may see every clinical panel, break glass and trace, but not the access history', async () => {
    const { data, errors } = await asUser('gp').query(MY_ACCESS);
    expect(errors).toBeUndefined();
    expect(data.myAccess).toMatchObject({ jobRole: 'R8000', odsCode: 'P83005', profile: 'clinical', breakGlassAllowed: true, traceAllowed: true, recordAccessAllowed: true });
    expect(panelNames(data)).toEqual(['emergencySummary', 'demographics', 'medications', 'allergies', 'problems', 'procedures', 'immunisations', 'encounters', 'results', 'documents', 'alerts', 'advanceDecisions', 'mentalHealth', 'community', 'socialCare']);
    expect(data.myAccess.panels.every((p: { restricted: string[] }) => p.restricted.length === 0)).toBe(true);
  });

  it('the receptionist (administrative) is shown demographics and encounters (appointments only), no clinical panel, no break-glass', async () => {
    const { data } = await asUser('receptionist').query(MY_ACCESS);
    expect(data.myAccess).toMatchObject({ profile: 'administrative', breakGlassAllowed: false, traceAllowed: true });
    expect(panelNames(data)).toEqual(['demographics', 'encounters']);
    expect(data.myAccess.panels.find((p: { name: string }) => p.name === 'encounters')).toEqual({ name: 'encounters', categories: ['appointments'], restricted: ['encounters', 'referrals', 'carePlans'] });
  });

  it('what it lists as restricted is what the record denies: the receptionist asking for medications gets FORBIDDEN_FIELD', async () => {
    const receptionist = asUser('receptionist');
    const { data } = await receptionist.query(MY_ACCESS);
    expect(panelNames(data)).not.toContain('medications');
    const record = await receptionist.query(`{ patient(nhsNumber: "${MARGARET()}") { name { text } medications { id } } }`);
    expect(record.data.patient.name.text).toBe('Margaret Joan ASHWORTH');
    expect(record.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([['FORBIDDEN_FIELD', 'patient.medications']]);
  });

  it('the social worker sees social care and the crisis plan and safeguarding alerts of mental health, without break-glass', async () => {
    const { data } = await asUser('social-worker').query(MY_ACCESS);
    expect(data.myAccess).toMatchObject({ profile: 'socialCare', breakGlassAllowed: false });
    expect(data.myAccess.panels.find((p: { name: string }) => p.name === 'mentalHealth')).toEqual({ name: 'mentalHealth', categories: ['mentalHealthCrisisPlan', 'safeguarding'], restricted: ['mentalHealthCare', 'mentalHealthRisk'] });
    expect(panelNames(data)).toContain('socialCare');
    expect(panelNames(data)).not.toContain('medications');
  });

  it('the privacy officer is shown only the access history and may not open records', async () => {
    const { data } = await asUser('privacy-officer').query(MY_ACCESS);
    expect(data.myAccess).toMatchObject({ profile: 'privacyOfficer', recordAccessAllowed: false, traceAllowed: false, breakGlassAllowed: false });
    expect(panelNames(data)).toEqual(['accessHistory']);
  });
});
