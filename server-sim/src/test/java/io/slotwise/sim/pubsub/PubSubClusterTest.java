package io.slotwise.sim.pubsub;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimCluster;
import io.slotwise.sim.SimClusterNode;
import io.slotwise.sim.keyspace.KeySlot;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Pub/Sub across the nodes of an embedded cluster of two primaries with one replica each. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PubSubClusterTest {
    private SimCluster cluster;

    @BeforeAll
    void startCluster() {
        cluster = SimCluster.builder()
                .primaries(2)
                .replicasPerPrimary(1)
                .nodeTimeout(Duration.ofMillis(500))
                .start();
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    void publishOnOneNodeReachesSubscribersOnEveryNode() {
        List<RespClient> subscribers = new ArrayList<>();
        try (RespClient publisher = RespClient.connect(cluster.nodes().get(0).port())) {
            for (SimClusterNode node : cluster.nodes()) {
                RespClient subscriber = RespClient.connect(node.port());
                subscribers.add(subscriber);
                assertEquals(array(bulk("subscribe"), bulk("news"), integer(1)), subscriber.call("SUBSCRIBE", "news"));
            }

            assertEquals(integer(1), publisher.call("PUBLISH", "news", "hello"), "PUBLISH counts local receivers");

            for (RespClient subscriber : subscribers) {
                assertEquals(array(bulk("message"), bulk("news"), bulk("hello")), subscriber.read());
            }
        } finally {
            subscribers.forEach(RespClient::close);
        }
    }

    @Test
    void shardMessagesStayInTheirShardAndALostSlotUnsubscribesItsChannels() {
        String channel = "{orders}created";
        int slot = KeySlot.of(channel.getBytes(StandardCharsets.UTF_8));
        SimClusterNode owner = cluster.primaryForSlot(slot).orElseThrow();
        SimClusterNode other = cluster.primaries().stream()
                .filter(node -> node != owner)
                .findFirst()
                .orElseThrow();
        SimClusterNode ownersReplica = replicaOf(owner);
        SimClusterNode othersReplica = replicaOf(other);
        boolean moved = false;
        try (RespClient onOwner = RespClient.connect(owner.port());
                RespClient onReplica = RespClient.connect(ownersReplica.port());
                RespClient onOther = RespClient.connect(other.port());
                RespClient publisher = RespClient.connect(owner.port())) {
            String subscribed = array(bulk("ssubscribe"), bulk(channel), integer(1));
            assertEquals(subscribed, onOwner.call("SSUBSCRIBE", channel));
            assertEquals(subscribed, onReplica.call("SSUBSCRIBE", channel), "a replica serves its master's shard");
            assertEquals(error("MOVED " + slot + " 127.0.0.1:" + owner.port()), onOther.call("SSUBSCRIBE", channel));
            assertEquals(
                    error("CROSSSLOT Keys in request don't hash to the same slot"),
                    onOther.call("SSUBSCRIBE", "{a}1", "{b}1"));

            List<RespClient> markerWatchers = new ArrayList<>();
            try {
                for (SimClusterNode outside : List.of(other, othersReplica)) {
                    RespClient watcher = RespClient.connect(outside.port());
                    markerWatchers.add(watcher);
                    watcher.call("SUBSCRIBE", "marker");
                }

                assertEquals(integer(1), publisher.call("SPUBLISH", channel, "o-1"));
                // The owner sends the marker after the shard message, on the same bus links.
                assertEquals(integer(0), publisher.call("PUBLISH", "marker", "m"));

                String message = array(bulk("smessage"), bulk(channel), bulk("o-1"));
                assertEquals(message, onOwner.read());
                assertEquals(message, onReplica.read());
                String replicaInfo = clusterInfo(ownersReplica);
                assertTrue(replicaInfo.contains("cluster_stats_messages_publishshard_received:1"), replicaInfo);
                for (int i = 0; i < markerWatchers.size(); i++) {
                    assertEquals(
                            array(bulk("message"), bulk("marker"), bulk("m")),
                            markerWatchers.get(i).read());
                    String info = clusterInfo(i == 0 ? other : othersReplica);
                    assertFalse(info.contains("cluster_stats_messages_publishshard_received"), info);
                }
            } finally {
                markerWatchers.forEach(RespClient::close);
            }

            cluster.migrateSlot(slot, owner, other);
            moved = true;

            String unsubscribed = array(bulk("sunsubscribe"), bulk(channel), integer(0));
            assertEquals(unsubscribed, onOwner.read());
            try (RespClient replicaAdmin = RespClient.connect(ownersReplica.port())) {
                // The replica learns the new owner through gossip; it unsubscribes at its next check after that.
                PubSubCommandsTest.awaitReply(
                        () -> replicaAdmin.call("SPUBLISH", channel, "x"),
                        error("MOVED " + slot + " 127.0.0.1:" + other.port()));
            }
            assertEquals(unsubscribed, onReplica.read());
            assertEquals(bulk("ok"), onOwner.call("ECHO", "ok"), "the client left the subscribed state");
            assertEquals(subscribed, onOther.call("SSUBSCRIBE", channel));
        } finally {
            if (moved) {
                cluster.migrateSlot(slot, other, owner);
            }
        }
    }

    private static String clusterInfo(SimClusterNode node) {
        try (RespClient client = RespClient.connect(node.port())) {
            return client.call("CLUSTER", "INFO");
        }
    }

    private SimClusterNode replicaOf(SimClusterNode primary) {
        for (SimClusterNode node : cluster.replicas()) {
            try (RespClient client = RespClient.connect(node.port())) {
                if (client.call("CLUSTER", "NODES").contains("myself,slave " + primary.id())) {
                    return node;
                }
            }
        }
        throw new AssertionError("no replica of " + primary);
    }
}
