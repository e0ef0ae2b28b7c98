/**
 * Redis 7.0 Pub/Sub on a simulator node: channel, pattern and shard-channel subscriptions ({@link
 * io.slotwise.sim.pubsub.PubSubHub}), the commands SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE, SSUBSCRIBE,
 * SUNSUBSCRIBE, PUBLISH, SPUBLISH and PUBSUB with Redis's exact frames and replies, installed by {@link
 * io.slotwise.sim.pubsub.PubSubModule}. Messages are written to subscribers at once, as push frames on RESP3 and arrays
 * on RESP2; the subscribed state of a RESP2 connection (only the Pub/Sub commands, PING, QUIT and RESET) is enforced by
 * the dispatcher from {@link io.slotwise.sim.server.ClientSession#subscribed()}. In cluster mode PUBLISH travels over
 * the cluster bus to every node and SPUBLISH to the nodes of the publishing node's shard; a shard that stops serving a
 * slot unsubscribes its clients from that slot's shard channels with {@code sunsubscribe} (within 100 ms; a replica
 * that changes masters counts its old master's slots as lost, where Redis keeps them). Everything runs on the node's
 * event loop.
 */
package io.slotwise.sim.pubsub;
