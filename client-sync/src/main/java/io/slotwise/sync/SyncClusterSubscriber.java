package io.slotwise.sync;

import io.slotwise.RedisException;
import io.slotwise.RedisTimeoutException;
import io.slotwise.pubsub.ClusterSubscriber;
import io.slotwise.pubsub.PubSubListener;
import io.slotwise.pubsub.SubscriptionKind;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The blocking flavour of a {@link ClusterSubscriber}: each (un)subscribe call returns once the server confirmed every
 * channel, or throws what the async call failed with. Messages still arrive on the client's I/O threads through the
 * listeners, which must not block.
 *
 * <pre>{@code
 * try (SyncClusterSubscriber<String, String> subscriber = SyncClusterSubscriber.of(client.pubSub())) {
 *     subscriber.addListener(new PubSubListener<>() {
 *         public void shardMessage(String channel, String message) { queue.add(message); }
 *     });
 *     subscriber.ssubscribe(List.of("orders:{eu}"));
 * }
 * }</pre>
 *
 * <p><b>Deadline.</b> A call waits at most twice {@link SyncOptions#commandTimeout()} (one {@code MOVED} may be
 * followed) plus {@link SyncOptions#deadlineMargin()}; the async subscriber's own timeout normally fires first.
 * <b>Threads.</b> Thread-safe; calling a blocking method on one of the client's I/O threads ({@link
 * SyncOptions#ioThreadCheck()}) throws {@link IllegalStateException} before anything is sent.
 *
 * @param <K> the channel type
 * @param <V> the message type
 */
public final class SyncClusterSubscriber<K, V> implements AutoCloseable {

    private final ClusterSubscriber<K, V> subscriber;
    private final SyncOptions options;

    private SyncClusterSubscriber(ClusterSubscriber<K, V> subscriber, SyncOptions options) {
        this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Wraps a subscriber with the default options.
     *
     * @param subscriber the async subscriber, never {@code null}; closing the facade closes it
     * @param <K> the channel type
     * @param <V> the message type
     * @return the blocking facade
     */
    public static <K, V> SyncClusterSubscriber<K, V> of(ClusterSubscriber<K, V> subscriber) {
        return new SyncClusterSubscriber<>(subscriber, SyncOptions.defaults());
    }

    /**
     * Wraps a subscriber.
     *
     * @param subscriber the async subscriber, never {@code null}; closing the facade closes it
     * @param options the timeouts and the I/O thread check
     * @param <K> the channel type
     * @param <V> the message type
     * @return the blocking facade
     */
    public static <K, V> SyncClusterSubscriber<K, V> of(ClusterSubscriber<K, V> subscriber, SyncOptions options) {
        return new SyncClusterSubscriber<>(subscriber, options);
    }

    /**
     * {@link ClusterSubscriber#subscribe}, waiting for the confirmations.
     *
     * @param channels the channels, at least one
     * @throws RedisException as the async call fails, or a {@link RedisTimeoutException} at the deadline
     */
    public void subscribe(List<K> channels) {
        await("SUBSCRIBE", () -> subscriber.subscribe(channels));
    }

    /**
     * {@link ClusterSubscriber#unsubscribe}, waiting for the confirmations.
     *
     * @param channels the channels, at least one
     * @throws RedisException as the async call fails, or a {@link RedisTimeoutException} at the deadline
     */
    public void unsubscribe(List<K> channels) {
        await("UNSUBSCRIBE", () -> subscriber.unsubscribe(channels));
    }

    /**
     * {@link ClusterSubscriber#psubscribe}, waiting for the confirmations.
     *
     * @param patterns the patterns, at least one
     * @throws RedisException as the async call fails, or a {@link RedisTimeoutException} at the deadline
     */
    public void psubscribe(List<K> patterns) {
        await("PSUBSCRIBE", () -> subscriber.psubscribe(patterns));
    }

    /**
     * {@link ClusterSubscriber#punsubscribe}, waiting for the confirmations.
     *
     * @param patterns the patterns, at least one
     * @throws RedisException as the async call fails, or a {@link RedisTimeoutException} at the deadline
     */
    public void punsubscribe(List<K> patterns) {
        await("PUNSUBSCRIBE", () -> subscriber.punsubscribe(patterns));
    }

    /**
     * {@link ClusterSubscriber#ssubscribe}, waiting for the confirmations of every slot's owner.
     *
     * @param shardChannels the shard channels, at least one
     * @throws RedisException as the async call fails, or a {@link RedisTimeoutException} at the deadline
     */
    public void ssubscribe(List<K> shardChannels) {
        await("SSUBSCRIBE", () -> subscriber.ssubscribe(shardChannels));
    }

    /**
     * {@link ClusterSubscriber#sunsubscribe}, waiting for the confirmations.
     *
     * @param shardChannels the shard channels, at least one
     * @throws RedisException as the async call fails, or a {@link RedisTimeoutException} at the deadline
     */
    public void sunsubscribe(List<K> shardChannels) {
        await("SUNSUBSCRIBE", () -> subscriber.sunsubscribe(shardChannels));
    }

    /**
     * Adds a listener; see {@link ClusterSubscriber#addListener}.
     *
     * @param listener the listener, never {@code null}; called on I/O threads, must not block
     */
    public void addListener(PubSubListener<K, V> listener) {
        subscriber.addListener(listener);
    }

    /**
     * Removes a listener; see {@link ClusterSubscriber#removeListener}.
     *
     * @param listener the listener
     */
    public void removeListener(PubSubListener<K, V> listener) {
        subscriber.removeListener(listener);
    }

    /**
     * Returns what the subscriber is subscribed to (or trying to subscribe to).
     *
     * @param kind the kind
     * @return a snapshot
     */
    public Set<K> subscriptions(SubscriptionKind kind) {
        return subscriber.subscriptions(kind);
    }

    /**
     * Returns the wrapped async subscriber.
     *
     * @return the subscriber, never {@code null}
     */
    public ClusterSubscriber<K, V> async() {
        return subscriber;
    }

    /** Closes the wrapped subscriber and waits (unless on an I/O thread, where it only starts closing). */
    @Override
    public void close() {
        subscriber.close();
    }

    /** Names the facade; never channel names. */
    @Override
    public String toString() {
        return "SyncClusterSubscriber[" + options + "]";
    }

    private void await(String what, java.util.function.Supplier<CompletionStage<Void>> call) {
        Thread current = Thread.currentThread();
        if (options.ioThreadCheck().test(current)) {
            throw new IllegalStateException("Blocking " + what + " on the client's I/O thread '" + current.getName()
                    + "' refused: the confirmation could only be read by this thread. Use the async subscriber.");
        }
        CompletableFuture<Void> future = call.get().toCompletableFuture();
        Duration deadline = options.commandTimeout().multipliedBy(2).plus(options.deadlineMargin());
        try {
            future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new RedisTimeoutException(
                    what + ": not confirmed within " + deadline.toMillis() + " ms; it may still take effect", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisException("Interrupted while waiting for the confirmation of " + what, e);
        } catch (ExecutionException e) {
            throw ReplyWait.unwrap(e, what);
        }
    }
}
