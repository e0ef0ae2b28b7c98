package io.slotwise.sim.replication;

import static io.slotwise.sim.replication.ReplicatedCluster.key;
import static io.slotwise.sim.replication.ReplicatedCluster.keyOfSecond;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.Resp;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.StringValue;
import io.slotwise.sim.replication.ReplicatedCluster.NodeSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica survives a broken link (continuing from the backlog when it can, resynchronising fully when it cannot)
 * and follows the cluster when it is told to replicate another master or is reset. A marker key written straight into
 * the replica's keyspace tells a partial resynchronisation (the marker survives) from a full one (it is flushed).
 */
class ResynchronisationTest {
    private static final Key MARKER = Key.of(key("marker"));

    @TempDir
    Path dir;

    private static void putMarker(ReplicationTestNode replica) {
        replica.inKeyspace(keyspace -> {
            keyspace.set(MARKER, StringValue.of("local".getBytes()));
            return null;
        });
    }

    private static boolean hasMarker(ReplicationTestNode replica) {
        return replica.inKeyspace(keyspace -> keyspace.exists(MARKER));
    }

    private static void awaitCaughtUp(ReplicationTestNode master, ReplicationTestNode replica) {
        ReplicationTestNode.await(
                "the replica to catch up",
                () -> "up".equals(replica.info("master_link_status"))
                        && master.info("master_repl_offset").equals(replica.info("slave_repl_offset")));
    }

    @Test
    void aBrokenLinkIsResumedFromTheBacklog() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            cluster.replicate(replica, master);
            master.call("SET", key("before"), "1");
            awaitCaughtUp(master, replica);
            putMarker(replica);

            assertEquals(1, master.replication().disconnectReplicas().join());
            ReplicationTestNode.await("link down", () -> "down".equals(replica.info("master_link_status")));
            master.call("SET", key("during"), "2");
            awaitCaughtUp(master, replica);

            assertEquals(Resp.bulk("2"), replica.read("GET", key("during")));
            assertEquals(true, hasMarker(replica), "a partial resynchronisation keeps the replica's data");
        }
    }

    @Test
    void aGapLargerThanTheBacklogForcesAFullResync() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(
                dir, 1, new NodeSpec(new ReplicationModule().withBacklogSize(4096), null), NodeSpec.defaults())) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            cluster.replicate(replica, master);
            putMarker(replica);

            byte[] big = new byte[1024];
            master.onLoop(node -> {
                master.replication().disconnectReplicas().join();
                var keyspace =
                        node.service(io.slotwise.sim.keyspace.Keyspace.class).orElseThrow();
                for (int i = 0; i < 10; i++) {
                    keyspace.set(Key.of(key("big" + i)), StringValue.of(big));
                }
                return null;
            });
            awaitCaughtUp(master, replica);

            assertEquals(false, hasMarker(replica), "a full resynchronisation flushed the replica's data");
            assertEquals(master.call("DEBUG", "DIGEST"), replica.call("DEBUG", "DIGEST"));
            assertEquals(Resp.integer(1024), replica.read("STRLEN", key("big9")));
        }
    }

    @Test
    void replicatingAnotherMasterSwitchesToItsData() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 2, 3)) {
            ReplicationTestNode first = cluster.node(0);
            ReplicationTestNode second = cluster.node(1);
            ReplicationTestNode replica = cluster.node(2);
            first.call("SET", key("a"), "first");
            second.call("SET", keyOfSecond("b"), "second");
            cluster.replicate(replica, first);
            assertEquals(first.call("DEBUG", "DIGEST"), replica.call("DEBUG", "DIGEST"));

            cluster.replicate(replica, second);
            ReplicationTestNode.await(
                    "the replica to follow the second master",
                    () -> Integer.toString(second.port()).equals(replica.info("master_port"))
                            && "up".equals(replica.info("master_link_status")));
            assertEquals(second.call("DEBUG", "DIGEST"), replica.call("DEBUG", "DIGEST"));
            ReplicationTestNode.await("the first master to lose it", () -> "0".equals(first.info("connected_slaves")));
            second.call("SET", keyOfSecond("c"), "after");
            awaitCaughtUp(second, replica);
            assertEquals(Resp.bulk("after"), replica.read("GET", keyOfSecond("c")));
        }
    }

    @Test
    void resetOnAReplicaStopsReplicationAndFlushes() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            master.call("SET", key("k"), "v");
            cluster.replicate(replica, master);
            String oldId = replica.info("master_replid");

            assertEquals(Resp.simple("OK"), replica.call("CLUSTER", "RESET"));

            assertEquals("master", replica.info("role"));
            assertEquals(Resp.integer(0), replica.call("DBSIZE"));
            assertEquals(false, oldId.equals(replica.info("master_replid")), "a new replication history");
            ReplicationTestNode.await("the master to lose it", () -> "0".equals(master.info("connected_slaves")));
            master.call("SET", key("later"), "v");
            assertEquals(Resp.integer(0), replica.call("DBSIZE"));
        }
    }
}
