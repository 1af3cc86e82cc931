// Hive Gateway configuration for the benchmark's peer: the same supergraph over the same subgraphs.
// Loaded by `hive-gateway -c <this file> supergraph <file>`, started by tools/src/bench/peer.ts.
//
// Our subgraphs refuse any call without a gateway identity (x-shareforyou-identity), and spend each
// one they accept. The peer has no notion of our users, so it signs the demo GP user's identity
// (claims and the local gateway key handed over by the bench) afresh for every subgraph call, as
// our gateway does. That is the limitation of this comparison: the peer authenticates nobody and
// checks no organisation; the subgraphs still apply relationships, field rules and audit exactly as
// behind our gateway.
const { randomUUID } = require('node:crypto');
const jwt = require('jsonwebtoken');

const { SHAREFORYOU_BENCH_PEER_CLAIMS: claims, SHAREFORYOU_BENCH_PEER_KEY: key, SHAREFORYOU_BENCH_PEER_ISSUER: issuer, SHAREFORYOU_BENCH_PEER_AUDIENCE: audience } = process.env;
if (!claims || !key) throw new Error('SHAREFORYOU_BENCH_PEER_CLAIMS and SHAREFORYOU_BENCH_PEER_KEY are not set (the bench sets them)');
const identityClaims = JSON.parse(claims);
const identity = () => jwt.sign(identityClaims, key, { algorithm: 'ES256', issuer, audience, expiresIn: 60, jwtid: randomUUID() });

exports.gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs: () => ({ 'x-shareforyou-identity': identity() }),
  },
  // Same as our gateway locally: no response caching, no batching tricks.
  logging: 'warn',
};
