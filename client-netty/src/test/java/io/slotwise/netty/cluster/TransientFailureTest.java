package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisClusterClient;
import io.slotwise.RedisCommandException;
import io.slotwise.RetrySettings;
import io.slotwise.UncoveredSlotException;
import io.slotwise.netty.testing.Await;
import io.slotwise.netty.testing.ClusterTestBase;
import io.slotwise.netty.testing.FakeClusterNode;
import io.slotwise.routing.SlotHash;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransientFailureTest extends ClusterTestBase {

    static Stream<Arguments> transientErrors() {
        return Stream.of(
                Arguments.of("TRYAGAIN Multiple keys request during rehashing of slot"),
                Arguments.of("CLUSTERDOWN The cluster is down"),
                Arguments.of("LOADING Redis is loading the dataset in memory"),
                Arguments.of("MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."));
    }

    @ParameterizedTest
    @MethodSource("transientErrors")
    void transientErrorsAreRetriedWithBackoffUntilTheCommandSucceeds(String error) throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect();
        FakeClusterNode owner = cluster.primaries().get(1);
        String key = cluster.keyServedBy(owner, "transient");
        owner.replyNext("SET", 2, "-" + error + "\r\n");

        assertEquals("OK", Await.value(client.async().set(key, "v")));

        assertEquals(3, owner.requests("SET").size(), "two failed attempts, then the successful one");
        assertEquals(2, events.retries.size());
        assertEquals(3, events.retries.get(1).attempt());
        assertEquals("v", cluster.value(key));
    }

    @Test
    void retriesWaitAnExponentiallyGrowingBackoff() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect(options(cluster.primaries().get(0))
                .retry(new RetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(1)))
                .build());
        FakeClusterNode owner = cluster.primaries().get(1);
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        owner.script("SET", 3, exchange -> {
            arrivals.add(System.nanoTime());
            exchange.reply(arrivals.size() < 3 ? "-TRYAGAIN later\r\n" : "+OK\r\n");
        });

        assertEquals("OK", Await.value(client.async().set(cluster.keyServedBy(owner, "backoff"), "v")));

        long first = Duration.ofNanos(arrivals.get(1) - arrivals.get(0)).toMillis();
        long second = Duration.ofNanos(arrivals.get(2) - arrivals.get(1)).toMillis();
        assertTrue(first >= 50, "the first backoff is 100 ms +- 50 %, was " + first + " ms");
        assertTrue(second >= 100, "the second backoff is 200 ms +- 50 %, was " + second + " ms");
    }

    @Test
    void aTransientErrorThatPersistsFailsAfterTheLastAttemptWithTheServersText() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect();
        FakeClusterNode owner = cluster.primaries().get(0);
        String key = cluster.keyServedBy(owner, "down");
        owner.replyNext("GET", -1, "-CLUSTERDOWN The cluster is down\r\n");

        RedisCommandException failure = Await.failure(client.async().get(key), RedisCommandException.class);

        assertEquals("CLUSTERDOWN The cluster is down", failure.getMessage());
        assertEquals("GET", failure.command());
        assertEquals(4, owner.requests("GET").size(), "maxAttempts is 4");
    }

    @Test
    void applicationErrorsAreNotRetried() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect();
        FakeClusterNode owner = cluster.primaries().get(0);
        String key = cluster.keyServedBy(owner, "wrongtype");
        owner.replyNext("GET", -1, "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");

        RedisCommandException failure = Await.failure(client.async().get(key), RedisCommandException.class);

        assertEquals("WRONGTYPE", failure.code());
        assertEquals(1, owner.requests("GET").size());
        assertTrue(events.retries.isEmpty());
    }

    @Test
    void anUncoveredSlotRefreshesTheTopologyAndIsRetriedOnceItIsServed() throws InterruptedException {
        startCluster(2, 0);
        FakeClusterNode owner = cluster.primaries().get(1);
        String key = cluster.keyServedBy(owner, "uncovered");
        int slot = SlotHash.slot(key);
        cluster.assign(slot, null);
        RedisClusterClient client = connect(options(cluster.primaries().get(0))
                .retry(new RetrySettings(50, Duration.ofMillis(5), Duration.ofMillis(20)))
                .build());
        assertNull(client.topology().shardForSlot(slot));
        cluster.assign(slot, owner);

        assertEquals("OK", Await.value(client.async().set(key, "v")));

        UncoveredSlotException first =
                (UncoveredSlotException) events.retries.get(0).cause();
        assertEquals(slot, first.slot());
        assertTrue(first.getMessage().contains("slot " + slot), first.getMessage());
        assertEquals(
                owner.address(), client.topology().shardForSlot(slot).primary().address());
    }

    @Test
    void anUncoveredSlotFailsNamingTheSlotOnceRetriesAreUsedUp() throws InterruptedException {
        startCluster(2, 0);
        String key = cluster.keyServedBy(cluster.primaries().get(0), "nobody");
        int slot = SlotHash.slot(key);
        cluster.assign(slot, null);
        RedisClusterClient client = connect();

        UncoveredSlotException failure = Await.failure(client.async().get(key), UncoveredSlotException.class);

        assertEquals(slot, failure.slot());
        assertEquals(3, events.retries.size());
    }
}
