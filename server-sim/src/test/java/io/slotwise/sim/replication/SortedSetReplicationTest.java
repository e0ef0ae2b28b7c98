package io.slotwise.sim.replication;

import static io.slotwise.sim.replication.ReplicatedCluster.key;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.Resp;
import io.slotwise.sim.RespClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replica follows its master's sorted-set writes: set operations stored, ranges stored and removed, and pops. */
class SortedSetReplicationTest {
    @TempDir
    Path dir;

    /** Waits until the replica processed everything the master propagated, then checks both hold the same data. */
    private static void assertSameData(ReplicationTestNode master, ReplicationTestNode replica) {
        ReplicationTestNode.await(
                "offsets to match", () -> master.info("master_repl_offset").equals(replica.info("slave_repl_offset")));
        assertEquals(master.call("DEBUG", "DIGEST"), replica.call("DEBUG", "DIGEST"));
    }

    @Test
    void sortedSetWritesReachTheReplica() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            cluster.replicate(replica, master);
            String[][] writes = {
                {"ZADD", key("a"), "1", "x", "2", "y", "3", "z"},
                {"ZADD", key("b"), "0.1", "y", "0.2", "z", "0.3", "w"},
                {"SADD", key("s"), "x", "w"},
                {"ZUNIONSTORE", key("u"), "3", key("a"), key("b"), key("s"), "WEIGHTS", "1", "3", "0.5"},
                {"ZINTERSTORE", key("i"), "2", key("a"), key("b"), "AGGREGATE", "MAX"},
                {"ZDIFFSTORE", key("d"), "2", key("a"), key("b")},
                {"ZRANGESTORE", key("r"), key("u"), "0", "(5", "BYSCORE", "REV"},
                {"ZADD", key("lex"), "0", "a", "0", "b", "0", "c"},
                {"ZREMRANGEBYLEX", key("lex"), "[b", "+"},
                {"ZMPOP", "2", key("none"), key("u"), "MAX", "COUNT", "2"},
                {"BZPOPMIN", key("a"), "0"},
                {"BZMPOP", "0", "1", key("b"), "MIN", "COUNT", "2"},
            };
            try (RespClient client = master.client()) {
                for (String[] write : writes) {
                    String reply = client.call(write);
                    assertEquals(false, reply.startsWith("-"), String.join(" ", write) + " -> " + reply);
                }
            }
            assertSameData(master, replica);
            assertEquals(
                    master.call("ZRANGE", key("u"), "0", "-1", "WITHSCORES"),
                    replica.read("ZRANGE", key("u"), "0", "-1", "WITHSCORES"));
            assertEquals(Resp.array(Resp.bulk("a")), replica.read("ZRANGE", key("lex"), "0", "-1"));
        }
    }

    @Test
    void aBlockedSortedSetPopServedLaterPropagatesWhatItTook() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            cluster.replicate(replica, master);
            try (RespClient blocked = master.client();
                    RespClient writer = master.client()) {
                blocked.send("BZPOPMAX", key("q"), "0");
                ReplicationTestNode.await(
                        "a blocked client", () -> master.call("CLIENT", "LIST").split(" flags=b ").length == 2);
                writer.call("ZADD", key("q"), "1", "low", "2", "high");
                assertEquals(Resp.array(Resp.bulk(key("q")), Resp.bulk("high"), Resp.bulk("2")), blocked.read());
            }
            assertSameData(master, replica);
            assertEquals(Resp.array(Resp.bulk("low")), replica.read("ZRANGE", key("q"), "0", "-1"));
        }
    }
}
