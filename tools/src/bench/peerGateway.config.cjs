// Hive Gateway configuration for the benchmark's peer: the same supergraph over the same subgraphs.
// Loaded by `hive-gateway -c <this file> supergraph <file>`, started by tools/src/bench/peer.ts.
//
// Our subgraphs refuse any call without a gateway identity (x-shareforyou-identity). The peer has
// no notion of our users, so it sends one static, long-lived identity (signed by the bench with
// the local gateway key for the demo GP user) on every subgraph call. That is the limitation of
// this comparison: the peer authenticates nobody and checks no organisation; the subgraphs still
// apply relationships, field rules and audit exactly as behind our gateway.
const identity = process.env.SHAREFORYOU_BENCH_PEER_IDENTITY;
if (!identity) throw new Error('SHAREFORYOU_BENCH_PEER_IDENTITY is not set (the bench sets it)');

exports.gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs: () => ({ 'x-shareforyou-identity': identity }),
  },
  // Same as our gateway locally: no response caching, no batching tricks.
  logging: 'warn',
};
