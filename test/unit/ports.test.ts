import { fetchBlocks, freePortBase } from '../../tools/src/stack/ports';

// A port base whose services include one fetch() refuses (5060, SIP) starts a stack that no
// health check can reach: the CI run that met it waited for ever.
it('never offers a port base whose ports include one that fetch refuses', async () => {
  expect(fetchBlocks(5060)).toBe(true);
  expect(fetchBlocks(5062)).toBe(false);
  const base = await freePortBase(5060);
  const ports = Array.from({ length: 10 }, (_, i) => base + i);
  expect(base).toBeGreaterThan(5060);
  expect(ports.some(fetchBlocks)).toBe(false);
  expect(ports).not.toContain(5060);
});

it('checks the extra ports for fetch too', async () => {
  const base = await freePortBase(5000, (b) => [b + 60]);
  expect(base + 60).not.toBe(5060);
});
