package io.slotwise.it.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;
import io.slotwise.sim.SimClusterNode;
import io.slotwise.sim.keyspace.KeySlot;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pub/Sub across an in-JVM simulated cluster of three primaries with one replica each, over raw connections: PUBLISH
 * on any node reaches the subscribers of every node (the cluster bus carries it), SPUBLISH reaches the subscribers on
 * the nodes of the channel's shard only, RESP3 subscribers get push frames, and a closed subscriber is forgotten.
 */
@SimulatedCluster(primaries = 3, replicasPerPrimary = 1)
class SimClusterPubSubIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SimCluster cluster;

    SimClusterPubSubIT(SimCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void publishOnAnyNodeReachesChannelAndPatternSubscribersOnEveryNode() {
        List<RawConnection> subscribers = new ArrayList<>();
        try {
            for (SimClusterNode node : cluster.nodes()) {
                RawConnection subscriber = RawConnection.open(node.port());
                subscribers.add(subscriber);
                assertEquals(
                        "*[$\"subscribe\", $\"it:news\", :1]",
                        subscriber.call("SUBSCRIBE", "it:news").render());
                assertEquals(
                        "*[$\"psubscribe\", $\"it:n*\", :2]",
                        subscriber.call("PSUBSCRIBE", "it:n*").render());
            }
            for (SimClusterNode publisherNode : cluster.nodes()) {
                try (RawConnection publisher = RawConnection.open(publisherNode.port())) {
                    String payload = "from " + publisherNode.port();

                    assertEquals(
                            ":2", publisher.call("PUBLISH", "it:news", payload).render(), "local receivers");

                    for (RawConnection subscriber : subscribers) {
                        assertEquals(
                                "*[$\"message\", $\"it:news\", $\"" + payload + "\"]",
                                subscriber.read().render());
                        assertEquals(
                                "*[$\"pmessage\", $\"it:n*\", $\"it:news\", $\"" + payload + "\"]",
                                subscriber.read().render());
                    }
                }
            }
        } finally {
            subscribers.forEach(RawConnection::close);
        }
    }

    @Test
    void spublishReachesOnlyTheNodesOfTheChannelsShard() {
        String channel = "{it:orders}created";
        int slot = KeySlot.of(channel.getBytes(StandardCharsets.UTF_8));
        SimClusterNode owner = cluster.primaryForSlot(slot).orElseThrow();
        List<SimClusterNode> shard = new ArrayList<>();
        List<SimClusterNode> outside = new ArrayList<>();
        for (SimClusterNode node : cluster.nodes()) {
            (node == owner || followsMaster(node, owner) ? shard : outside).add(node);
        }
        assertEquals(2, shard.size(), "the owner and its replica");
        List<RawConnection> connections = new ArrayList<>();
        try {
            List<RawConnection> shardSubscribers = new ArrayList<>();
            for (SimClusterNode node : shard) {
                RawConnection subscriber = open(node, connections);
                shardSubscribers.add(subscriber);
                assertEquals(
                        "*[$\"ssubscribe\", $\"" + channel + "\", :1]",
                        subscriber.call("SSUBSCRIBE", channel).render());
            }
            List<RawConnection> markerWatchers = new ArrayList<>();
            for (SimClusterNode node : outside) {
                RawConnection watcher = open(node, connections);
                markerWatchers.add(watcher);
                assertEquals(
                        "-\"MOVED " + slot + " 127.0.0.1:" + owner.port() + "\"",
                        watcher.call("SSUBSCRIBE", channel).render());
                watcher.call("SUBSCRIBE", "it:marker");
            }
            SimClusterNode replica =
                    shard.stream().filter(node -> node != owner).findFirst().orElseThrow();
            RawConnection replicaPublisher = open(replica, connections);

            assertEquals(
                    ":1",
                    replicaPublisher.call("SPUBLISH", channel, "o-1").render(),
                    "a replica serves its shard and counts its own subscribers");
            assertEquals(
                    ":0", replicaPublisher.call("PUBLISH", "it:marker", "after").render());

            for (RawConnection subscriber : shardSubscribers) {
                assertEquals(
                        "*[$\"smessage\", $\"" + channel + "\", $\"o-1\"]",
                        subscriber.read().render());
            }
            for (RawConnection watcher : markerWatchers) {
                // The publisher sent the shard message before the marker on the same bus link, had it sent one.
                assertEquals(
                        "*[$\"message\", $\"it:marker\", $\"after\"]",
                        watcher.read().render());
            }
            for (SimClusterNode node : outside) {
                RawConnection admin = open(node, connections);
                assertEquals(
                        "-\"MOVED " + slot + " 127.0.0.1:" + owner.port() + "\"",
                        admin.call("SPUBLISH", channel, "x").render());
                assertFalse(
                        admin.call("CLUSTER", "INFO").text().contains("cluster_stats_messages_publishshard_received"),
                        node + " received a shard message");
            }
        } finally {
            connections.forEach(RawConnection::close);
        }
    }

    @Test
    void resp3SubscribersGetPushFramesAndKeepRunningCommands() {
        SimClusterNode subscriberNode = cluster.nodes().get(4);
        SimClusterNode publisherNode = cluster.nodes().get(1);
        try (RawConnection subscriber = RawConnection.open(subscriberNode.port());
                RawConnection publisher = RawConnection.open(publisherNode.port())) {
            subscriber.call("HELLO", "3");
            assertEquals(
                    ">[$\"subscribe\", $\"it:push\", :1]",
                    subscriber.call("SUBSCRIBE", "it:push").render());

            assertEquals(":0", publisher.call("PUBLISH", "it:push", "p").render());

            assertEquals(
                    ">[$\"message\", $\"it:push\", $\"p\"]", subscriber.read().render());
            assertEquals("+\"PONG\"", subscriber.call("PING").render());
            assertEquals("$\"x\"", subscriber.call("ECHO", "x").render());
        }
    }

    @Test
    void aClosedSubscriberIsForgottenAndAResetOneLeavesTheSubscribedState() {
        SimClusterNode node = cluster.nodes().get(2);
        try (RawConnection admin = RawConnection.open(node.port());
                RawConnection resetting = RawConnection.open(node.port())) {
            try (RawConnection leaving = RawConnection.open(node.port())) {
                leaving.call("SUBSCRIBE", "it:gone");
                assertEquals(
                        "*[$\"it:gone\", :1]",
                        admin.call("PUBSUB", "NUMSUB", "it:gone").render());
            }
            Eventually.await(
                    "the closed subscriber is forgotten",
                    TIMEOUT,
                    () -> admin.call("PUBSUB", "NUMSUB", "it:gone").render(),
                    "*[$\"it:gone\", :0]");

            resetting.call("SUBSCRIBE", "it:reset");
            assertTrue(resetting.call("CLUSTER", "INFO").text().startsWith("ERR Can't execute 'cluster|info'"));
            assertEquals("+\"RESET\"", resetting.call("RESET").render());
            assertTrue(resetting.call("CLUSTER", "INFO").text().startsWith("cluster_state:ok"));
            assertEquals(
                    "*[$\"it:reset\", :0]",
                    admin.call("PUBSUB", "NUMSUB", "it:reset").render());
        }
    }

    private static RawConnection open(SimClusterNode node, List<RawConnection> opened) {
        RawConnection connection = RawConnection.open(node.port());
        opened.add(connection);
        return connection;
    }

    private static boolean followsMaster(SimClusterNode node, SimClusterNode master) {
        try (RawConnection connection = RawConnection.open(node.port())) {
            return connection.call("CLUSTER", "NODES").text().contains("myself,slave " + master.id());
        }
    }
}
