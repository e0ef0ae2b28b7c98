package io.slotwise.sim.server;

/**
 * What a client is subscribed to through Pub/Sub, as its session sees it: the counts CLIENT LIST shows ({@code sub},
 * {@code psub}, {@code ssub}) and whether the client is in Redis's subscribed state ({@code CLIENT_PUBSUB}: any
 * subscription at all), in which a RESP2 connection may only run the Pub/Sub commands, PING, QUIT and RESET. The
 * Pub/Sub package implements it and attaches it to a session on its first subscription.
 *
 * <p>Threading: used on the node's event loop only.
 */
public interface ClientSubscriptions {

    /** The subscriptions of a client that never subscribed: none, and nothing to drop. */
    ClientSubscriptions NONE = new ClientSubscriptions() {
        @Override
        public int channelCount() {
            return 0;
        }

        @Override
        public int patternCount() {
            return 0;
        }

        @Override
        public int shardChannelCount() {
            return 0;
        }

        @Override
        public void dropAll() {}
    };

    /** Returns how many channels the client subscribed to with SUBSCRIBE. */
    int channelCount();

    /** Returns how many patterns the client subscribed to with PSUBSCRIBE. */
    int patternCount();

    /** Returns how many shard channels the client subscribed to with SSUBSCRIBE. */
    int shardChannelCount();

    /** Drops every subscription without notifying the client, as RESET and a closing connection do. */
    void dropAll();

    /** Whether the client has any subscription: Redis's subscribed state. */
    default boolean any() {
        return channelCount() + patternCount() + shardChannelCount() > 0;
    }
}
