package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.ClusterClientOptions;
import io.slotwise.RedisClusterClient;
import io.slotwise.RedisConnectionException;
import io.slotwise.netty.testing.Await;
import io.slotwise.netty.testing.ClusterTestBase;
import io.slotwise.netty.testing.FakeClusterNode;
import io.slotwise.netty.testing.FakeRedisServer;
import io.slotwise.netty.testing.Responder;
import io.slotwise.routing.SlotHash;
import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterDiscoveryTest extends ClusterTestBase {

    @Test
    void discoversTheTopologyAndRoutesEachKeyToItsSlotOwner() throws InterruptedException {
        startCluster(3, 0);
        RedisClusterClient client = connect(options(cluster.primaries().get(0)).build());

        assertTrue(client.topology().coversAllSlots());
        for (FakeClusterNode primary : cluster.primaries()) {
            String key = cluster.keyServedBy(primary, "user:");
            Await.value(client.async().set(key, "v-" + key));
            assertEquals("v-" + key, Await.value(client.async().get(key)));
            assertEquals(
                    List.of(List.of("SET", key, "v-" + key)),
                    primary.requests("SET"),
                    "the SET went straight to the owner of slot " + SlotHash.slot(key));
        }
    }

    @Test
    void fallsBackToClusterSlotsWhenShardsIsUnknown() throws InterruptedException {
        startCluster(3, 0);
        cluster.nodes().forEach(FakeClusterNode::shardsUnsupported);

        RedisClusterClient client = connect();

        assertTrue(client.topology().coversAllSlots());
        assertEquals(3, client.topology().shards().size());
        // Two agreeing views decide, so the first node's fallback query may still be on its way.
        Await.until(
                () -> cluster.primaries().get(0).requests("CLUSTER").contains(List.of("CLUSTER", "SLOTS")),
                () -> "the first node was asked CLUSTER SLOTS after refusing SHARDS");
        String key = cluster.keyServedBy(cluster.primaries().get(2), "k");
        Await.value(client.async().set(key, "v"));
        assertEquals(1, cluster.primaries().get(2).requests("SET").size());
    }

    @Test
    void aSingleStaleSeedIsOutvoted() throws InterruptedException {
        startCluster(3, 0);
        FakeClusterNode stale = cluster.primaries().get(0);
        FakeClusterNode newOwner = cluster.primaries().get(1);
        stale.freezeView();
        cluster.moveAllSlots(cluster.primaries().get(2), newOwner);

        RedisClusterClient client =
                connect(options(stale, newOwner, cluster.primaries().get(2)).build());

        int movedSlot = SlotHash.SLOT_COUNT - 1;
        assertEquals(
                newOwner.address(),
                client.topology().shardForSlot(movedSlot).primary().address());
    }

    @Test
    void oneSeedIsCorroboratedByTheNodesItNames() throws InterruptedException {
        startCluster(3, 0);

        connect(options(cluster.primaries().get(0)).build());

        // Two agreeing views decide, so connect may return before the last node's query has arrived.
        for (FakeClusterNode primary : cluster.primaries()) {
            Await.until(() -> !primary.requests("CLUSTER").isEmpty(), () -> primary + " was asked for its view");
            assertEquals(1, primary.requests("CLUSTER").size(), () -> primary + " was asked once");
        }
    }

    @Test
    void connectFailsNamingEverySeedTriedAndWhy() throws InterruptedException {
        startCluster(2, 0);
        FakeClusterNode down = cluster.primaries().get(0);
        FakeClusterNode notCluster = cluster.primaries().get(1);
        down.stop();
        notCluster.replyNext("CLUSTER", -1, "-ERR This instance has cluster support disabled\r\n");

        ClusterClientOptions options = options(down, notCluster).build();
        RedisConnectionException failure = assertThrows(RedisConnectionException.class, () -> connect(options));

        String message = failure.getMessage();
        assertTrue(message.contains(down.address().toString()), message);
        assertTrue(message.contains(notCluster.address().toString()), message);
        assertTrue(message.contains("cluster support disabled"), message);
    }

    @Test
    void announcedAddressesAreMappedBeforeConnecting() throws InterruptedException {
        startCluster(2, 0);
        for (FakeClusterNode node : cluster.nodes()) {
            node.announceHost("127.0.0.2");
        }
        RedisClusterClient client = connect(options(cluster.primaries().get(0))
                .addressMapper(address -> new NodeAddress("127.0.0.1", address.port()))
                .build());

        FakeClusterNode second = cluster.primaries().get(1);
        String key = cluster.keyServedBy(second, "mapped");
        Await.value(client.async().set(key, "v"));

        assertEquals(
                "127.0.0.2",
                client.topology()
                        .shardForSlot(SlotHash.slot(key))
                        .primary()
                        .address()
                        .host());
        assertEquals(1, second.requests("SET").size());
    }

    @Test
    void theConnectionToASeedOutsideTheTopologyIsClosedAfterDiscovery() throws InterruptedException {
        startCluster(2, 0);
        try (FakeRedisServer outsider = FakeRedisServer.start(Responder.standard())) {
            RedisClusterClient client = connect(options(cluster.primaries().get(0))
                    .seeds(
                            "redis://" + outsider.address(),
                            cluster.primaries().get(0).seed())
                    .commandTimeout(Duration.ofMillis(500))
                    .build());

            assertEquals(1, outsider.acceptedConnections(), "the outsider was asked for its view");
            assertTrue(client.topology().nodeAt(outsider.address()).isEmpty());
            Await.until(() -> outsider.openConnections() == 0, () -> "the outsider's connection was closed");
        }
    }
}
