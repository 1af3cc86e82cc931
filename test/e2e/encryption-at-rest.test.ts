import { openPanel, sealPanel } from '@shareforyou/kit';
import { asUser, closeDatabases, DANIEL, database, LEAH } from '../support/clients';

afterAll(closeDatabases);

describe('every panel is encrypted at rest', () => {
  it('Daniel’s risk summary and crisis plan are ciphertext in the store and plain to his psychiatrist', async () => {
    const stored = await (await database('mental_health')).collection('patientSlices').findOne({ _id: DANIEL() as never });
    const panels = stored!.panels as Record<string, unknown>;
    expect(panels.riskSummaries).toEqual({ sealed: expect.stringMatching(/^v1\./) });
    expect(panels.crisisPlans).toEqual({ sealed: expect.stringMatching(/^v1\./) });
    expect(panels.mentalHealthEpisodes).toEqual({ sealed: expect.stringMatching(/^v1\./) });

    const response = await asUser('mh-clinician').query(`{ patient(nhsNumber: "${DANIEL()}") { riskSummary { summary } crisisPlan { __typename } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.patient.riskSummary.summary.length).toBeGreaterThan(10);
    expect(JSON.stringify(stored)).not.toContain(response.data.patient.riskSummary.summary);
  });

  it('Leah’s safeguarding alert is ciphertext in the store', async () => {
    const stored = await (await database('social_care')).collection('patientSlices').findOne({ _id: LEAH() as never });
    expect((stored!.panels as Record<string, unknown>).safeguardingAlerts).toEqual({ sealed: expect.stringMatching(/^v1\./) });
  });

  it('no slice of any organisation holds a panel in the clear, after the demo feeds went through the real endpoints', async () => {
    for (const name of ['gp', 'acute', 'mental_health', 'community', 'social_care']) {
      const stored = await (await database(name)).collection('patientSlices').find({}).toArray();
      expect(stored.length).toBeGreaterThan(0);
      const clear = stored.flatMap((slice) => Object.entries(slice.panels as Record<string, unknown>).filter(([, value]) => typeof (value as { sealed?: unknown })?.sealed !== 'string').map(([panel]) => `${name}/${String(slice._id)}/${panel}`));
      expect(clear).toEqual([]);
    }
  });

  it('a sealed panel cannot be opened for another patient or panel, or after tampering', () => {
    const items = [{ id: 'RT2/RiskAssessment/1', provenance: { odsCode: 'RT2', organisationName: 'x', system: 'x', sourceId: '1', version: '1', lastUpdated: '2026-01-01T00:00:00.000Z' }, summary: 'secret' }];
    const sealed = sealPanel('9434765919', 'riskSummaries', items);
    expect(openPanel('9434765919', 'riskSummaries', sealed)).toEqual(items);
    expect(() => openPanel('4010232137', 'riskSummaries', sealed)).toThrow();
    expect(() => openPanel('9434765919', 'crisisPlans', sealed)).toThrow();
    const [v, iv, tag, body] = sealed.sealed.split('.');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;
    expect(() => openPanel('9434765919', 'riskSummaries', { sealed: [v, iv, tag, flipped.toString('base64')].join('.') })).toThrow();
  });
});
