package io.slotwise.sim.replication;

import static io.slotwise.sim.replication.ReplicatedCluster.key;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.Resp;
import io.slotwise.sim.RespClient;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.replication.ReplicatedCluster.NodeSpec;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After synchronising, a replica follows its master's writes in order: every data family, commands whose outcome
 * depends on the clock or on chance, blocked clients served later, and expiries.
 */
class StreamPropagationTest {
    @TempDir
    Path dir;

    /** Waits until the replica processed everything the master propagated, then checks both hold the same data. */
    private static void assertSameData(ReplicationTestNode master, ReplicationTestNode replica) {
        ReplicationTestNode.await(
                "offsets to match", () -> master.info("master_repl_offset").equals(replica.info("slave_repl_offset")));
        assertEquals(master.call("DEBUG", "DIGEST"), replica.call("DEBUG", "DIGEST"));
    }

    @Test
    void writesOfEveryFamilyReachTheReplicaInOrder() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            cluster.replicate(replica, master);
            String[][] writes = {
                {"SET", key("s"), "1"},
                {"INCR", key("s")},
                {"INCRBY", key("s"), "40"},
                {"APPEND", key("s"), "!"},
                {"MSET", key("a"), "x", key("b"), "y"},
                {"SETRANGE", key("a"), "3", "z"},
                {"GETDEL", key("b")},
                {"HSET", key("h"), "f", "1", "g", "2"},
                {"HINCRBY", key("h"), "f", "5"},
                {"HDEL", key("h"), "g"},
                {"RPUSH", key("l"), "a", "b", "c", "d"},
                {"LPUSH", key("l"), "z"},
                {"LSET", key("l"), "1", "A"},
                {"LTRIM", key("l"), "0", "3"},
                {"LMOVE", key("l"), key("l2"), "LEFT", "RIGHT"},
                {"RPOP", key("l")},
                {"SADD", key("set"), "a", "b", "c"},
                {"SREM", key("set"), "b"},
                {"SMOVE", key("set"), key("t"), "a"},
                {"SINTERSTORE", key("u"), key("set"), key("set")},
                {"ZADD", key("z"), "1", "a", "2", "b", "3", "c"},
                {"ZINCRBY", key("z"), "2.5", "a"},
                {"ZREM", key("z"), "b"},
                {"ZPOPMIN", key("z")},
                {"RENAME", key("a"), key("renamed")},
                {"COPY", key("renamed"), key("copied")},
                {"EXPIRE", key("copied"), "1000"},
                {"PERSIST", key("copied")},
                {"DEL", key("s")}
            };
            try (RespClient client = master.client()) {
                for (String[] write : writes) {
                    String reply = client.call(write);
                    assertEquals(false, reply.startsWith("-"), String.join(" ", write) + " -> " + reply);
                }
            }
            assertSameData(master, replica);
            assertEquals(Resp.bulk("x\0\0z"), replica.read("GET", key("renamed")));
            assertEquals(Resp.integer(-1), replica.read("PTTL", key("copied")));
        }
    }

    @Test
    void commandsDependingOnTimeOrChancePropagateTheirOutcome() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            cluster.replicate(replica, master);
            master.call("SET", key("ex"), "v", "EX", "100");
            master.call("SETEX", key("setex"), "200", "v");
            master.call("SET", key("kept"), "v");
            master.call("EXPIRE", key("kept"), "300");
            master.call("GETEX", key("kept"), "PX", "123456");
            master.call("INCRBYFLOAT", key("float"), "10.1");
            master.call("INCRBYFLOAT", key("float"), "0.2");
            master.call("HINCRBYFLOAT", key("hf"), "f", "3.0e-1");
            master.call("SADD", key("pool"), "a", "b", "c", "d", "e", "f");
            master.call("SPOP", key("pool"));
            master.call("SPOP", key("pool"), "2");
            master.call("SET", key("gone"), "v");
            master.call("EXPIRE", key("gone"), "-1");

            assertSameData(master, replica);
            for (String name : new String[] {"ex", "setex", "kept"}) {
                assertEquals(master.call("PEXPIRETIME", key(name)), replica.read("PEXPIRETIME", key(name)), name);
            }
            assertEquals(master.call("GET", key("float")), replica.read("GET", key("float")));
            assertEquals(master.call("SMEMBERS", key("pool")), replica.read("SMEMBERS", key("pool")));
            assertEquals(Resp.integer(0), replica.read("EXISTS", key("gone")));
        }
    }

    @Test
    void blockedPopsServedLaterPropagateWhatTheyTook() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            cluster.replicate(replica, master);
            try (RespClient blocked = master.client();
                    RespClient mover = master.client();
                    RespClient pusher = master.client()) {
                blocked.send("BLPOP", key("queue"), "0");
                mover.send("BLMOVE", key("src"), key("dst"), "RIGHT", "LEFT", "0");
                ReplicationTestNode.await(
                        "two blocked clients",
                        () -> master.call("CLIENT", "LIST").split(" flags=b ").length == 3);
                pusher.call("RPUSH", key("queue"), "first", "second");
                pusher.call("LPUSH", key("src"), "moved");
                assertEquals(Resp.array(Resp.bulk(key("queue")), Resp.bulk("first")), blocked.read());
                assertEquals(Resp.bulk("moved"), mover.read());
                pusher.call("RPUSH", key("ready"), "x", "y");
                pusher.call("BRPOP", key("ready"), "0");
            }
            assertSameData(master, replica);
            assertEquals(Resp.array(Resp.bulk("second")), replica.read("LRANGE", key("queue"), "0", "-1"));
            assertEquals(Resp.array(Resp.bulk("moved")), replica.read("LRANGE", key("dst"), "0", "-1"));
            assertEquals(Resp.array(Resp.bulk("x")), replica.read("LRANGE", key("ready"), "0", "-1"));
        }
    }

    @Test
    void anExpiryOnTheMasterReachesTheReplicaAsDel() {
        long frozen = System.currentTimeMillis();
        Keyspace frozenReplicaKeyspace = new Keyspace(() -> frozen, RandomGenerator.getDefault());
        try (ReplicatedCluster cluster = ReplicatedCluster.start(
                dir, 1, NodeSpec.defaults(), new NodeSpec(new ReplicationModule(), frozenReplicaKeyspace))) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            cluster.replicate(replica, master);
            master.call("SET", key("short"), "v", "PX", "300");
            ReplicationTestNode.await(
                    "the key on the replica",
                    () -> replica.read("EXISTS", key("short")).equals(":1\r\n"));
            ReplicationTestNode.await(
                    "the master to expire the key", () -> master.inKeyspace(keyspace -> keyspace.size()) == 0);
            ReplicationTestNode.await(
                    "the replica, whose clock stands still, to drop the key",
                    () -> replica.read("EXISTS", key("short")).equals(":0\r\n"));
            assertSameData(master, replica);
        }
    }
}
