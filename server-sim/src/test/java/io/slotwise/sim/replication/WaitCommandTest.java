package io.slotwise.sim.replication;

import static io.slotwise.sim.replication.ReplicatedCluster.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.Resp;
import io.slotwise.sim.RespClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAIT counts the replicas that acknowledged the client's last write. */
class WaitCommandTest {
    @TempDir
    Path dir;

    @Test
    void waitReturnsOnceTheReplicaAcknowledgedTheWrite() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            cluster.replicate(cluster.node(1), master);
            try (RespClient client = master.client()) {
                for (int i = 0; i < 20; i++) {
                    assertEquals(Resp.simple("OK"), client.call("SET", key("k"), Integer.toString(i)));
                    assertEquals(Resp.integer(1), client.call("WAIT", "1", "0"));
                    assertEquals(Resp.bulk(Integer.toString(i)), cluster.node(1).read("GET", key("k")));
                }
            }
        }
    }

    @Test
    void waitWithoutReplicasTimesOutWithZero() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 1);
                RespClient client = cluster.node(0).client()) {
            client.call("SET", key("k"), "v");
            long start = System.nanoTime();
            assertEquals(Resp.integer(0), client.call("WAIT", "1", "200"));
            assertTrue(System.nanoTime() - start >= 200_000_000L, "waited for the timeout");
            assertEquals(Resp.integer(0), client.call("WAIT", "0", "0"));
        }
    }

    @Test
    void waitInsideATransactionAnswersAtOnce() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 1);
                RespClient client = cluster.node(0).client()) {
            client.call("MULTI");
            assertEquals(Resp.simple("QUEUED"), client.call("WAIT", "1", "0"));
            assertEquals(Resp.array(Resp.integer(0)), client.call("EXEC"));
        }
    }

    @Test
    void waitRejectsBadArgumentsAndReplicas() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            assertEquals(Resp.error("ERR value is not an integer or out of range"), master.call("WAIT", "one", "0"));
            assertEquals(Resp.error("ERR timeout is not an integer or out of range"), master.call("WAIT", "1", "0.5"));
            assertEquals(Resp.error("ERR timeout is negative"), master.call("WAIT", "1", "-1"));
            cluster.replicate(replica, master);
            assertEquals(Resp.error(WaitCommand.ON_REPLICA), replica.call("WAIT", "0", "0"));
        }
    }
}
