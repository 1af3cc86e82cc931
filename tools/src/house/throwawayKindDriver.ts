import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { registerOrganisation } from '../../../subgraphs/registry/src/organisationRegister';
import { userToken } from '../demo/tokens';
import { sendBundle } from '../feeds/feedClient';
import { freePortBase, localDatabasePort } from '../stack/ports';
import { startStack } from '../stack/stack';
import { HOSPICE } from './throwawayKind';

/**
 * Run inside a copy of the repository with the throwaway kind added (tools/src/cli/check-new-organisation.ts):
 * the stack comes up with the new subgraph composed and served, the hospice is registered, its
 * source system feeds a referral and a care plan, a hospice nurse opens the patient through the
 * gateway, and the audit trail holds the hospice subgraph's event. Exits non-zero on any miss.
 */

const MARGARET = '9993133701';
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const step = (message: string) => console.log(`  - ${message}`);

function collection(resources: fhir4.FhirResource[]): string {
  return JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) });
}

async function main(): Promise<void> {
  const portBase = await freePortBase(5200, (base) => [localDatabasePort(base)]);
  // Tokens name the local identity provider of this stack, which moves with the port base.
  process.env.SHAREFORYOU_PORT_BASE = String(portBase);
  const stack = await startStack({ portBase, dataDir: mkdtempSync(join(tmpdir(), 'shareforyou-new-kind-')), seedPatients: 5, quiet: true, log: step });
  try {
    const registry = await mongoose.createConnection(stack.mongoUri, { dbName: 'registry' }).asPromise();
    await registerOrganisation(registry, { odsCode: HOSPICE.odsCode, name: HOSPICE.name, kind: HOSPICE.kind, locality: 'Bury', sharingStatus: 'active', sourceSystem: 'Hospice EPR' }, { by: 'check', reason: 'throwaway kind' });
    step(`registered ${HOSPICE.odsCode} (${HOSPICE.kind})`);

    const meta = { versionId: '1', lastUpdated: '2026-11-20T09:00:00Z' };
    const referral: fhir4.EpisodeOfCare = { resourceType: 'EpisodeOfCare', id: 'hsp-ep-1', meta, status: 'active', patient: { identifier: { system: NHS, value: MARGARET } }, period: { start: '2026-11-20' } };
    const plan: fhir4.CarePlan = { resourceType: 'CarePlan', id: 'hsp-cp-1', meta, status: 'active', intent: 'plan', title: 'Advance care plan', subject: { identifier: { system: NHS, value: MARGARET } }, period: { start: '2026-11-20' } };
    for (const [target, resource] of [['registry', referral], [HOSPICE.subgraph, plan]] as const) {
      const fed = await sendBundle(target, HOSPICE.odsCode, collection([resource]), stack.env);
      if (fed.status !== 200) throw new Error(`the ${target} feed answered ${fed.status}: ${JSON.stringify(fed.answer)}`);
    }
    step('fed a referral (registry) and a care plan (hospice)');

    const token = userToken({ userId: 'check-hospice-nurse', name: 'Hospice Nurse', odsCode: HOSPICE.odsCode, jobRole: 'R8001', roleName: 'Nurse Access Role' });
    const open = async () => {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `{ patient(nhsNumber: "${MARGARET}") { hospiceCarePlans { title status provenance { odsCode } } hospiceSource { organisations } } }` }),
      });
      return (await response.json()) as { data?: { patient: { hospiceCarePlans: Array<{ title: string }> } }; errors?: Array<{ extensions?: { code?: string } }> };
    };
    // A freshly started stack may still be warming up (SOURCE_UNAVAILABLE): ask again for a while.
    let body = await open();
    for (let tries = 0; tries < 20 && body.errors?.every((e) => e.extensions?.code === 'SOURCE_UNAVAILABLE'); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      body = await open();
    }
    if (body.errors || body.data?.patient.hospiceCarePlans[0]?.title !== 'Advance care plan') throw new Error(`the gateway did not serve the hospice slice: ${JSON.stringify(body)}`);
    step('a hospice nurse opened the patient through the gateway and saw the care plan');

    const audit = await mongoose.createConnection(stack.mongoUri, { dbName: 'audit' }).asPromise();
    const event = await audit.collection('auditEvents').findOne({ subgraph: HOSPICE.subgraph, nhsNumber: MARGARET });
    if (!event || !(event.viewed as string[] | undefined)?.includes('Patient.hospiceCarePlans')) throw new Error('the audit trail has no hospice event for that look');
    step('the audit trail holds the hospice subgraph’s event for the look');
    await Promise.all([registry.close(), audit.close()]);
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`FAILED: ${error.message}`);
    process.exit(1);
  },
);
