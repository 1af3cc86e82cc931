import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readSecret } from '@shareforyou/kit';
import { alertSignature } from '../../subgraphs/audit/src/alerts/alertDelivery';
import { userToken } from '../../tools/src/demo/tokens';
import { asUser, closeDatabases, gatewayPost, MARGARET } from '../support/clients';
import { pollUntil } from '../support/polling';
import { stackInfo } from '../support/stackInfo';

/** A break-glass declaration alerts the privacy office: a signed webhook POST, retried, delivered once (issue 13.4). */

interface Received {
  id: string;
  body: Record<string, unknown>;
  signatureValid: boolean;
  answered: number;
}

const received: Received[] = [];
const refusedOnce = new Set<string>();
let receiver: Server;

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
  });

beforeAll(async () => {
  // A receiver on loopback that fails the first delivery of every alert, then accepts.
  receiver = createServer(async (req, res) => {
    const text = await read(req);
    const id = String(req.headers['x-shareforyou-alert-id']);
    const timestamp = String(req.headers['x-shareforyou-timestamp']);
    const signatureValid = req.headers['x-shareforyou-signature'] === alertSignature(readSecret('alertWebhookSecret'), timestamp, text);
    const answered = refusedOnce.has(id) ? 200 : 503;
    refusedOnce.add(id);
    received.push({ id, body: JSON.parse(text), signatureValid, answered });
    res.writeHead(answered).end();
  });
  await new Promise<void>((resolve) => receiver.listen(stackInfo().alertWebhookPort, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await closeDatabases();
});


describe('break-glass alerts', () => {
  it('delivers exactly one signed alert per declaration, even when the first delivery fails', async () => {
    const doctor = { userId: `alerts-${randomUUID()}`, name: 'Dr Alert Test', odsCode: 'P86003', jobRole: 'R8000', roleName: 'Clinical Practitioner Access Role' };
    const as = (query: string, variables?: Record<string, unknown>) => gatewayPost({ authorization: `Bearer ${userToken(doctor)}` }, query, variables);
    const declare = async () =>
      (await as('mutation($n: String!) { declareBreakGlass(nhsNumber: $n, reason: EMERGENCY_CARE, detail: "Unconscious in resus, no history") { id } }', { n: MARGARET() })).data.declareBreakGlass.id as string;
    const first = await declare();
    // Looks under the declaration must not raise a second alert for it.
    for (let i = 0; i < 3; i += 1) expect((await as('query($n: String!) { patient(nhsNumber: $n) { medications { id } } }', { n: MARGARET() })).errors).toBeUndefined();
    const second = await declare();

    for (const id of [first, second]) {
      const alertId = `break-glass:${id}`;
      await pollUntil(`the delivery of ${alertId}`, async () => received.filter((r) => r.id === alertId && r.answered === 200).length === 1, 25_000, 100);
    }
    // Let the sweep pass over the looks and the retry window again: still one accepted delivery each.
    const alerts = async () => (await asUser('privacy-officer').query('{ alerts(first: 200, kind: BREAK_GLASS) { id kind title subjectId nhsNumber link delivery { state attempts lastError } } }')).data.alerts as any[];
    await pollUntil('both delivered', async () => {
      const rows = await alerts();
      return [first, second].every((id) => rows.find((a) => a.subjectId === id)?.delivery.state === 'DELIVERED');
    }, 25_000, 100);
    // Absence cannot be polled for: give the delivery sweep five more chances to send a duplicate.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const id of [first, second]) {
      const alertId = `break-glass:${id}`;
      const deliveries = received.filter((r) => r.id === alertId);
      expect(deliveries.map((d) => d.answered)).toEqual([503, 200]);
      expect(deliveries.every((d) => d.signatureValid)).toBe(true);
      // No patient data beyond the NHS number, and a link into the console.
      expect(Object.keys(deliveries[1].body).sort()).toEqual(['id', 'kind', 'link', 'nhsNumber', 'raisedAt', 'title']);
      expect(deliveries[1].body).toMatchObject({ id: alertId, kind: 'BREAK_GLASS', nhsNumber: MARGARET() });
      expect(String(deliveries[1].body.link)).toMatch(new RegExp(`/alerts/${encodeURIComponent(alertId)}$`));
      const listed = (await alerts()).filter((a) => a.subjectId === id);
      expect(listed).toEqual([expect.objectContaining({ id: alertId, delivery: { state: 'DELIVERED', attempts: 2, lastError: null } })]);
    }
  });

  it('refuses a forged signature check: a changed body does not match', () => {
    const secret = readSecret('alertWebhookSecret');
    expect(alertSignature(secret, 't', '{"a":1}')).not.toBe(alertSignature(secret, 't', '{"a":2}'));
    expect(alertSignature(secret, 't1', '{"a":1}')).not.toBe(alertSignature(secret, 't2', '{"a":1}'));
  });
});
