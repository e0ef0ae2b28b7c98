package io.slotwise.sim.clustermode;

import static io.slotwise.sim.Resp.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.Resp;
import io.slotwise.sim.cluster.ClusterNode;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error of the CLUSTER subcommands and of the commands cluster mode refuses, through the wire, against one node
 * that owns slots 0-100, holds one key there, and knows a master P and its replica R. Placeholders in the commands and
 * errors: {@code {ME}}, {@code {P}}, {@code {R}} are node IDs, {@code {SLOT}} the slot of the key.
 */
class ClusterCommandErrorsTest {
    private static final String PEER = "a".repeat(40);
    private static final String REPLICA = "b".repeat(40);
    private static final String UNKNOWN = "c".repeat(40);

    @TempDir
    static Path dir;

    private static ClusterTestNode node;
    private static String key;

    @BeforeAll
    static void startNode() {
        node = ClusterTestNode.start(dir, "cluster-require-full-coverage", "no");
        node.onLoop(state -> {
            ClusterNode peer = new ClusterNode(PEER, "127.0.0.1", 7000, 17000);
            state.addNode(peer);
            state.setNodeAsMaster(peer);
            ClusterNode replica = new ClusterNode(REPLICA, "127.0.0.1", 7001, 17001);
            state.addNode(replica);
            state.setPeerAsReplicaOf(replica, peer);
            return null;
        });
        assertEquals(Resp.simple("OK"), node.call("CLUSTER", "ADDSLOTSRANGE", "0", "100"));
        node.awaitStateOk();
        key = ClusterTestNode.keyInSlots(0, 100, "k");
        assertEquals(Resp.simple("OK"), node.call("SET", key, "v"));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("CLUSTER foo", "ERR unknown subcommand 'foo'. Try CLUSTER HELP."),
                Arguments.of("CLUSTER ADDSLOTS", "ERR wrong number of arguments for 'cluster|addslots' command"),
                Arguments.of("CLUSTER ADDSLOTS x", "ERR Invalid or out of range slot"),
                Arguments.of("CLUSTER ADDSLOTS 16384", "ERR Invalid or out of range slot"),
                Arguments.of("CLUSTER ADDSLOTS 200 0", "ERR Slot 0 is already busy"),
                Arguments.of("CLUSTER ADDSLOTS 200 200", "ERR Slot 200 specified multiple times"),
                Arguments.of(
                        "CLUSTER ADDSLOTSRANGE 300 200",
                        "ERR start slot number 300 is greater than end slot number 200"),
                Arguments.of(
                        "CLUSTER ADDSLOTSRANGE 1 2 3",
                        "ERR wrong number of arguments for 'cluster|addslotsrange' command"),
                Arguments.of("CLUSTER DELSLOTS 5000", "ERR Slot 5000 is already unassigned"),
                Arguments.of("CLUSTER DELSLOTS -1", "ERR Invalid or out of range slot"),
                Arguments.of("CLUSTER DELSLOTSRANGE 0 1 1 2", "ERR Slot 1 specified multiple times"),
                Arguments.of("CLUSTER SETSLOT 1", "ERR wrong number of arguments for 'cluster|setslot' command"),
                Arguments.of("CLUSTER SETSLOT x node {P}", "ERR Invalid or out of range slot"),
                Arguments.of(
                        "CLUSTER SETSLOT 1 foo",
                        "ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP"),
                Arguments.of(
                        "CLUSTER SETSLOT 1 stable x",
                        "ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP"),
                Arguments.of("CLUSTER SETSLOT 5000 migrating {P}", "ERR I'm not the owner of hash slot 5000"),
                Arguments.of("CLUSTER SETSLOT 1 migrating " + UNKNOWN, "ERR I don't know about node " + UNKNOWN),
                Arguments.of("CLUSTER SETSLOT 1 migrating {R}", "ERR Target node is not a master"),
                Arguments.of("CLUSTER SETSLOT 1 importing {P}", "ERR I'm already the owner of hash slot 1"),
                Arguments.of("CLUSTER SETSLOT 5000 importing {R}", "ERR Target node is not a master"),
                Arguments.of("CLUSTER SETSLOT 1 node nobody", "ERR Unknown node nobody"),
                Arguments.of("CLUSTER SETSLOT 1 node {R}", "ERR Target node is not a master"),
                Arguments.of(
                        "CLUSTER SETSLOT {SLOT} node {P}",
                        "ERR Can't assign hashslot {SLOT} to a different node while I still hold keys for this hash"
                                + " slot."),
                Arguments.of("CLUSTER REPLICATE nobody", "ERR Unknown node nobody"),
                Arguments.of("CLUSTER REPLICATE {ME}", "ERR Can't replicate myself"),
                Arguments.of("CLUSTER REPLICATE {R}", "ERR I can only replicate a master, not a replica."),
                Arguments.of(
                        "CLUSTER REPLICATE {P}",
                        "ERR To set a master the node must be empty and without assigned slots."),
                Arguments.of("CLUSTER REPLICATE", "ERR wrong number of arguments for 'cluster|replicate' command"),
                Arguments.of("CLUSTER FORGET nobody", "ERR Unknown node nobody"),
                Arguments.of("CLUSTER FORGET {ME}", "ERR I tried hard but I can't forget myself..."),
                Arguments.of("CLUSTER MEET localhost 1", "ERR Invalid node address specified: localhost:1"),
                Arguments.of("CLUSTER MEET 127.0.0.1 x", "ERR Invalid TCP base port specified: x"),
                Arguments.of("CLUSTER MEET 127.0.0.1 1 y", "ERR Invalid TCP bus port specified: y"),
                Arguments.of("CLUSTER MEET 1.2.3.4 7000 99999", "ERR Invalid node address specified: 1.2.3.4:7000"),
                Arguments.of(
                        "CLUSTER MEET 1.2.3.4 1 2 3",
                        "ERR unknown subcommand or wrong number of arguments for 'MEET'. Try CLUSTER HELP."),
                Arguments.of("CLUSTER RESET foo", "ERR syntax error"),
                Arguments.of(
                        "cluster reset soft x",
                        "ERR unknown subcommand or wrong number of arguments for 'reset'. Try CLUSTER HELP."),
                Arguments.of("CLUSTER RESET", "ERR CLUSTER RESET can't be called with master nodes containing keys"),
                Arguments.of("CLUSTER FAILOVER", "ERR You should send CLUSTER FAILOVER to a replica"),
                Arguments.of("CLUSTER FAILOVER foo", "ERR syntax error"),
                Arguments.of(
                        "CLUSTER FAILOVER force x",
                        "ERR unknown subcommand or wrong number of arguments for 'FAILOVER'. Try CLUSTER HELP."),
                Arguments.of("CLUSTER COUNTKEYSINSLOT x", "ERR value is not an integer or out of range"),
                Arguments.of("CLUSTER COUNTKEYSINSLOT 16384", "ERR Invalid slot"),
                Arguments.of("CLUSTER GETKEYSINSLOT 1 -1", "ERR Invalid slot or number of keys"),
                Arguments.of("CLUSTER GETKEYSINSLOT 99999 1", "ERR Invalid slot or number of keys"),
                Arguments.of("CLUSTER GETKEYSINSLOT x 1", "ERR value is not an integer or out of range"),
                Arguments.of("CLUSTER KEYSLOT", "ERR wrong number of arguments for 'cluster|keyslot' command"),
                Arguments.of("CLUSTER SET-CONFIG-EPOCH x", "ERR value is not an integer or out of range"),
                Arguments.of("CLUSTER SET-CONFIG-EPOCH -1", "ERR Invalid config epoch specified: -1"),
                Arguments.of(
                        "CLUSTER SET-CONFIG-EPOCH 5",
                        "ERR The user can assign a config epoch only when the node does not know any other node."),
                Arguments.of("CLUSTER FLUSHSLOTS", "ERR DB must be empty to perform CLUSTER FLUSHSLOTS."),
                Arguments.of("CLUSTER COUNT-FAILURE-REPORTS nobody", "ERR Unknown node nobody"),
                Arguments.of("CLUSTER REPLICAS nobody", "ERR Unknown node nobody"),
                Arguments.of("CLUSTER SLAVES {R}", "ERR The specified node is not a master"),
                Arguments.of("REPLICAOF no one", "ERR REPLICAOF not allowed in cluster mode."),
                Arguments.of("SLAVEOF 127.0.0.1 7000", "ERR REPLICAOF not allowed in cluster mode."),
                Arguments.of(
                        "FAILOVER", "ERR FAILOVER not allowed in cluster mode. Use CLUSTER FAILOVER command instead."),
                Arguments.of("SELECT 1", "ERR SELECT is not allowed in cluster mode"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void commandIsRefusedWithRedisError(String command, String expected) {
        assertEquals(error(fill(expected)), node.call(fill(command).split(" ")));
    }

    @Test
    void refusedCommandsLeaveTheStateAsItWas() {
        String nodes = Resp.textOf(node.call("CLUSTER", "NODES"));
        errors().forEach(
                        arguments -> node.call(fill((String) arguments.get()[0]).split(" ")));
        assertEquals(nodes, Resp.textOf(node.call("CLUSTER", "NODES")));
        assertEquals(Resp.bulk("v"), node.call("GET", key));
    }

    @Test
    void knownNodesAreListedAndHaveNoFailureReports() {
        String replicas = node.call("CLUSTER", "REPLICAS", PEER);
        assertEquals(
                Resp.array(Resp.bulk(REPLICA + " 127.0.0.1:7001@17001 slave " + PEER + " 0 0 0 disconnected")),
                replicas);
        assertEquals(replicas, node.call("CLUSTER", "SLAVES", PEER));
        assertEquals(Resp.integer(0), node.call("CLUSTER", "COUNT-FAILURE-REPORTS", PEER));
        assertEquals(Resp.array(), node.call("CLUSTER", "REPLICAS", node.id()));
    }

    private static String fill(String text) {
        return text.replace("{ME}", node.id())
                .replace("{P}", PEER)
                .replace("{R}", REPLICA)
                .replace("{SLOT}", Integer.toString(ClusterTestNode.slotOf(key)));
    }
}
