package io.slotwise.sim.replication;

import static io.slotwise.sim.replication.ReplicatedCluster.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.Resp;
import io.slotwise.sim.RespClient;
import io.slotwise.sim.keyspace.KeySlot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What clients see of replication: INFO replication, ROLE and HELLO on both sides, replicas in CLUSTER SLOTS and
 * SHARDS once they have an offset, and a replica refusing writes.
 */
class ReplicationReportTest {
    @TempDir
    Path dir;

    @Test
    void infoAndRoleDescribeBothSidesOfTheLink() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            assertEquals("0", master.info("connected_slaves"));
            assertEquals("0", master.info("repl_backlog_active"));
            cluster.replicate(replica, master);
            master.call("SET", key("k"), "v");
            ReplicationTestNode.await(
                    "the replica to acknowledge everything",
                    () -> master.info("slave0").contains(",offset=" + master.info("master_repl_offset") + ","));
            String offset = master.info("master_repl_offset");
            assertNotEquals("0", offset);

            assertEquals("master", master.info("role"));
            assertEquals("1", master.info("connected_slaves"));
            assertTrue(
                    master.info("slave0")
                            .startsWith("ip=127.0.0.1,port=" + replica.port() + ",state=online,offset=" + offset),
                    master.info("slave0"));
            assertEquals("1", master.info("repl_backlog_active"));
            assertEquals("1", master.info("repl_backlog_first_byte_offset"));
            assertEquals(offset, master.info("repl_backlog_histlen"));
            assertEquals(
                    Resp.array(
                            Resp.bulk("master"),
                            Resp.integer(Long.parseLong(offset)),
                            Resp.array(Resp.array(
                                    Resp.bulk("127.0.0.1"),
                                    Resp.bulk(Integer.toString(replica.port())),
                                    Resp.bulk(offset)))),
                    master.call("ROLE"));

            assertEquals("slave", replica.info("role"));
            assertEquals("127.0.0.1", replica.info("master_host"));
            assertEquals(Integer.toString(master.port()), replica.info("master_port"));
            assertEquals("up", replica.info("master_link_status"));
            assertEquals("0", replica.info("master_sync_in_progress"));
            assertEquals(offset, replica.info("slave_repl_offset"));
            assertEquals("1", replica.info("slave_read_only"));
            assertEquals(master.info("master_replid"), replica.info("master_replid"));
            assertEquals(
                    Resp.array(
                            Resp.bulk("slave"),
                            Resp.bulk("127.0.0.1"),
                            Resp.integer(master.port()),
                            Resp.bulk("connected"),
                            Resp.integer(Long.parseLong(offset))),
                    replica.call("ROLE"));
        }
    }

    @Test
    void helloReportsTheRole() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            cluster.replicate(cluster.node(1), cluster.node(0));
            assertTrue(cluster.node(0).call("HELLO", "3").contains(Resp.bulk("role") + Resp.bulk("master")));
            assertTrue(cluster.node(1).call("HELLO", "3").contains(Resp.bulk("role") + Resp.bulk("replica")));
        }
    }

    @Test
    void aReplicaAppearsInClusterSlotsAndShardsOnceItHasAnOffset() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            assertEquals("+OK\r\n", replica.call("CLUSTER", "REPLICATE", master.id()));
            master.seeReplica(replica, master);
            replica.awaitLinkUp();
            String replicaEntry = Resp.bulk(replica.id());
            for (ReplicationTestNode viewer : new ReplicationTestNode[] {master, replica}) {
                ReplicationTestNode.await(
                        "the replica in CLUSTER SLOTS of " + viewer.port(),
                        () -> viewer.call("CLUSTER", "SLOTS").contains(replicaEntry));
                String shards = viewer.call("CLUSTER", "SHARDS");
                String replicaPart = shards.substring(shards.indexOf(replicaEntry));
                String health = replicaPart.substring(replicaPart.indexOf(Resp.bulk("health")));
                assertTrue(health.startsWith(Resp.bulk("health") + Resp.bulk("online")), shards);
            }
        }
    }

    @Test
    void aReplicaRefusesWritesFromClients() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            cluster.replicate(replica, master);
            String key = key("k");
            int slot = KeySlot.of(key.getBytes(StandardCharsets.UTF_8));
            try (RespClient client = replica.client()) {
                assertEquals("+OK\r\n", client.call("READONLY"));
                assertEquals(Resp.error("MOVED " + slot + " 127.0.0.1:" + master.port()), client.call("SET", key, "v"));
                assertEquals(
                        Resp.error("READONLY You can't write against a read only replica."), client.call("FLUSHALL"));
            }
            assertEquals(Resp.integer(0), replica.read("EXISTS", key));
        }
    }
}
