package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.concurrent.EventExecutor;
import io.slotwise.ClusterClientOptions;
import io.slotwise.RedisClusterClient;
import io.slotwise.RedisException;
import io.slotwise.RetrySettings;
import io.slotwise.netty.SlotwiseCluster;
import io.slotwise.netty.testing.Await;
import io.slotwise.netty.testing.ClusterTestBase;
import io.slotwise.netty.testing.FakeClusterNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ClientCloseTest extends ClusterTestBase {

    @Test
    void closeCompletesPendingCommandsAndClosesEveryConnection() throws InterruptedException {
        startCluster(3, 0);
        RedisClusterClient client = connect();
        FakeClusterNode silent = cluster.primaries().get(1);
        silent.script("GET", -1, exchange -> {});
        CompletionStage<String> stalled = client.async().get(cluster.keyServedBy(silent, "stalled"));
        Await.until(() -> silent.requests("GET").size() == 1, () -> "the GET reached the node");

        Await.value(client.closeAsync());

        RedisException failure = Await.failure(stalled, RedisException.class);
        assertTrue(failure.getMessage().contains("closed"), failure.getMessage());
        for (FakeClusterNode node : cluster.nodes()) {
            Await.until(() -> node.openConnections() == 0, () -> node + " has no connection left");
        }
        assertEquals(1, events.closed.get());
        assertEquals(0, events.inFlight.get());
    }

    @Test
    void commandsWaitingForARetryFailWhenTheClientCloses() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect(options(cluster.primaries().get(0))
                .retry(new RetrySettings(10, Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .build());
        FakeClusterNode owner = cluster.primaries().get(1);
        owner.replyNext("SET", -1, "-TRYAGAIN later\r\n");
        CompletionStage<String> backingOff = client.async().set(cluster.keyServedBy(owner, "backoff"), "v");
        Await.until(() -> owner.requests("SET").size() == 1 && events.inFlight.get() == 0, () -> "TRYAGAIN arrived");
        for (EventExecutor loop : resources.eventLoopGroup()) {
            loop.submit(() -> {}).sync(); // the task that handled the reply, and scheduled the retry, has finished
        }

        Await.value(client.closeAsync());

        RedisException failure = Await.failure(backingOff, RedisException.class);
        assertTrue(failure.getMessage().contains("closed"), failure.getMessage());
    }

    @Test
    void commandsAfterCloseFailAtOnce() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect();
        client.close();

        RedisException failure = Await.failure(client.async().get("k"), RedisException.class);

        assertTrue(failure.getMessage().contains("closed"), failure.getMessage());
        Await.value(client.closeAsync());
    }

    @Test
    void aClientThatOwnsItsThreadsStopsThemOnClose() throws InterruptedException {
        startCluster(2, 0);
        ClusterClientOptions options = options(cluster.primaries().get(0)).build();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        RedisClusterClient client = SlotwiseCluster.connect(options);
        List<Thread> own = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("slotwise-io") && !before.contains(t))
                .toList();
        assertFalse(own.isEmpty(), "the client started its own I/O threads");
        Await.value(client.async().set("k", "v"));

        client.close();

        Await.until(() -> own.stream().noneMatch(Thread::isAlive), () -> "the client's own I/O threads stopped");
        for (FakeClusterNode node : cluster.nodes()) {
            Await.until(() -> node.openConnections() == 0, () -> node + " has no connection left");
        }
    }
}
