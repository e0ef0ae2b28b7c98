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

import io.slotwise.sim.Resp;
import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterModeSingleNodeTest {
    private static final String NULL_BULK = "$-1\r\n";

    @TempDir
    Path dir;

    @Test
    void freshNodeShowsItselfAloneWithoutSlots() {
        try (ClusterTestNode node = ClusterTestNode.start(dir)) {
            String id = node.id();
            assertEquals(bulk(id), node.call("CLUSTER", "MYID"));
            assertEquals(
                    id + " :" + node.port() + "@" + (node.port() + 10000 > 65535 ? 0 : node.port() + 10000)
                            + " myself,master - 0 0 0 connected\n",
                    textOf(node.call("CLUSTER", "NODES")));
            String info = textOf(node.call("CLUSTER", "INFO"));
            assertTrue(info.startsWith("cluster_state:fail\r\ncluster_slots_assigned:0\r\n"), info);
            assertTrue(info.contains("cluster_known_nodes:1\r\ncluster_size:0\r\n"), info);
            assertEquals(array(), node.call("CLUSTER", "SLOTS"));
            assertEquals(array(), node.call("CLUSTER", "LINKS"));
            assertEquals(integer(12739), node.call("CLUSTER", "KEYSLOT", "123456789"));
            assertEquals(integer(0), node.call("CLUSTER", "KEYSLOT", ""));
        }
    }

    @Test
    void nodesAndInfoAreVerbatimTextInResp3() {
        try (ClusterTestNode node = ClusterTestNode.start(dir);
                RespClient client = node.client()) {
            client.call("HELLO", "3");
            String nodes = client.call("CLUSTER", "NODES");
            assertTrue(nodes.startsWith("="), nodes);
            assertEquals(Resp.verbatim(textOf(nodes)), nodes);
            assertTrue(client.call("CLUSTER", "INFO").startsWith("="));
        }
    }

    @Test
    void assigningEverySlotMakesTheClusterOkAndServesKeysLocally() {
        try (ClusterTestNode node = ClusterTestNode.start(dir);
                RespClient client = node.client()) {
            assertEquals(error("CLUSTERDOWN Hash slot not served"), client.call("GET", "k"));
            assertEquals(simple("OK"), client.call("CLUSTER", "ADDSLOTSRANGE", "0", "16383"));
            node.awaitStateOk();
            assertEquals(simple("OK"), client.call("SET", "k", "v"));
            assertEquals(bulk("v"), client.call("GET", "k"));
            assertEquals(error("CROSSSLOT Keys in request don't hash to the same slot"), client.call("MGET", "a", "b"));
            assertEquals(integer(1), client.call("CLUSTER", "COUNTKEYSINSLOT", Integer.toString(slot("k"))));
            assertEquals(array(bulk("k")), client.call("CLUSTER", "GETKEYSINSLOT", Integer.toString(slot("k")), "10"));
            assertEquals(integer(1), client.call("DBSIZE"));
            String slots = client.call("CLUSTER", "SLOTS");
            assertEquals(
                    array(array(
                            integer(0),
                            integer(16383),
                            array(bulk(""), integer(node.port()), bulk(node.id()), array()))),
                    slots);
            String shards = client.call("CLUSTER", "SHARDS");
            assertTrue(shards.startsWith("*1\r\n*4\r\n$5\r\nslots\r\n*2\r\n:0\r\n:16383\r\n"), shards);
        }
    }

    @Test
    void unassignedSlotIsNotServedEvenWhenOtherSlotsAre() {
        try (ClusterTestNode node = ClusterTestNode.start(dir, "cluster-require-full-coverage", "no")) {
            String mine = ClusterTestNode.keyInSlots(0, 99, "a");
            String unassigned = ClusterTestNode.keyInSlots(100, 16383, "b");
            assertEquals(simple("OK"), node.call("CLUSTER", "ADDSLOTSRANGE", "0", "99"));
            node.awaitStateOk();
            assertEquals(simple("OK"), node.call("SET", mine, "1"));
            assertEquals(error("CLUSTERDOWN Hash slot not served"), node.call("GET", unassigned));
        }
    }

    @Test
    void configSetOfCoverageAndReadsWhenDownTakesEffect() {
        try (ClusterTestNode node = ClusterTestNode.start(dir);
                RespClient client = node.client()) {
            String key = ClusterTestNode.keyInSlots(0, 99, "k");
            client.call("CLUSTER", "ADDSLOTSRANGE", "0", "99");
            assertEquals(error("CLUSTERDOWN The cluster is down"), client.call("GET", key));
            client.call("CONFIG", "SET", "cluster-allow-reads-when-down", "yes");
            assertEquals(NULL_BULK, client.call("GET", key));
            assertEquals(
                    error("CLUSTERDOWN The cluster is down and only accepts read commands"),
                    client.call("SET", key, "v"));
            client.call("CONFIG", "SET", "cluster-require-full-coverage", "no");
            node.awaitStateOk();
            assertEquals(simple("OK"), client.call("SET", key, "v"));
            assertTrue(textOf(client.call("CLUSTER", "INFO")).startsWith("cluster_state:ok"));
        }
    }

    @Test
    void configSetOfAnnounceIpChangesMyAddress() {
        try (ClusterTestNode node = ClusterTestNode.start(dir)) {
            node.call("CONFIG", "SET", "cluster-announce-ip", "10.1.2.3");
            assertTrue(textOf(node.call("CLUSTER", "NODES")).startsWith(node.id() + " 10.1.2.3:" + node.port()));
        }
    }

    @Test
    void meetAddsAHandshakeNodeThatIsNotSaved() throws Exception {
        try (ClusterTestNode node = ClusterTestNode.start(dir)) {
            assertEquals(simple("OK"), node.call("CLUSTER", "MEET", "127.0.0.1", "7000"));
            assertEquals(simple("OK"), node.call("CLUSTER", "MEET", "127.0.0.1", "7000"), "already in handshake");
            String nodes = textOf(node.call("CLUSTER", "NODES"));
            assertTrue(nodes.contains(" 127.0.0.1:7000@17000 handshake - 0 0 0 disconnected\n"), nodes);
            assertTrue(textOf(node.call("CLUSTER", "INFO")).contains("cluster_known_nodes:2\r\n"));
            assertFalse(
                    java.nio.file.Files.readString(dir.resolve("nodes.conf")).contains("handshake"));
        }
    }

    @Test
    void configSetOfNodeTimeoutReachesTheClusterState() {
        try (ClusterTestNode node = ClusterTestNode.start(dir)) {
            assertEquals(simple("OK"), node.call("CONFIG", "SET", "cluster-node-timeout", "1234"));
            node.call("CLUSTER", "INFO");
            assertEquals(1234L, (long) node.onLoop(state -> state.config().nodeTimeoutMillis()));
        }
    }

    @Test
    void infoHelloAndHelpDescribeClusterMode() {
        try (ClusterTestNode node = ClusterTestNode.start(dir);
                RespClient client = node.client()) {
            String info = textOf(client.call("INFO"));
            assertTrue(info.contains("redis_mode:cluster\r\n"), info);
            assertTrue(info.contains("# Cluster\r\ncluster_enabled:1\r\n"), info);
            assertTrue(client.call("HELLO", "2").contains(bulk("mode") + bulk("cluster")));
            String help = client.call("CLUSTER", "HELP");
            assertTrue(
                    help.startsWith("*56\r\n+CLUSTER <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"
                            + "+ADDSLOTS <slot> [<slot> ...]\r\n"),
                    help);
            assertTrue(help.endsWith("+HELP\r\n+    Prints this help.\r\n"), help);
        }
    }

    @Test
    void simNodeInstallsClusterModeWhenClusterIsEnabled() {
        try (SimNode node = SimNode.start(ClusterTestNode.config(dir));
                RespClient client = RespClient.connect(node.port())) {
            assertEquals(40, textOf(client.call("CLUSTER", "MYID")).length());
            assertTrue(textOf(client.call("CLUSTER", "INFO")).startsWith("cluster_state:fail\r\n"));
        }
    }

    @Test
    void nonClusterNodeRefusesClusterCommands() {
        try (SimNode node =
                        SimNode.start(SimNodeConfig.defaults().with("port", "0").with("dir", dir.toString()));
                RespClient client = RespClient.connect(node.port())) {
            assertEquals(error("ERR This instance has cluster support disabled"), client.call("CLUSTER", "MYID"));
            assertEquals(error("ERR This instance has cluster support disabled"), client.call("CLUSTER", "HELP"));
        }
    }

    private static int slot(String key) {
        return ClusterTestNode.slotOf(key);
    }
}
