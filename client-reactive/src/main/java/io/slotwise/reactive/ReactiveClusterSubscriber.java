package io.slotwise.reactive;

import io.slotwise.pubsub.ClusterSubscriber;
import io.slotwise.pubsub.PubSubListener;
import io.slotwise.pubsub.PubSubMessage;
import io.slotwise.pubsub.SubscriptionKind;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * The Project Reactor flavour of a {@link ClusterSubscriber}: (un)subscribe calls are lazy {@link Mono}s that complete
 * when the server confirmed every channel, and messages are a {@link Flux}.
 *
 * <pre>{@code
 * ReactiveClusterSubscriber<String, String> pubSub = ReactiveClusterSubscriber.of(client.pubSub());
 * pubSub.observeMessages()
 *         .filter(m -> m.kind() == SubscriptionKind.SHARD_CHANNEL)
 *         .subscribe(m -> handle(m.message()));
 * pubSub.ssubscribe(List.of("orders:{eu}")).block();
 * }</pre>
 *
 * <p><b>Laziness.</b> Nothing is sent until a {@code Mono} is subscribed; each subscription sends again.
 * <b>Messages.</b> Each subscription to {@link #observeMessages()} registers its own listener, removed on cancel; it
 * sees messages arriving from then on, buffered without bound when downstream is slower (apply {@code
 * onBackpressureDrop()} or {@code onBackpressureLatest()} to bound it). <b>Threads.</b> Signals arrive on the client's
 * I/O threads: do not block downstream; use {@code publishOn(...)}. Thread-safe.
 *
 * @param <K> the channel type
 * @param <V> the message type
 */
public final class ReactiveClusterSubscriber<K, V> {

    private final ClusterSubscriber<K, V> subscriber;

    private ReactiveClusterSubscriber(ClusterSubscriber<K, V> subscriber) {
        this.subscriber = subscriber;
    }

    /**
     * Wraps a subscriber.
     *
     * @param subscriber the async subscriber, never {@code null}
     * @param <K> the channel type
     * @param <V> the message type
     * @return the reactive facade
     */
    public static <K, V> ReactiveClusterSubscriber<K, V> of(ClusterSubscriber<K, V> subscriber) {
        return new ReactiveClusterSubscriber<>(Objects.requireNonNull(subscriber, "subscriber"));
    }

    /**
     * {@link ClusterSubscriber#subscribe}, lazily.
     *
     * @param channels the channels, at least one
     * @return completes empty once every channel is confirmed
     */
    public Mono<Void> subscribe(List<K> channels) {
        return lazy(() -> subscriber.subscribe(channels));
    }

    /**
     * {@link ClusterSubscriber#unsubscribe}, lazily.
     *
     * @param channels the channels, at least one
     * @return completes empty once every channel is confirmed unsubscribed
     */
    public Mono<Void> unsubscribe(List<K> channels) {
        return lazy(() -> subscriber.unsubscribe(channels));
    }

    /**
     * {@link ClusterSubscriber#psubscribe}, lazily.
     *
     * @param patterns the patterns, at least one
     * @return completes empty once every pattern is confirmed
     */
    public Mono<Void> psubscribe(List<K> patterns) {
        return lazy(() -> subscriber.psubscribe(patterns));
    }

    /**
     * {@link ClusterSubscriber#punsubscribe}, lazily.
     *
     * @param patterns the patterns, at least one
     * @return completes empty once every pattern is confirmed unsubscribed
     */
    public Mono<Void> punsubscribe(List<K> patterns) {
        return lazy(() -> subscriber.punsubscribe(patterns));
    }

    /**
     * {@link ClusterSubscriber#ssubscribe}, lazily.
     *
     * @param shardChannels the shard channels, at least one
     * @return completes empty once every shard channel is confirmed by its owner
     */
    public Mono<Void> ssubscribe(List<K> shardChannels) {
        return lazy(() -> subscriber.ssubscribe(shardChannels));
    }

    /**
     * {@link ClusterSubscriber#sunsubscribe}, lazily.
     *
     * @param shardChannels the shard channels, at least one
     * @return completes empty once every shard channel is confirmed unsubscribed
     */
    public Mono<Void> sunsubscribe(List<K> shardChannels) {
        return lazy(() -> subscriber.sunsubscribe(shardChannels));
    }

    /**
     * Streams the messages of every subscription of this subscriber (classic, pattern and shard), from subscription
     * on. Never completes by itself; cancel it to stop listening (the subscriptions stay).
     *
     * @return a hot {@code Flux} of messages
     */
    public Flux<PubSubMessage<K, V>> observeMessages() {
        return Flux.create(
                sink -> {
                    PubSubListener<K, V> listener = new PubSubListener<>() {
                        @Override
                        public void message(K channel, V message) {
                            sink.next(new PubSubMessage<>(SubscriptionKind.CHANNEL, null, channel, message));
                        }

                        @Override
                        public void patternMessage(K pattern, K channel, V message) {
                            sink.next(new PubSubMessage<>(SubscriptionKind.PATTERN, pattern, channel, message));
                        }

                        @Override
                        public void shardMessage(K shardChannel, V message) {
                            sink.next(new PubSubMessage<>(SubscriptionKind.SHARD_CHANNEL, null, shardChannel, message));
                        }
                    };
                    subscriber.addListener(listener);
                    sink.onDispose(() -> subscriber.removeListener(listener));
                },
                FluxSink.OverflowStrategy.BUFFER);
    }

    /**
     * Returns the wrapped async subscriber (to close it, or to add listeners).
     *
     * @return the subscriber, never {@code null}
     */
    public ClusterSubscriber<K, V> async() {
        return subscriber;
    }

    /** Names the facade; never channel names. */
    @Override
    public String toString() {
        return "ReactiveClusterSubscriber";
    }

    private static Mono<Void> lazy(Supplier<CompletionStage<Void>> call) {
        return Mono.fromCompletionStage(call).onErrorMap(CompletionException.class, ReactiveClusterSubscriber::unwrap);
    }

    private static Throwable unwrap(CompletionException wrapped) {
        Throwable cause = wrapped;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
