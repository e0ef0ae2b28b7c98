package io.slotwise.sim.replication;

import static io.slotwise.sim.replication.ReplicatedCluster.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.Resp;
import io.slotwise.sim.RespClient;
import io.slotwise.sim.command.ScriptGate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A read-only script on a replica sees a consistent dataset: the master's writes wait until it has ended. */
class ScriptOnReplicaTest {
    /** Reads a key, spins for ARGV[1] ms, reads it again and returns both reads. */
    private static final String READ_TWICE = "local first = redis.call('get', KEYS[1]) "
            + "local start = redis.call('time') "
            + "repeat local now = redis.call('time') "
            + "until (now[1] - start[1]) * 1000000 + now[2] - start[2] > tonumber(ARGV[1]) * 1000 "
            + "return {first, redis.call('get', KEYS[1])}";

    @TempDir
    Path dir;

    @Test
    void aMasterWriteIsAppliedOnlyAfterAReadOnlyScriptOnTheReplicaEnded() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            cluster.replicate(replica, master);
            String k = key("k");
            assertEquals(Resp.simple("OK"), master.call("SET", k, "before"));
            awaitOffsets(master, replica);
            try (RespClient script = replica.client()) {
                assertEquals(Resp.simple("OK"), script.call("READONLY"));
                script.send("EVAL_RO", READ_TWICE, "1", k, "1500");
                ReplicationTestNode.await("the script to run on the replica", () -> scriptRunning(replica));
                assertEquals(Resp.simple("OK"), master.call("SET", k, "after"));
                assertTrue(scriptRunning(replica), "the master wrote while the script ran");
                assertEquals(Resp.array(Resp.bulk("before"), Resp.bulk("before")), script.read());
            }
            awaitOffsets(master, replica);
            assertEquals(Resp.bulk("after"), replica.read("GET", k));
        }
    }

    private static boolean scriptRunning(ReplicationTestNode node) {
        return node.onLoop(services ->
                services.service(ScriptGate.class).map(ScriptGate::running).orElse(false));
    }

    private static void awaitOffsets(ReplicationTestNode master, ReplicationTestNode replica) {
        ReplicationTestNode.await(
                "offsets to match", () -> master.info("master_repl_offset").equals(replica.info("slave_repl_offset")));
    }
}
