package io.slotwise.sim.replication;

import static io.slotwise.sim.replication.ReplicatedCluster.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slotwise.sim.Resp;
import io.slotwise.sim.RespClient;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.protocol.Request;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list, bitmap and SORT writes propagate exactly: LMPOP and BLMPOP as the pop they did, BRPOPLPUSH as RPOPLPUSH,
 * the deterministic ones as sent; a replica ends with the master's data.
 */
class NewWritesPropagationTest {
    @TempDir
    Path dir;

    private static List<String> texts(List<List<byte[]>> commands) {
        return commands.stream()
                .map(command -> String.join(
                        " ",
                        command.stream()
                                .map(arg -> new String(arg, StandardCharsets.UTF_8))
                                .toList()))
                .toList();
    }

    @Test
    void multiPopsPropagateAsThePopTheyDid() {
        Reply popped = Reply.array(Reply.bulk("b"), Reply.array(Reply.bulk("x"), Reply.bulk("y")));
        assertEquals(
                List.of("RPOP b 2"),
                texts(PropagationRules.propagate(
                        "lmpop",
                        Request.ofStrings("LMPOP", "2", "a", "b", "right", "COUNT", "5"),
                        popped,
                        true,
                        null)));
        assertEquals(
                List.of("LPOP b 2"),
                texts(PropagationRules.propagate(
                        "blmpop",
                        Request.ofStrings("BLMPOP", "0", "1", "b", "LEFT", "COUNT", "9"),
                        popped,
                        true,
                        null)));
        assertEquals(
                List.of("RPOPLPUSH a b"),
                texts(PropagationRules.propagate(
                        "brpoplpush", Request.ofStrings("BRPOPLPUSH", "a", "b", "0"), Reply.bulk("v"), true, null)));
        assertNull(PropagationRules.propagate(
                "blmpop", Request.ofStrings("BLMPOP", "0", "1", "b", "LEFT"), Reply.nullArray(), true, null));
    }

    @Test
    void aReplicaFollowsTheNewWrites() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            cluster.replicate(replica, master);
            String[][] writes = {
                {"RPUSH", key("l"), "3", "1", "2", "5"},
                {"LMPOP", "1", key("l"), "LEFT", "COUNT", "2"},
                {"RPOPLPUSH", key("l"), key("l2")},
                {"BRPOPLPUSH", key("l"), key("l2"), "0"},
                {"RPUSH", key("l"), "9", "8"},
                {"BLMPOP", "0", "1", key("l"), "RIGHT"},
                {"SETBIT", key("b"), "100", "1"},
                {"BITFIELD", key("b"), "INCRBY", "u8", "#2", "300", "SET", "i4", "3", "-3"},
                {"BITOP", "NOT", key("nb"), key("b")},
                {"SORT", key("l2"), "DESC", "STORE", key("sorted")},
                {"HSET", key("h"), "z", "1", "a", "2"}
            };
            try (RespClient client = master.client()) {
                for (String[] write : writes) {
                    String reply = client.call(write);
                    assertEquals(false, reply.startsWith("-"), String.join(" ", write) + " -> " + reply);
                }
            }
            ReplicationTestNode.await(
                    "offsets to match",
                    () -> master.info("master_repl_offset").equals(replica.info("slave_repl_offset")));
            assertEquals(master.call("DEBUG", "DIGEST"), replica.call("DEBUG", "DIGEST"));
            assertEquals(Resp.array(Resp.bulk("9")), replica.read("LRANGE", key("l"), "0", "-1"));
            assertEquals(Resp.array(Resp.bulk("5"), Resp.bulk("2")), replica.read("LRANGE", key("sorted"), "0", "-1"));
            assertEquals(master.read("GET", key("nb")), replica.read("GET", key("nb")));
            assertEquals(Resp.array(Resp.bulk("z"), Resp.bulk("a")), replica.read("HKEYS", key("h")));
        }
    }
}
