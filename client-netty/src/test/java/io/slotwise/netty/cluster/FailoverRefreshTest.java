package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.ClusterClientOptions;
import io.slotwise.RedisClusterClient;
import io.slotwise.RedisConnectionException;
import io.slotwise.RedisTimeoutException;
import io.slotwise.netty.connection.ReconnectBackoff;
import io.slotwise.netty.testing.Await;
import io.slotwise.netty.testing.ClusterTestBase;
import io.slotwise.netty.testing.Exchange;
import io.slotwise.netty.testing.FakeClusterNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failover without waiting for reconnects or the periodic refresh: dead and hung primaries whose slots move. */
class FailoverRefreshTest extends ClusterTestBase {

    private static final ReconnectBackoff ONE_MINUTE =
            new ReconnectBackoff(Duration.ofMinutes(1), Duration.ofMinutes(1));

    private RedisClusterClient tuned;

    @AfterEach
    void closeTunedClient() throws InterruptedException {
        if (tuned != null) {
            Await.value(tuned.closeAsync());
        }
    }

    @Test
    void commandsForADeadPrimaryReachTheNewOwnerWithinTheRefreshIntervalNotTheReconnectBackoff() throws Exception {
        startCluster(3, 0);
        FakeClusterNode dead = cluster.primaries().get(2);
        FakeClusterNode heir = cluster.primaries().get(0);
        Duration interval = Duration.ofMillis(300);
        RedisClusterClient client = connectWithSlowReconnects(
                options(cluster.primaries().get(0), cluster.primaries().get(1))
                        .adaptiveRefreshMinInterval(interval)
                        .commandTimeout(Duration.ofSeconds(30))
                        .build());
        String key = cluster.keyServedBy(dead, "failover");
        assertEquals("OK", Await.value(client.async().set(key, "before")));
        int refreshesBefore = events.refreshes.get();

        dead.stop();
        // The lost connection's own refresh still sees the dead node owning its slots.
        Await.until(() -> events.refreshes.get() > refreshesBefore, () -> "the lost connection triggered a refresh");
        long start = System.nanoTime();
        CompletionStage<String> waiting = client.async().set(key, "after");
        cluster.moveAllSlots(dead, heir);

        Duration bound = interval.plusSeconds(3);
        assertEquals("OK", waiting.toCompletableFuture().get(bound.toMillis(), TimeUnit.MILLISECONDS));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(bound) < 0, "took " + took);
        assertEquals("after", cluster.value(key));
        assertEquals(1, heir.requests("SET").size());
        assertTrue(
                events.retries.stream()
                        .anyMatch(r -> r.cause() instanceof RedisConnectionException lost && !lost.mayHaveExecuted()),
                "the command waited on the dead node's connection and was released as not sent: " + events.retries);
    }

    @Test
    void aTimeoutOnAHungPrimaryRefreshesSoTheNextCommandsGoToTheNewOwner() throws InterruptedException {
        HungPrimary scene = hungPrimary(Duration.ofSeconds(1));
        cluster.moveAllSlots(scene.hung, scene.heir);
        int refreshesBefore = events.refreshes.get();

        Await.failure(scene.client.async().get(scene.key), RedisTimeoutException.class);
        Await.until(() -> events.refreshes.get() > refreshesBefore, () -> "the timeout triggered a refresh");

        assertEquals("value", Await.value(scene.client.async().get(scene.key)));
        assertEquals("value", Await.value(scene.client.async().get(scene.key)));
        assertEquals(1, scene.hung.requests("GET").size(), "only the command that timed out went to the hung node");
        assertEquals(2, scene.heir.requests("GET").size());
    }

    @Test
    void commandsForAnUnresponsivePrimaryWaitForTheNextRefreshAndReachThePromotedOwner() throws InterruptedException {
        HungPrimary scene = hungPrimary(Duration.ofMillis(300));
        int refreshesBefore = events.refreshes.get();
        Await.failure(scene.client.async().get(scene.key), RedisTimeoutException.class);
        // That refresh still shows the hung node owning the key; the replica is promoted only now.
        Await.until(() -> events.refreshes.get() > refreshesBefore, () -> "the timeout triggered a refresh");

        CompletionStage<String> held = scene.client.async().get(scene.key);
        cluster.moveAllSlots(scene.hung, scene.heir);

        assertEquals("value", Await.value(held));
        assertEquals(
                1, scene.hung.requests("GET").size(), "the second GET waited for the refresh instead of the hung node");
        assertEquals(1, scene.heir.requests("GET").size());
    }

    /** A 3-primary cluster whose third primary holds {@code key} and answers neither GET nor CLUSTER. */
    private record HungPrimary(RedisClusterClient client, FakeClusterNode hung, FakeClusterNode heir, String key) {}

    private HungPrimary hungPrimary(Duration adaptiveInterval) throws InterruptedException {
        startCluster(3, 0);
        FakeClusterNode hung = cluster.primaries().get(2);
        RedisClusterClient client =
                connect(options(cluster.primaries().get(0), cluster.primaries().get(1))
                        .commandTimeout(Duration.ofMillis(500))
                        .adaptiveRefreshMinInterval(adaptiveInterval)
                        .build());
        String key = cluster.keyServedBy(hung, "hung");
        cluster.put(key, "value");
        hung.script("GET", -1, exchange -> {});
        hung.script("CLUSTER", -1, exchange -> {});
        return new HungPrimary(client, hung, cluster.primaries().get(0), key);
    }

    @Test
    void aBurstOfTimeoutsCausesOneRefresh() throws InterruptedException {
        startCluster(2, 0);
        FakeClusterNode slow = cluster.primaries().get(1);
        RedisClusterClient client = connect(options(cluster.primaries().get(0))
                .commandTimeout(Duration.ofMillis(300))
                .build());
        slow.script("GET", -1, exchange -> {});
        int refreshesBefore = events.refreshes.get();

        List<CompletionStage<String>> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(client.async().get(cluster.keyServedBy(slow, "burst-" + i + "-")));
        }
        for (CompletionStage<String> command : burst) {
            Await.failure(command, RedisTimeoutException.class);
        }
        Await.until(
                () -> events.refreshes.get() + events.failedRefreshes.get() > refreshesBefore,
                () -> "the timeouts triggered a refresh");

        assertEquals(refreshesBefore + 1, events.refreshes.get(), "twenty timeouts, one refresh");
        assertEquals(0, events.failedRefreshes.get());
    }

    @Test
    void aLostConnectionTriggersARefresh() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect();
        FakeClusterNode owner = cluster.primaries().get(1);
        String key = cluster.keyServedBy(owner, "lost");
        cluster.put(key, "value");
        int refreshesBefore = events.refreshes.get();
        owner.script("GET", 1, Exchange::close);

        assertEquals("value", Await.value(client.async().get(key)));

        Await.until(() -> events.refreshes.get() > refreshesBefore, () -> "the lost connection triggered a refresh");
    }

    /** Connects with a one-minute reconnect backoff (no jitter), far longer than any wait the test allows. */
    private RedisClusterClient connectWithSlowReconnects(ClusterClientOptions options)
            throws InterruptedException, ExecutionException, TimeoutException {
        tuned = NettyClusterClient.start(
                        options,
                        resources,
                        false,
                        null,
                        connection -> connection.toBuilder()
                                .reconnectBackoff(ONE_MINUTE)
                                .jitterSource(() -> 1.0)
                                .build())
                .toCompletableFuture()
                .get(Await.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        return tuned;
    }
}
