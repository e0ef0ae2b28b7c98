package io.slotwise.sim.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.Resp;
import io.slotwise.sim.RespClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REPLCONF and PSYNC as a client that is not a simulator replica sees them. */
class ReplicationCommandsTest {
    @TempDir
    Path dir;

    @Test
    void replconfAnswersAsRedis() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 1);
                RespClient client = cluster.node(0).client()) {
            assertEquals(
                    Resp.simple("OK"),
                    client.call("REPLCONF", "listening-port", "7000", "capa", "eof", "capa", "psync2"));
            assertEquals(Resp.error("ERR syntax error"), client.call("REPLCONF", "listening-port"));
            assertEquals(Resp.error("ERR Unrecognized REPLCONF option: foo"), client.call("REPLCONF", "foo", "bar"));
            assertEquals(
                    Resp.error("ERR value is not an integer or out of range"),
                    client.call("REPLCONF", "listening-port", "x"));
            client.send("REPLCONF", "ACK", "5");
            client.send("REPLCONF", "GETACK", "*");
            assertEquals(Resp.simple("PONG"), client.call("PING"), "ACK and GETACK get no reply");
        }
    }

    @Test
    void aReplicaAuthenticatesWithTheClusterPassword() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            master.call("SET", ReplicatedCluster.key("k"), "v");
            for (ReplicationTestNode node : new ReplicationTestNode[] {master, replica}) {
                assertEquals(Resp.simple("OK"), node.call("CONFIG", "SET", "requirepass", "secret"));
            }
            try (RespClient client = replica.client()) {
                assertEquals(Resp.simple("OK"), client.call("AUTH", "secret"));
                assertEquals(Resp.simple("OK"), client.call("CLUSTER", "REPLICATE", master.id()));
                ReplicationTestNode.await(
                        "the link to come up",
                        () -> Resp.textOf(client.call("INFO", "replication")).contains("master_link_status:up"));
                assertEquals(Resp.simple("OK"), client.call("READONLY"));
                assertEquals(Resp.bulk("v"), client.call("GET", ReplicatedCluster.key("k")));
            }
        }
    }

    @Test
    void aReplicaRefusesPsync() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            cluster.replicate(cluster.node(1), cluster.node(0));
            assertEquals(
                    Resp.error("ERR the Slotwise simulator does not support replicas of replicas"),
                    cluster.node(1).call("PSYNC", "?", "-1"));
        }
    }

    @Test
    void psyncIsNotAllowedInsideATransaction() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 1);
                RespClient client = cluster.node(0).client()) {
            client.call("MULTI");
            assertEquals(Resp.error("ERR Command not allowed inside a transaction"), client.call("PSYNC", "?", "-1"));
            assertEquals("0", cluster.node(0).info("connected_slaves"));
        }
    }
}
