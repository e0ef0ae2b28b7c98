package io.slotwise.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisCommandException;
import io.slotwise.pubsub.ClusterSubscriber;
import io.slotwise.pubsub.PubSubListener;
import io.slotwise.pubsub.PubSubMessage;
import io.slotwise.pubsub.SubscriptionKind;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** The reactive subscriber: lazy confirmations as {@code Mono}s, messages as a {@code Flux} that stops on cancel. */
class ReactiveClusterSubscriberTest {

    private final Fake fake = new Fake();
    private final ReactiveClusterSubscriber<String, String> reactive = ReactiveClusterSubscriber.of(fake);

    @Test
    void observedMessagesOfEveryKindArriveAndCancellingRemovesTheListener() {
        List<PubSubMessage<String, String>> seen = new CopyOnWriteArrayList<>();
        Disposable observation = reactive.observeMessages().subscribe(seen::add);

        fake.listeners.forEach(l -> l.message("c", "1"));
        fake.listeners.forEach(l -> l.patternMessage("p*", "px", "2"));
        fake.listeners.forEach(l -> l.shardMessage("s", "3"));
        observation.dispose();

        assertEquals(
                List.of(
                        new PubSubMessage<>(SubscriptionKind.CHANNEL, null, "c", "1"),
                        new PubSubMessage<>(SubscriptionKind.PATTERN, "p*", "px", "2"),
                        new PubSubMessage<>(SubscriptionKind.SHARD_CHANNEL, null, "s", "3")),
                seen);
        assertTrue(fake.listeners.isEmpty(), "the listener is removed on cancel");
    }

    @Test
    void nothingIsSentUntilTheMonoIsSubscribedAndEachSubscriptionSendsAgain() {
        Mono<Void> subscribe = reactive.ssubscribe(List.of("s"));
        assertEquals(0, fake.calls.get());

        subscribe.block(Duration.ofSeconds(5));
        subscribe.block(Duration.ofSeconds(5));

        assertEquals(2, fake.calls.get());
    }

    @Test
    void aRefusedSubscriptionSignalsTheSameException() {
        RedisCommandException refused = new RedisCommandException("SSUBSCRIBE", "NOPERM no");
        fake.failure = refused;

        RedisCommandException thrown = assertThrows(
                RedisCommandException.class,
                () -> reactive.ssubscribe(List.of("s")).block());
        assertSame(refused, thrown);
    }

    /** Completes every call at once (or fails it) and keeps the listeners. */
    private static final class Fake implements ClusterSubscriber<String, String> {
        final List<PubSubListener<String, String>> listeners = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile RuntimeException failure;

        private CompletionStage<Void> call() {
            calls.incrementAndGet();
            return failure == null ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(failure);
        }

        @Override
        public CompletionStage<Void> subscribe(List<String> channels) {
            return call();
        }

        @Override
        public CompletionStage<Void> unsubscribe(List<String> channels) {
            return call();
        }

        @Override
        public CompletionStage<Void> psubscribe(List<String> patterns) {
            return call();
        }

        @Override
        public CompletionStage<Void> punsubscribe(List<String> patterns) {
            return call();
        }

        @Override
        public CompletionStage<Void> ssubscribe(List<String> shardChannels) {
            return call();
        }

        @Override
        public CompletionStage<Void> sunsubscribe(List<String> shardChannels) {
            return call();
        }

        @Override
        public void addListener(PubSubListener<String, String> listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(PubSubListener<String, String> listener) {
            listeners.remove(listener);
        }

        @Override
        public Set<String> subscriptions(SubscriptionKind kind) {
            return Set.of();
        }

        @Override
        public CompletionStage<Void> closeAsync() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {}
    }
}
