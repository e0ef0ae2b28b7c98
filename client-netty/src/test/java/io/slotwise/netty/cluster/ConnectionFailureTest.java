package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisClusterClient;
import io.slotwise.RedisConnectionException;
import io.slotwise.RedisTimeoutException;
import io.slotwise.RetrySettings;
import io.slotwise.netty.testing.Await;
import io.slotwise.netty.testing.ClusterTestBase;
import io.slotwise.netty.testing.Exchange;
import io.slotwise.netty.testing.FakeClusterNode;
import io.slotwise.netty.testing.FakeRedisServer;
import io.slotwise.resp.RespProtocolException;
import io.slotwise.routing.SlotHash;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionFailureTest extends ClusterTestBase {

    @Test
    void aRefusedNodeIsAvoidedOnceTheRefreshedTopologyMovesItsSlots() throws InterruptedException {
        startCluster(3, 0);
        FakeClusterNode dead = cluster.primaries().get(2);
        FakeClusterNode heir = cluster.primaries().get(0);
        RedisClusterClient client =
                connect(options(cluster.primaries().get(0), cluster.primaries().get(1))
                        .retry(new RetrySettings(50, Duration.ofMillis(5), Duration.ofMillis(20)))
                        .adaptiveRefreshMinInterval(Duration.ofMillis(20))
                        .build());
        String key = cluster.keyServedBy(dead, "failover");
        // A read opens the connection to the node (the discovery need not: two seeds that agree decide the topology),
        // so a SET written before its loss is noticed would be in flight.
        Await.value(client.async().get(key));
        dead.stop();
        cluster.moveAllSlots(dead, heir);
        Await.until(() -> events.connectionTrouble.contains(dead.address()), () -> "the client noticed the dead node");

        assertEquals("OK", Await.value(client.async().set(key, "v")));

        assertEquals(0, dead.requests("SET").size());
        assertEquals(1, heir.requests("SET").size());
        assertTrue(events.connectionTrouble.stream().anyMatch(node -> node.equals(dead.address())));
        assertTrue(events.retries.stream()
                .allMatch(r -> r.cause() instanceof RedisConnectionException lost && !lost.mayHaveExecuted()));
        assertEquals(
                heir.address(),
                client.topology().shardForSlot(SlotHash.slot(key)).primary().address(),
                "the refresh gave the dead node's slots to their new owner");
    }

    @Test
    void aNodeThatStopsAnsweringTimesCommandsOut() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect(options(cluster.primaries().get(0))
                .commandTimeout(Duration.ofSeconds(1))
                .build());
        FakeClusterNode silent = cluster.primaries().get(1);
        silent.script("GET", -1, exchange -> {});
        String key = cluster.keyServedBy(silent, "silent");

        RedisTimeoutException failure = Await.failure(client.async().get(key), RedisTimeoutException.class);

        assertTrue(failure.getMessage().contains(silent.address().toString()), failure.getMessage());
        assertEquals(1, silent.requests("GET").size(), "a timeout is not retried");
        Await.until(() -> events.inFlight.get() == 0, () -> "no request is left in flight");
    }

    @Test
    void malformedReplyBytesFailTheWriteWithTheProtocolErrorAndTheNodeServesAgainOnAFreshConnection()
            throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect();
        FakeClusterNode owner = cluster.primaries().get(1);
        owner.script("SET", 1, exchange -> exchange.reply("?not resp\r\n"));
        String key = cluster.keyServedBy(owner, "malformed");

        RedisConnectionException failure = Await.failure(client.async().set(key, "v"), RedisConnectionException.class);

        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertInstanceOf(RespProtocolException.class, root);
        assertTrue(failure.getMessage().contains("protocol error"), failure::getMessage);
        assertTrue(failure.mayHaveExecuted(), "the SET reached the node before its reply broke");
        assertEquals(1, owner.requests("SET").size(), "a write of unknown outcome is not replayed");
        assertEquals("OK", Await.value(client.async().set(key, "again")));
        assertEquals("again", Await.value(client.async().get(key)));
        List<Integer> setConnections = owner.requests().stream()
                .filter(request -> request.args().get(0).equals("SET"))
                .map(FakeRedisServer.Request::connectionNumber)
                .toList();
        assertEquals(2, setConnections.size());
        assertNotEquals(setConnections.get(0), setConnections.get(1), "the broken connection was never reused");
        Await.until(() -> events.inFlight.get() == 0, () -> "no request is left in flight");
    }

    @Test
    void aWriteWhoseConnectionDiesAfterSendingIsNotReplayed() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect();
        FakeClusterNode owner = cluster.primaries().get(1);
        owner.script("SET", 1, Exchange::close);
        String key = cluster.keyServedBy(owner, "unknown-outcome");

        RedisConnectionException failure = Await.failure(client.async().set(key, "v"), RedisConnectionException.class);

        assertTrue(failure.mayHaveExecuted());
        assertTrue(failure.getMessage().contains("may or may not have been applied"), failure.getMessage());
        assertTrue(failure.getMessage().contains("replayUnknownOutcomeWrites"), failure.getMessage());
        assertEquals(1, owner.requests("SET").size());
    }

    @Test
    void aWriteWhoseConnectionDiesAfterSendingIsReplayedWhenTheUserOptedIn() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect(options(cluster.primaries().get(0))
                .replayUnknownOutcomeWrites(true)
                .build());
        FakeClusterNode owner = cluster.primaries().get(1);
        owner.script("SET", 1, Exchange::close);
        String key = cluster.keyServedBy(owner, "idempotent");

        assertEquals("OK", Await.value(client.async().set(key, "v")));

        assertEquals(2, owner.requests("SET").size());
    }

    @Test
    void aReadWhoseConnectionDiesAfterSendingIsReplayed() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect();
        FakeClusterNode owner = cluster.primaries().get(1);
        String key = cluster.keyServedBy(owner, "read");
        cluster.put(key, "value");
        owner.script("GET", 1, Exchange::close);

        assertEquals("value", Await.value(client.async().get(key)));

        assertEquals(2, owner.requests("GET").size());
        RedisConnectionException first =
                (RedisConnectionException) events.retries.get(0).cause();
        assertTrue(first.mayHaveExecuted());
    }
}
