package io.slotwise.sim.clustermode;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.Resp.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.StringValue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MOVED, ASK, ASKING, TRYAGAIN and replica redirection between two nodes that know each other (no bus). */
class ClusterRedirectFlowTest {
    private static final String OK = simple("OK");
    private static final String TRYAGAIN = error("TRYAGAIN Multiple keys request during rehashing of slot");

    @TempDir
    Path dir;

    @Test
    void keysOfTheOtherNodeAreMovedToItAndAbortATransaction() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir);
                RespClient a = cluster.a.client()) {
            String key = TwoNodeCluster.keyOfB("x");
            String moved = error("MOVED " + ClusterTestNode.slotOf(key) + " 127.0.0.1:" + cluster.b.port());
            assertEquals(moved, a.call("GET", key));
            assertEquals(OK, cluster.b.call("SET", key, "v"));
            assertEquals(OK, a.call("MULTI"));
            assertEquals(moved, a.call("SET", key, "w"));
            assertEquals(error("EXECABORT Transaction discarded because of previous errors."), a.call("EXEC"));
            assertEquals(bulk("v"), cluster.b.call("GET", key));
        }
    }

    @Test
    void migratingSlotAsksForMissingKeysAndImportingSlotServesAskingClients() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir);
                RespClient a = cluster.a.client();
                RespClient b = cluster.b.client()) {
            String present = TwoNodeCluster.keyOfA("present");
            String missing = present.replace("present", "missing");
            int slot = ClusterTestNode.slotOf(present);
            String ask = error("ASK " + slot + " 127.0.0.1:" + cluster.b.port());
            String moved = error("MOVED " + slot + " 127.0.0.1:" + cluster.a.port());
            assertEquals(OK, a.call("SET", present, "here"));
            assertEquals(OK, b.call("CLUSTER", "SETSLOT", "" + slot, "IMPORTING", cluster.a.id()));
            assertEquals(OK, a.call("CLUSTER", "SETSLOT", "" + slot, "MIGRATING", cluster.b.id()));

            assertEquals(bulk("here"), a.call("GET", present));
            assertEquals(ask, a.call("GET", missing));
            assertEquals(ask, a.call("SET", missing, "new"));
            assertEquals(TRYAGAIN, a.call("MGET", present, missing));

            assertEquals(moved, b.call("GET", missing));
            assertEquals(OK, b.call("ASKING"));
            assertEquals(OK, b.call("SET", missing, "new"));
            assertEquals(moved, b.call("GET", missing), "ASKING lasts for one command");
            assertEquals(OK, b.call("ASKING"));
            assertEquals(bulk("new"), b.call("GET", missing));
            assertEquals(OK, b.call("ASKING"));
            assertEquals(TRYAGAIN, b.call("MGET", missing, present));

            assertTrue(textOf(a.call("CLUSTER", "NODES")).contains("[" + slot + "->-" + cluster.b.id() + "]"));
            assertTrue(textOf(b.call("CLUSTER", "NODES")).contains("[" + slot + "-<-" + cluster.a.id() + "]"));
        }
    }

    @Test
    void setSlotNodeOnBothSidesClosesTheMigration() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir);
                RespClient a = cluster.a.client();
                RespClient b = cluster.b.client()) {
            String key = TwoNodeCluster.keyOfA("k");
            String slot = Integer.toString(ClusterTestNode.slotOf(key));
            assertEquals(OK, b.call("CLUSTER", "SETSLOT", slot, "IMPORTING", cluster.a.id()));
            assertEquals(OK, a.call("CLUSTER", "SETSLOT", slot, "MIGRATING", cluster.b.id()));
            assertEquals(OK, b.call("ASKING"));
            assertEquals(OK, b.call("SET", key, "moved"));

            assertEquals(OK, b.call("CLUSTER", "SETSLOT", slot, "NODE", cluster.b.id()));
            assertEquals(OK, a.call("CLUSTER", "SETSLOT", slot, "NODE", cluster.b.id()));

            assertEquals(error("MOVED " + slot + " 127.0.0.1:" + cluster.b.port()), a.call("GET", key));
            assertEquals(bulk("moved"), b.call("GET", key));
            String nodesOfB = textOf(b.call("CLUSTER", "NODES"));
            assertFalse(nodesOfB.contains("-<-"), nodesOfB);
            assertFalse(textOf(a.call("CLUSTER", "NODES")).contains("->-"));
            assertTrue(textOf(b.call("CLUSTER", "INFO")).contains("cluster_my_epoch:1\r\n"), "import bumps my epoch");
        }
    }

    @Test
    void replicaRedirectsKeyedCommandsAndRefusesKeylessWrites() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir);
                ClusterTestNode replica = ClusterTestNode.start(Files.createDirectories(dir.resolve("c")));
                RespClient c = replica.client()) {
            replica.learn(cluster.a);
            replica.learn(cluster.b);
            replica.assign(cluster.a, 0, TwoNodeCluster.SPLIT - 1);
            replica.assign(cluster.b, TwoNodeCluster.SPLIT, 16383);
            assertEquals(OK, c.call("CLUSTER", "REPLICATE", cluster.a.id()));
            replica.awaitStateOk();
            String key = TwoNodeCluster.keyOfA("k");
            String moved = error("MOVED " + ClusterTestNode.slotOf(key) + " 127.0.0.1:" + cluster.a.port());
            String readOnly = error("READONLY You can't write against a read only replica.");

            assertEquals(moved, c.call("GET", key));
            assertEquals(readOnly, c.call("FLUSHALL"));
            assertEquals(OK, c.call("READONLY"));
            assertEquals("$-1\r\n", c.call("GET", key));
            assertEquals(moved, c.call("SET", key, "v"), "writes are redirected even with READONLY");
            assertEquals(OK, c.call("MULTI"));
            assertEquals(readOnly, c.call("FLUSHALL"));
            assertEquals(error("EXECABORT Transaction discarded because of previous errors."), c.call("EXEC"));

            assertEquals(
                    error("ERR Please use SETSLOT only with masters."), c.call("CLUSTER", "SETSLOT", "1", "STABLE"));
            assertEquals(error("ERR Can't forget my master!"), c.call("CLUSTER", "FORGET", cluster.a.id()));
            assertEquals(
                    error("ERR Master is down or failed, please use CLUSTER FAILOVER FORCE"),
                    c.call("CLUSTER", "FAILOVER"));
            assertEquals(OK, c.call("CLUSTER", "FAILOVER", "FORCE"));
            assertTrue(textOf(c.call("CLUSTER", "NODES")).contains("myself,slave " + cluster.a.id()));

            replica.withKeyspace(keyspace -> {
                keyspace.set(Key.of(key), StringValue.of("replicated"));
                return null;
            });
            assertEquals(OK, c.call("CLUSTER", "RESET"));
            assertEquals(integer(0), c.call("DBSIZE"), "a replica reset into a master is emptied");
            assertTrue(textOf(c.call("CLUSTER", "NODES")).contains("myself,master - "));
        }
    }

    @Test
    void transactionWithKeysOfOneSlotIsServedAndCrossSlotOneIsDiscarded() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir);
                RespClient a = cluster.a.client()) {
            String one = TwoNodeCluster.keyOfA("one");
            String two = one.replace("one", "two");
            int slot = ClusterTestNode.slotOf(one);
            String elsewhere = slot > 0
                    ? ClusterTestNode.keyInSlots(0, slot - 1, "x")
                    : ClusterTestNode.keyInSlots(1, TwoNodeCluster.SPLIT - 1, "x");
            assertEquals(OK, a.call("MULTI"));
            assertEquals(simple("QUEUED"), a.call("SET", one, "x"));
            assertEquals(simple("QUEUED"), a.call("GET", two));
            assertEquals(array(OK, "$-1\r\n"), a.call("EXEC"));
            assertEquals(
                    error("CROSSSLOT Keys in request don't hash to the same slot"), a.call("MGET", one, elsewhere));
        }
    }
}
