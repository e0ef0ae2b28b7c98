package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.slotwise.RedisClusterClient;
import io.slotwise.RedisTimeoutException;
import io.slotwise.netty.testing.Await;
import io.slotwise.netty.testing.ClusterTestBase;
import io.slotwise.netty.testing.Exchange;
import io.slotwise.netty.testing.FakeClusterNode;
import io.slotwise.netty.testing.FakeRedisServer;
import io.slotwise.value.KeyValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockingAndPeriodicTest extends ClusterTestBase {

    @Test
    void aBlockingCommandWaitsBeyondTheCommandTimeoutOnAConnectionOfItsOwn() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect(options(cluster.primaries().get(0))
                .commandTimeout(Duration.ofMillis(300))
                .build());
        FakeClusterNode owner = cluster.primaries().get(1);
        String key = cluster.keyServedBy(owner, "queue");
        Await.value(client.async().get(key));
        owner.script(
                "BLPOP",
                1,
                exchange -> exchange.replyAfter(
                        Duration.ofMillis(600), "*2\r\n" + Exchange.bulk(key) + Exchange.bulk("job")));

        KeyValue<String, String> popped = Await.value(client.async().blpop(Duration.ofSeconds(2), List.of(key)));

        assertEquals("job", popped.value());
        int shared = connectionOf(owner, "GET");
        int dedicated = connectionOf(owner, "BLPOP");
        assertNotEquals(shared, dedicated, "BLPOP did not share the multiplexed connection");
    }

    @Test
    void blockingCommandsInALoopReuseOneDedicatedConnection() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect(options(cluster.primaries().get(0)).build());
        FakeClusterNode owner = cluster.primaries().get(1);
        String key = cluster.keyServedBy(owner, "queue");
        Await.value(client.async().get(key));
        owner.script("BLPOP", -1, exchange -> exchange.reply("*2\r\n" + Exchange.bulk(key) + Exchange.bulk("job")));

        for (int i = 0; i < 20; i++) {
            assertEquals(
                    "job",
                    Await.value(client.async().blpop(Duration.ofSeconds(1), List.of(key)))
                            .value());
        }

        assertEquals(2, owner.acceptedConnections(), "one shared and one dedicated connection for 20 BLPOPs");
        client.close();
        Await.until(() -> owner.openConnections() == 0, () -> "closing the client closed the idle dedicated one");
    }

    @Test
    void aBlockingCommandThatTimesOutClosesItsConnectionInsteadOfReusingIt() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect(options(cluster.primaries().get(0))
                .commandTimeout(Duration.ofMillis(200))
                .build());
        FakeClusterNode owner = cluster.primaries().get(1);
        String key = cluster.keyServedBy(owner, "queue");
        Await.value(client.async().get(key));
        owner.script("BLPOP", 1, exchange -> {}); // the server never answers the first BLPOP
        owner.script("BLPOP", 1, exchange -> exchange.reply("*2\r\n" + Exchange.bulk(key) + Exchange.bulk("job")));

        Await.failure(client.async().blpop(Duration.ofMillis(100), List.of(key)), RedisTimeoutException.class);
        assertEquals(
                "job",
                Await.value(client.async().blpop(Duration.ofMillis(100), List.of(key)))
                        .value());

        assertNotEquals(
                connectionOf(owner, "BLPOP", 0),
                connectionOf(owner, "BLPOP", 1),
                "the timed-out BLPOP's connection, which the server may still block, was not reused");
        Await.until(() -> owner.openConnections() == 2, () -> "the timed-out connection was closed");
    }

    @Test
    void thePeriodicRefreshPicksUpChangesOfAnIdleClient() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect(options(cluster.primaries().get(0))
                .topologyRefreshPeriod(Duration.ofMillis(50))
                .adaptiveRefreshMinInterval(Duration.ZERO)
                .build());
        FakeClusterNode newOwner = cluster.primaries().get(1);
        cluster.assign(0, newOwner);

        Await.until(
                () -> client.topology().shardForSlot(0).primary().address().equals(newOwner.address()),
                () -> "a periodic refresh saw slot 0 move");
        Await.until(() -> events.refreshes.get() >= 3, () -> "refreshes keep coming");
    }

    private static int connectionOf(FakeClusterNode node, String command, int occurrence) {
        return node.requests().stream()
                .filter(r -> r.args().get(0).equals(command))
                .map(FakeRedisServer.Request::connectionNumber)
                .skip(occurrence)
                .findFirst()
                .orElseThrow();
    }

    private static int connectionOf(FakeClusterNode node, String command) {
        return node.requests().stream()
                .filter(r -> r.args().get(0).equals(command))
                .map(FakeRedisServer.Request::connectionNumber)
                .findFirst()
                .orElseThrow();
    }
}
