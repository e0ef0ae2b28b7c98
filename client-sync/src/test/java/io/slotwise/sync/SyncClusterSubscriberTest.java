package io.slotwise.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisCommandException;
import io.slotwise.RedisTimeoutException;
import io.slotwise.pubsub.ClusterSubscriber;
import io.slotwise.pubsub.PubSubListener;
import io.slotwise.pubsub.SubscriptionKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The blocking subscriber returns once the async call's confirmations are in, and throws what it failed with. */
class SyncClusterSubscriberTest {

    private final ExecutorService caller = Executors.newSingleThreadExecutor();
    private final Pending pending = new Pending();

    @AfterEach
    void stopCaller() {
        caller.shutdownNow();
    }

    @Test
    void ssubscribeReturnsOnlyOnceTheConfirmationArrived() throws Exception {
        SyncClusterSubscriber<String, String> sync = SyncClusterSubscriber.of(pending);
        Future<?> call = caller.submit(() -> sync.ssubscribe(List.of("s")));

        pending.awaitCalls(1);
        assertTrue(!call.isDone(), "still waiting for the confirmation");
        pending.calls.get(0).complete(null);

        call.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("ssubscribe"), pending.names);
    }

    @Test
    void aRefusedSubscriptionThrowsTheSameExceptionTheAsyncCallFailedWith() {
        RedisCommandException refused = new RedisCommandException("SUBSCRIBE", "NOPERM no permissions");
        pending.next = CompletableFuture.failedFuture(refused);

        RedisCommandException thrown = assertThrows(
                RedisCommandException.class,
                () -> SyncClusterSubscriber.of(pending).subscribe(List.of("c")));

        assertSame(refused, thrown);
    }

    @Test
    void aConfirmationThatNeverComesEndsInATimeout() {
        SyncOptions quick = SyncOptions.builder()
                .commandTimeout(Duration.ofMillis(50))
                .deadlineMargin(Duration.ofMillis(10))
                .build();

        assertThrows(
                RedisTimeoutException.class,
                () -> SyncClusterSubscriber.of(pending, quick).psubscribe(List.of("p*")));
    }

    @Test
    void blockingOnAnIoThreadIsRefusedBeforeAnythingIsSent() {
        SyncOptions everyThreadIsIo =
                SyncOptions.builder().ioThreadCheck(thread -> true).build();

        assertThrows(
                IllegalStateException.class,
                () -> SyncClusterSubscriber.of(pending, everyThreadIsIo).subscribe(List.of("c")));
        assertTrue(pending.names.isEmpty());
    }

    /** Records calls and completes them when the test says so. */
    private static final class Pending implements ClusterSubscriber<String, String> {
        final List<String> names = new ArrayList<>();
        final List<CompletableFuture<Void>> calls = new ArrayList<>();
        CompletableFuture<Void> next;

        synchronized CompletionStage<Void> call(String name) {
            names.add(name);
            CompletableFuture<Void> call = next != null ? next : new CompletableFuture<>();
            calls.add(call);
            notifyAll();
            return call;
        }

        synchronized void awaitCalls(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (calls.size() < count && System.nanoTime() < deadline) {
                wait(100);
            }
        }

        @Override
        public CompletionStage<Void> subscribe(List<String> channels) {
            return call("subscribe");
        }

        @Override
        public CompletionStage<Void> unsubscribe(List<String> channels) {
            return call("unsubscribe");
        }

        @Override
        public CompletionStage<Void> psubscribe(List<String> patterns) {
            return call("psubscribe");
        }

        @Override
        public CompletionStage<Void> punsubscribe(List<String> patterns) {
            return call("punsubscribe");
        }

        @Override
        public CompletionStage<Void> ssubscribe(List<String> shardChannels) {
            return call("ssubscribe");
        }

        @Override
        public CompletionStage<Void> sunsubscribe(List<String> shardChannels) {
            return call("sunsubscribe");
        }

        @Override
        public void addListener(PubSubListener<String, String> listener) {}

        @Override
        public void removeListener(PubSubListener<String, String> listener) {}

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
