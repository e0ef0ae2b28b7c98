package io.slotwise.sim.replication;

import static io.slotwise.sim.replication.ReplicatedCluster.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.Resp;
import io.slotwise.sim.RespClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes made by scripts and functions reach the replica as their effects; a replica runs read-only scripts only. */
class ScriptReplicationTest {
    @TempDir
    Path dir;

    @Test
    void scriptAndFunctionWritesReachTheReplica() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            cluster.replicate(replica, master);
            String k = key("counter");
            assertEquals(
                    Resp.integer(7),
                    master.call(
                            "EVAL", "redis.call('set', KEYS[1], 5) return redis.call('incrby', KEYS[1], 2)", "1", k));
            master.call(
                    "FUNCTION",
                    "LOAD",
                    "#!lua name=lib\nredis.register_function('push', function(keys, args) "
                            + "return redis.call('rpush', keys[1], args[1]) end)");
            assertEquals(Resp.integer(1), master.call("FCALL", "push", "1", key("list"), "a"));
            ReplicationTestNode.await(
                    "offsets to match",
                    () -> master.info("master_repl_offset").equals(replica.info("slave_repl_offset")));
            assertEquals(master.call("DEBUG", "DIGEST"), replica.call("DEBUG", "DIGEST"));
            assertEquals(Resp.bulk("7"), replica.read("EVAL_RO", "return redis.call('get', KEYS[1])", "1", k));
            try (RespClient client = replica.client()) {
                client.call("READONLY");
                String write = client.call("EVAL", "return redis.call('set', KEYS[1], 1)", "1", k);
                assertTrue(write.startsWith("-READONLY You can't write against a read only replica. script: "), write);
            }
        }
    }

    @Test
    void aScriptsWritesAreReplicatedAsOneTransactionAfterItEnds() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            cluster.replicate(replica, master);
            String a = key("a");
            String b = key("b");
            long before = Long.parseLong(master.info("master_repl_offset"));
            assertEquals(
                    Resp.simple("OK"),
                    master.call(
                            "EVAL",
                            "redis.call('set', KEYS[1], '1') return redis.call('set', KEYS[2], '2')",
                            "2",
                            a,
                            b));
            long after = Long.parseLong(master.info("master_repl_offset"));
            String expected = RespClient.command("MULTI")
                    + RespClient.command("SET", a, "1")
                    + RespClient.command("SET", b, "2")
                    + RespClient.command("EXEC");
            assertEquals(expected.length(), after - before, "MULTI, both SETs and EXEC");
            ReplicationTestNode.await(
                    "offsets to match",
                    () -> master.info("master_repl_offset").equals(replica.info("slave_repl_offset")));
            assertEquals(Resp.bulk("2"), replica.read("GET", b));
        }
    }
}
