package io.slotwise.pubsub;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A set of Pub/Sub subscriptions on a Redis Cluster, kept alive across reconnects, failovers and resharding. Obtain one
 * from {@code RedisClusterClient.pubSub()}; each handle has its own dedicated connections, separate from the client's
 * command connections.
 *
 * <ul>
 *   <li>Classic channels and patterns share one connection to one node (messages reach every node over the cluster
 *       bus). If that node leaves the topology, or its connection is lost and the next attempt fails, the subscriber
 *       moves to another node and subscribes everything again.
 *   <li>Shard channels live on the primary owning their slot: one connection per such primary, one {@code SSUBSCRIBE}
 *       per slot. When a slot moves (resharding, failover), or a node drops a shard channel because it lost the slot,
 *       the subscriber refreshes the topology and subscribes the channel again on its new owner.
 * </ul>
 *
 * <p><b>Outcomes.</b> Each (un)subscribe call returns a stage that completes once the server confirmed every channel
 * or pattern given, and fails with the server's error ({@link io.slotwise.RedisCommandException}, for example
 * {@code NOPERM}; the channels are then not subscribed), a {@link io.slotwise.RedisTimeoutException} or a {@link
 * io.slotwise.RedisConnectionException}. After a timeout or a connection failure the channels stay wanted and the
 * subscriber keeps trying to establish them in the background; unsubscribe them to give up. An unsubscribe stage
 * never fails because the node is gone: what is not there needs no unsubscription. Calls are never left hanging: every
 * stage completes within the client's command timeout (plus one redirect), or when the handle closes.
 *
 * <p>Messages may be lost while a subscription is being moved or re-established (Redis Pub/Sub is at-most-once) and,
 * briefly, duplicated when a shard channel is subscribed on an old and a new owner at once.
 *
 * <p><b>Threading.</b> Thread-safe; methods never block. Stages and listeners complete and run on the client's I/O
 * threads: do not block in them.
 *
 * @param <K> the channel type (encoded with the key codec)
 * @param <V> the message type (decoded with the value codec)
 */
public interface ClusterSubscriber<K, V> extends AutoCloseable {

    /**
     * {@code SUBSCRIBE channel...}.
     *
     * @param channels the channels, at least one, none {@code null}
     * @return completes when every channel is confirmed
     */
    CompletionStage<Void> subscribe(List<K> channels);

    /**
     * {@code UNSUBSCRIBE channel...}; channels not subscribed are ignored.
     *
     * @param channels the channels, at least one, none {@code null}
     * @return completes when every channel is confirmed unsubscribed (or its connection is gone)
     */
    CompletionStage<Void> unsubscribe(List<K> channels);

    /**
     * {@code PSUBSCRIBE pattern...}.
     *
     * @param patterns glob-style patterns, at least one, none {@code null}
     * @return completes when every pattern is confirmed
     */
    CompletionStage<Void> psubscribe(List<K> patterns);

    /**
     * {@code PUNSUBSCRIBE pattern...}; patterns not subscribed are ignored.
     *
     * @param patterns the patterns, at least one, none {@code null}
     * @return completes when every pattern is confirmed unsubscribed (or its connection is gone)
     */
    CompletionStage<Void> punsubscribe(List<K> patterns);

    /**
     * {@code SSUBSCRIBE shardchannel...}: one command per slot, each to the primary owning the slot, following
     * {@code MOVED}.
     *
     * @param shardChannels the shard channels, at least one, none {@code null}; any slots
     * @return completes when every shard channel is confirmed by its owner
     */
    CompletionStage<Void> ssubscribe(List<K> shardChannels);

    /**
     * {@code SUNSUBSCRIBE shardchannel...}, sent where each channel is subscribed; channels not subscribed are ignored.
     *
     * @param shardChannels the shard channels, at least one, none {@code null}
     * @return completes when every shard channel is confirmed unsubscribed (or its owner dropped it)
     */
    CompletionStage<Void> sunsubscribe(List<K> shardChannels);

    /**
     * Adds a listener; messages arriving from now on reach it.
     *
     * @param listener the listener, never {@code null}; adding it twice calls it twice
     */
    void addListener(PubSubListener<K, V> listener);

    /**
     * Removes a listener added before (one registration of it).
     *
     * @param listener the listener
     */
    void removeListener(PubSubListener<K, V> listener);

    /**
     * Returns what this handle is subscribed to (or still trying to subscribe to) now.
     *
     * @param kind the kind of subscription
     * @return a snapshot, unmodifiable
     */
    Set<K> subscriptions(SubscriptionKind kind);

    /**
     * Closes every subscriber connection of this handle; pending calls fail, later calls fail at once. Idempotent.
     *
     * @return completes when every connection is closed; never fails
     */
    CompletionStage<Void> closeAsync();

    /** Closes as {@link #closeAsync()} does and waits, unless called on an I/O thread of the client. */
    @Override
    void close();
}
