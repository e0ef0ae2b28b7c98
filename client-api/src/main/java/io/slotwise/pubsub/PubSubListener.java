package io.slotwise.pubsub;

/**
 * Receives what a {@link ClusterSubscriber} gets: messages, and optionally the server's subscription confirmations.
 * Every method has a no-op default, so an implementation overrides what it needs.
 *
 * <p>Threading: called on one of the client's I/O threads, messages of one connection in the order the node sent
 * them. Implementations must be fast and must not block (hand work to an executor); an exception is logged and
 * ignored, and the other listeners still run.
 *
 * @param <K> the channel type
 * @param <V> the message type
 */
public interface PubSubListener<K, V> {

    /**
     * A message published to a subscribed classic channel.
     *
     * @param channel the channel
     * @param message the payload
     */
    default void message(K channel, V message) {}

    /**
     * A message published to a channel matching a subscribed pattern.
     *
     * @param pattern the pattern
     * @param channel the channel it was published to
     * @param message the payload
     */
    default void patternMessage(K pattern, K channel, V message) {}

    /**
     * A message published with {@code SPUBLISH} to a subscribed shard channel.
     *
     * @param shardChannel the shard channel
     * @param message the payload
     */
    default void shardMessage(K shardChannel, V message) {}

    /**
     * A node confirmed a subscription, including re-subscriptions after a reconnect, a failover or a slot move.
     *
     * @param kind the kind of subscription
     * @param channel the channel or pattern
     */
    default void subscribed(SubscriptionKind kind, K channel) {}

    /**
     * A node confirmed an unsubscription, or a node dropped a shard channel because its slot moved away (the
     * subscriber then re-subscribes where the slot lives now, and {@link #subscribed} follows).
     *
     * @param kind the kind of subscription
     * @param channel the channel or pattern
     */
    default void unsubscribed(SubscriptionKind kind, K channel) {}
}
