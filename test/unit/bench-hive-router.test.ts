import { cargoInstallArgs, chooseToolchain, compiledPeerPlan, hiveRouterConfig, identityHeaderFor, parseRustcVersion } from '../../tools/src/bench/hiveRouter';
import { gatewayCpuMs, peerComparison, type RunResult } from '../../tools/src/bench/report';
import type { LevelResult } from '../../tools/src/bench/runner';

describe('bench: the compiled peer (Hive Router)', () => {
  describe('its configuration', () => {
    const config = hiveRouterConfig({ port: 9114, supergraphPath: '/tmp/peer-supergraph-9114.graphql', subgraphs: ['registry', 'gp', 'mental-health'] }) as Record<string, any>;

    it('serves the rewritten supergraph on loopback, one worker, on the port it is given', () => {
      expect(config.supergraph).toEqual({ source: 'file', path: '/tmp/peer-supergraph-9114.graphql' });
      expect(config.http).toEqual({ host: '127.0.0.1', port: 9114, workers: 1 });
    });

    it('makes every subgraph call: no deduplication at the router or in the executor', () => {
      expect(config.traffic_shaping.all.dedupe_enabled).toBe(false);
      expect(config.traffic_shaping.router.dedupe.enabled).toBe(false);
    });

    it("forwards to each subgraph its own identity header, as the header the subgraph reads, and nothing else", () => {
      expect(config.headers.all).toBeUndefined();
      expect(Object.keys(config.headers.subgraphs)).toEqual(['registry', 'gp', 'mental-health']);
      expect(config.headers.subgraphs['mental-health']).toEqual({ request: [{ propagate: { named: 'x-bench-identity-mental-health', rename: 'x-shareforyou-identity' } }] });
      // The client's token is not forwarded (the JS peer forwards none either).
      expect(JSON.stringify(config.headers)).not.toMatch(/authorization/i);
      expect(identityHeaderFor('gp')).toBe('x-bench-identity-gp');
    });
  });

  describe('the toolchain and the build', () => {
    it('reads rustc versions, releases and nightlies', () => {
      expect(parseRustcVersion('rustc 1.95.0 (59807616e 2026-04-14)')).toEqual({ version: [1, 95, 0], preRelease: false });
      expect(parseRustcVersion('rustc 1.97.0-nightly (e50aa6fba 2026-05-19)')).toEqual({ version: [1, 97, 0], preRelease: true });
      expect(parseRustcVersion('error: toolchain not installed')).toBeNull();
    });

    it('picks a toolchain of at least 1.97, a release before a nightly, the newest first, else none', () => {
      const stable = { name: 'stable', rustc: 'rustc 1.95.0 (59807616e 2026-04-14)' };
      const nightly = { name: 'nightly', rustc: 'rustc 1.97.0-nightly (e50aa6fba 2026-05-19)' };
      const release = { name: '1.97', rustc: 'rustc 1.97.1 (aaaaaaaaa 2026-06-30)' };
      expect(chooseToolchain([stable, nightly])).toBe(nightly);
      expect(chooseToolchain([stable, nightly, release])).toBe(release);
      expect(chooseToolchain([stable])).toBeNull();
      const newer = { name: null, rustc: 'rustc 1.98.0 (bbbbbbbbb 2026-08-01)' };
      expect(chooseToolchain([release, newer])).toBe(newer);
    });

    it('builds only the router, locked, with the feature that skips fetching the web bundle, into the ignored folder', () => {
      const args = cargoInstallArgs('nightly');
      expect(args[0]).toBe('+nightly');
      expect(args).toEqual(expect.arrayContaining(['install', 'hive-router', '--locked', '--bin', 'hive_router']));
      expect(args[args.indexOf('--features') + 1]).toBe('graphiql');
      expect(args[args.indexOf('--root') + 1]).toMatch(/\.local\/hive-router\/\d+\.\d+\.\d+$/);
      expect(cargoInstallArgs(null)[0]).toBe('install');
    });

    it('is left out with --no-compiled-peer or --no-peer, and otherwise built or used', () => {
      expect(compiledPeerPlan({ skipPeer: false, skipCompiledPeer: true })).toEqual({ skipped: '--no-compiled-peer' });
      expect(compiledPeerPlan({ skipPeer: true, skipCompiledPeer: false })?.skipped).toMatch(/--no-peer/);
      expect(compiledPeerPlan({ skipPeer: false, skipCompiledPeer: false })).toBeNull();
    });
  });

  describe('ours ÷ each peer', () => {
    const level = (concurrency: number, throughput: number, requests: number, cpuSeconds: Record<string, number>): LevelResult =>
      ({ concurrency, stats: { throughput, requests }, cpuSeconds }) as unknown as LevelResult;
    const results: RunResult[] = [
      { workload: 'record summary', config: 'ours', patients: 500, levels: [level(1, 10, 30, { gateway: 0.3, peer: 0 }), level(8, 20, 100, { gateway: 1.5, gp: 0.8 })] },
      { workload: 'record summary', config: 'peer', patients: 500, levels: [level(1, 8, 24, { peer: 0.5 }), level(8, 16, 80, { peer: 2.4 })] },
      { workload: 'record summary', config: 'compiled-peer', patients: 500, levels: [level(8, 25, 100, { 'hive-router': 0.15, gateway: 0 })] },
    ];

    it("reads each gateway's own process at the busiest level", () => {
      expect(gatewayCpuMs(results[0])).toBeCloseTo(15);
      expect(gatewayCpuMs(results[1])).toBeCloseTo(30);
      expect(gatewayCpuMs(results[2])).toBeCloseTo(1.5);
    });

    it('divides ours by each peer: throughput (best level) and gateway CPU', () => {
      const [js, compiled] = peerComparison(results, 500);
      expect(js.peer).toBe('peer');
      expect(js.throughputRatio).toBeCloseTo(20 / 16);
      expect(js.gatewayCpuRatio).toBeCloseTo(0.5);
      expect(compiled.peer).toBe('compiled-peer');
      expect(compiled.throughputRatio).toBeCloseTo(0.8);
      expect(compiled.gatewayCpuRatio).toBeCloseTo(10);
    });

    it('names a skipped peer with its reason and no numbers', () => {
      const skipped: RunResult[] = [results[0], { workload: 'record summary', config: 'compiled-peer', patients: 500, levels: [], skipped: '--no-compiled-peer' }];
      expect(peerComparison(skipped, 500)).toEqual([expect.objectContaining({ peer: 'compiled-peer', skipped: '--no-compiled-peer', throughputRatio: null })]);
    });
  });
});
