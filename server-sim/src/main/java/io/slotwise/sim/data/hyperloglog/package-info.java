/**
 * HyperLogLog for the simulated node: PFADD, PFCOUNT, PFMERGE, PFDEBUG and PFSELFTEST over string values kept in
 * Redis 7.0's own representation (the {@code HYLL} header with its cached cardinality, the sparse and the dense
 * register encodings, MurmurHash64A with 2<sup>14</sup> registers and Redis 7's cardinality estimator), so that GET,
 * SET and PFCOUNT of an HLL key read the same bytes and numbers as on a real node. Handlers run on the node's event
 * loop.
 */
package io.slotwise.sim.data.hyperloglog;
