package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.ReadFrom;
import io.slotwise.RedisClusterClient;
import io.slotwise.netty.testing.Await;
import io.slotwise.netty.testing.ClusterTestBase;
import io.slotwise.netty.testing.FakeClusterNode;
import io.slotwise.netty.testing.FakeRedisServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadFromReplicaTest extends ClusterTestBase {

    @Test
    void replicaPreferredReadsFromTheReplicaOverAReadOnlyConnection() throws InterruptedException {
        startCluster(2, 1);
        RedisClusterClient client = connect(options(cluster.primaries().get(0))
                .readFrom(ReadFrom.REPLICA_PREFERRED)
                .build());
        FakeClusterNode primary = cluster.primaries().get(1);
        FakeClusterNode replica = cluster.replicasOf(primary).get(0);
        String key = cluster.keyServedBy(primary, "read");
        cluster.put(key, "from-replica");

        assertEquals("from-replica", Await.value(client.async().get(key)));

        List<FakeRedisServer.Request> onReplica = replica.requests();
        FakeRedisServer.Request get = onReplica.stream()
                .filter(r -> r.args().get(0).equals("GET"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                onReplica.stream()
                        .anyMatch(r ->
                                r.args().equals(List.of("READONLY")) && r.connectionNumber() == get.connectionNumber()),
                "READONLY was sent on the connection that read");
        assertEquals(0, primary.requests("GET").size());
        assertTrue(events.redirects.isEmpty(), "the replica served the read without a redirect");
    }

    @Test
    void writesGoToThePrimaryEvenWhenReadsPreferReplicas() throws InterruptedException {
        startCluster(2, 1);
        RedisClusterClient client = connect(options(cluster.primaries().get(0))
                .readFrom(ReadFrom.REPLICA_PREFERRED)
                .build());
        FakeClusterNode primary = cluster.primaries().get(1);
        String key = cluster.keyServedBy(primary, "write");

        Await.value(client.async().set(key, "v"));

        assertEquals(1, primary.requests("SET").size());
        assertEquals(0, cluster.replicasOf(primary).get(0).requests("SET").size());
    }

    @Test
    void primaryReadFromNeverSendsReadOnly() throws InterruptedException {
        startCluster(2, 1);
        RedisClusterClient client = connect();
        String key = cluster.keyServedBy(cluster.primaries().get(1), "primary");

        Await.value(client.async().get(key));

        for (FakeClusterNode node : cluster.nodes()) {
            assertEquals(0, node.requests("READONLY").size(), node::toString);
        }
        assertEquals(1, cluster.primaries().get(1).requests("GET").size());
    }

    @Test
    void nearestReadsFromTheNodeWithTheLowestMeasuredLatency() throws InterruptedException {
        startCluster(2, 2);
        FakeClusterNode primary = cluster.primaries().get(1);
        FakeClusterNode slowReplica = cluster.replicasOf(primary).get(0);
        FakeClusterNode fastReplica = cluster.replicasOf(primary).get(1);
        for (FakeClusterNode slow : List.of(primary, slowReplica)) {
            slow.script("PING", -1, exchange -> exchange.replyAfter(Duration.ofMillis(60), "+PONG\r\n"));
        }
        RedisClusterClient client = connect(options(cluster.primaries().get(0))
                .readFrom(ReadFrom.NEAREST)
                .latencyProbeInterval(Duration.ofMillis(150))
                .build());
        // A second probe is sent only after the first one's replies (60 ms) have arrived.
        Await.until(
                () -> primary.requests("PING").size() >= 2
                        && slowReplica.requests("PING").size() >= 2
                        && fastReplica.requests("PING").size() >= 2,
                () -> "every node of the shard was probed twice");
        String key = cluster.keyServedBy(primary, "nearest");
        cluster.put(key, "v");

        for (int i = 0; i < 6; i++) {
            assertEquals("v", Await.value(client.async().get(key)));
        }

        assertEquals(6, fastReplica.requests("GET").size(), "every read went to the fastest node");
        assertEquals(0, slowReplica.requests("GET").size());
        assertEquals(0, primary.requests("GET").size());
        assertEquals("OK", Await.value(client.async().set(key, "w")));
        assertEquals(1, primary.requests("SET").size(), "writes still go to the primary");
    }
}
