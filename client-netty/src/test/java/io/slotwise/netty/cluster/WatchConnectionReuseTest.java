package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisClusterClient;
import io.slotwise.api.AsyncCommands;
import io.slotwise.netty.connection.ConnectionOptions;
import io.slotwise.netty.connection.NodeConnection;
import io.slotwise.netty.testing.Await;
import io.slotwise.netty.testing.ClusterTestBase;
import io.slotwise.netty.testing.Exchange;
import io.slotwise.netty.testing.FakeClusterNode;
import io.slotwise.resp.RawCommand;
import io.slotwise.value.TransactionResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Watched transactions reuse a few dedicated connections per node instead of opening one per transaction; a
 * connection is reset with UNWATCH when keys may still be watched, and closed when it cannot be trusted, when its node
 * leaves the topology, and when the client closes.
 */
class WatchConnectionReuseTest extends ClusterTestBase {

    private static CompletionStage<TransactionResult> increment(AsyncCommands<String, String> c, String key) {
        return c.watchedTransaction(
                List.of(key),
                reads -> reads.get(key)
                        .thenApply(value ->
                                tx -> tx.set(key, String.valueOf(value == null ? 1 : Long.parseLong(value) + 1))));
    }

    @Test
    void manyWatchedTransactionsInARowShareOneDedicatedConnection() throws InterruptedException {
        startCluster(1, 0);
        FakeClusterNode owner = cluster.primaries().get(0);
        AsyncCommands<String, String> c = connect().async();
        int acceptedBefore = owner.acceptedConnections();

        for (int i = 0; i < 30; i++) {
            assertTrue(Await.value(increment(c, "{r}:counter")).executed());
        }

        assertEquals("30", cluster.value("{r}:counter"));
        assertEquals(acceptedBefore + 1, owner.acceptedConnections(), "one dedicated connection for 30 transactions");
        assertEquals(0, owner.requests("UNWATCH").size(), "EXEC ended each watch, nothing to reset");
    }

    @Test
    void concurrentWatchedTransactionsOpenWhatTheyNeedAndAFewStayIdleForLater() throws InterruptedException {
        startCluster(1, 0);
        FakeClusterNode owner = cluster.primaries().get(0);
        AsyncCommands<String, String> c = connect().async();
        int acceptedBefore = owner.acceptedConnections();
        int concurrent = ConnectionRegistry.MAX_IDLE_REUSABLE_PER_NODE + 3;
        CompletableFuture<Void> release = new CompletableFuture<>();
        List<CompletionStage<TransactionResult>> running = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            String key = "{r}:key" + i;
            running.add(c.watchedTransaction(
                    List.of(key), reads -> release.thenApply(ignored -> tx -> tx.set(key, "v"))));
        }
        Await.until(
                () -> owner.requests("WATCH").size() == concurrent, () -> "every transaction holds its own connection");
        release.complete(null);
        for (CompletionStage<TransactionResult> transaction : running) {
            assertTrue(Await.value(transaction).executed());
        }

        Await.until(
                () -> owner.openConnections() == 1 + ConnectionRegistry.MAX_IDLE_REUSABLE_PER_NODE,
                () -> "the shared connection and the idle limit stay open, not " + owner.openConnections());
        for (int i = 0; i < 20; i++) {
            assertTrue(Await.value(increment(c, "{r}:later")).executed());
        }
        assertEquals(acceptedBefore + concurrent, owner.acceptedConnections(), "later transactions reuse idle ones");
    }

    @Test
    void aWatchLeftByAFailedReadPhaseIsResetBeforeTheConnectionIsReused() throws InterruptedException {
        startCluster(1, 0);
        FakeClusterNode owner = cluster.primaries().get(0);
        AsyncCommands<String, String> c = connect().async();
        cluster.put("{r}:first", "1");
        IllegalStateException thrown = new IllegalStateException("the application gave up");

        Throwable failure = Await.failure(
                c.watchedTransaction(
                        List.of("{r}:first"),
                        reads -> reads.get("{r}:first").thenApply(value -> {
                            throw thrown;
                        })),
                IllegalStateException.class);
        assertSame(thrown, failure);
        assertEquals(1, owner.requests("UNWATCH").size(), "the connection was reset before the failure was reported");
        int acceptedAfterFirst = owner.acceptedConnections();
        cluster.put("{r}:first", "changed by another client");

        TransactionResult second = Await.value(increment(c, "{r}:second"));

        assertTrue(second.executed(), "the first transaction's watch did not survive into the second");
        assertEquals(acceptedAfterFirst, owner.acceptedConnections(), "the reset connection was reused");
    }

    @Test
    void aConnectionLostDuringTheReadPhaseIsClosedNotReused() throws InterruptedException {
        startCluster(1, 0);
        FakeClusterNode owner = cluster.primaries().get(0);
        AsyncCommands<String, String> c = connect().async();
        assertTrue(Await.value(increment(c, "{r}:warm")).executed());
        int acceptedWarm = owner.acceptedConnections();
        owner.script("GET", 1, Exchange::close);

        // Whether the client retries the transaction on another connection or fails it does not matter here.
        Await.value(c.watchedTransaction(
                        List.of("{r}:lost"),
                        reads -> reads.get("{r}:lost").thenApply(value -> tx -> tx.set("{r}:lost", "x")))
                .handle((result, failure) -> null));
        assertTrue(Await.value(increment(c, "{r}:after")).executed());

        assertEquals(acceptedWarm + 1, owner.acceptedConnections(), "a new connection replaced the lost one");
        assertEquals(0, owner.requests("UNWATCH").size(), "a broken connection is closed, not reset");
        Await.until(() -> owner.openConnections() == 2, () -> "the shared and one idle dedicated connection remain");
    }

    @Test
    void closingTheClientClosesItsIdleWatchConnections() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect();
        for (FakeClusterNode node : cluster.primaries()) {
            String key = cluster.keyServedBy(node, "close");
            assertTrue(Await.value(increment(client.async(), key)).executed());
        }

        Await.value(client.closeAsync());

        for (FakeClusterNode node : cluster.primaries()) {
            Await.until(() -> node.openConnections() == 0, () -> node + " has no connection left");
        }
    }

    @Test
    void idleWatchConnectionsOfANodeThatLeftTheTopologyAreClosed() throws InterruptedException {
        startCluster(2, 0);
        FakeClusterNode staying = cluster.primaries().get(0);
        FakeClusterNode leaving = cluster.primaries().get(1);
        ConnectionRegistry registry = new ConnectionRegistry(
                resources, ConnectionOptions.defaults(), UnaryOperator.identity(), events, node -> {});
        try {
            for (FakeClusterNode node : cluster.primaries()) {
                NodeConnection connection = registry.leaseReusable(node.address(), Duration.ofSeconds(10));
                Await.value(connection.send(RawCommand.of("PING")));
                registry.giveBack(connection);
                assertEquals(1, registry.idleReusable(node.address()));
            }

            registry.retainOnly(List.of(staying.address()), Duration.ZERO);

            assertEquals(0, registry.idleReusable(leaving.address()));
            assertEquals(1, registry.idleReusable(staying.address()));
            Await.until(() -> leaving.openConnections() == 0, () -> "the leaving node's idle connection was closed");
            NodeConnection reused = registry.leaseReusable(staying.address(), Duration.ofSeconds(10));
            assertEquals(1, staying.acceptedConnections(), "the staying node's idle connection is handed out again");
            registry.release(reused);
        } finally {
            Await.value(registry.closeAll());
        }
        for (FakeClusterNode node : cluster.primaries()) {
            Await.until(() -> node.openConnections() == 0, () -> node + " has no connection left");
        }
    }
}
