import type { Connection } from 'mongoose';
import { registryAccessModels } from '../../subgraphs/kit/src/access/registryRecords';
import { auditServiceModels } from '../../subgraphs/audit/src/models';
import { sweepOnce, type SweepModels } from '../../subgraphs/audit/src/monitoring/sweep';
import { closeDatabases, database } from '../support/clients';

/**
 * The monitoring sweep's reading of the audit store (subgraphs/audit/src/monitoring/sweep.ts), on
 * the real database: a pass reads what is new since the watermark, not the whole window behind it
 * again; a look written late (behind the watermark) is still checked, by the next catch-up pass.
 */

const PATIENT = '9434765919';
const T0 = new Date('2026-12-02T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

let audit: Connection;
let registry: Connection;
let models: SweepModels;

const look = (requestId: string, seconds: number, familyName: string) => ({
  requestId,
  at: at(seconds),
  subgraph: 'gp',
  user: { id: `user-${requestId}`, name: `Staff ${familyName}`, odsCode: 'P83005', jobRole: 'R8000', profile: 'clinical', familyName },
  client: { operationName: null, application: null, internal: false },
  nhsNumber: PATIENT,
  viewed: ['Patient.medications'],
  denials: [],
  categories: ['medications'],
  denied: false,
  breakGlass: null,
});
const write = (...events: Array<ReturnType<typeof look>>) => models.AuditEvent.collection.insertMany(events as never[]);
const findings = async () => (await models.MonitoringFinding.find({}).lean().exec()).map((f) => String(f._id)).sort();

beforeAll(async () => {
  audit = (await database('audit')).useDb('monitoring_sweep_test');
  registry = (await database('registry')).useDb('monitoring_sweep_registry_test');
  await Promise.all([audit.dropDatabase(), registry.dropDatabase()]);
  models = auditServiceModels({ own: audit, registry, access: registryAccessModels(registry), slices: null }) as unknown as SweepModels;
  await models.AuditEvent.init();
  await registry.collection('patients').insertOne({ _id: PATIENT as never, name: { family: 'Holt', given: ['Margaret'] } });
});
afterAll(async () => {
  await Promise.all([audit?.dropDatabase(), registry?.dropDatabase()]);
  await closeDatabases();
});

describe('the monitoring sweep', () => {
  it('reads what is new since the watermark, and sees a look written late at the next catch-up', async () => {
    await write(look('r1', 0, 'Other'));
    expect(await sweepOnce(models, at(1))).toBe(1); // the first pass catches up: nothing was read before

    await write(look('r2', 2, 'Other'), look('r3', 3, 'Other'));
    // From the watermark (r1's time) on: r1 again (at the watermark itself), r2 and r3; nothing older.
    expect(await sweepOnce(models, at(4))).toBe(3);

    // Written late: built at 2.5 s, behind the watermark (3 s); a same-surname look.
    await write(look('late', 2.5, 'Holt'));
    expect(await sweepOnce(models, at(5))).toBe(1); // only r3, at the watermark: the late look is not read yet
    await write(look('r4', 40, 'Other'));
    expect(await sweepOnce(models, at(41))).toBe(2); // r3, r4
    expect(await findings()).toEqual([]);

    // A minute after the last catch-up, the next one reads from 30 s before the watermark that one reached.
    expect(await sweepOnce(models, at(61))).toBe(5);
    expect(await findings()).toEqual([`SAME_SURNAME:user-late:${PATIENT}`]);
    // And the passes after it read only what is new again.
    expect(await sweepOnce(models, at(62))).toBe(1);
  });

  it('a look written late just after a catch-up is seen by the next one, however far the watermark has moved', async () => {
    // The last catch-up (at 61 s) reached r4 (40 s). Built at 25 s, written only now; then the watermark moves on.
    await write(look('late2', 25, 'Holt'));
    await write(look('r5', 100, 'Other'));
    expect(await sweepOnce(models, at(101))).toBe(2); // r4, r5: the late look is behind the watermark
    expect(await findings()).toEqual([`SAME_SURNAME:user-late:${PATIENT}`]);
    // From 30 s before 40 s: late2, r4, r5.
    expect(await sweepOnce(models, at(121))).toBe(3);
    expect(await findings()).toEqual([`SAME_SURNAME:user-late2:${PATIENT}`, `SAME_SURNAME:user-late:${PATIENT}`]);
  });
});
