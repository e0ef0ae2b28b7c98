package io.slotwise.sim.cluster;

import static io.slotwise.sim.cluster.TestClusters.A;
import static io.slotwise.sim.cluster.TestClusters.B;
import static io.slotwise.sim.cluster.TestClusters.C;
import static io.slotwise.sim.cluster.TestClusters.D;
import static io.slotwise.sim.cluster.TestClusters.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodesConfFileTest {

    private final TestClusters.FakeClock clock = new TestClusters.FakeClock();

    private ClusterState parse(String content) throws CorruptNodesConfException {
        return NodesConfFile.parse(
                content, TestClusters.config(), TestClusters.environment(clock, new TestClusters.FakeKeys()));
    }

    /** The six-node state as a node sees it right after loading: no timers, no links. */
    private static ClusterState sixNodesWithoutTimers() {
        ClusterState state = TestClusters.sixNodes();
        for (ClusterNode node : state.nodes()) {
            node.setPingSentMillis(0);
            node.setPongReceivedMillis(0);
            node.setLinkState(LinkState.DISCONNECTED);
        }
        state.setLastVoteEpoch(2);
        return state;
    }

    @Test
    void serializedFileIsClusterNodesWithoutHandshakeNodesPlusTheVarsLine() {
        ClusterState state = sixNodesWithoutTimers();
        String nodesBefore = ClusterNodesRenderer.render(state);
        MembershipCommands.addHandshakeNode(state, "127.0.0.1", 7100, 17100, true);

        assertEquals(nodesBefore + "vars currentEpoch 3 lastVoteEpoch 2\n", NodesConfFile.serialize(state));
    }

    @Test
    void loadedPeersStartDisconnected() throws CorruptNodesConfException {
        String content = NodesConfFile.serialize(TestClusters.sixNodes());

        ClusterState loaded = parse(content);

        for (ClusterNode node : loaded.nodes()) {
            assertEquals(node.isMyself() ? LinkState.CONNECTED : LinkState.DISCONNECTED, node.linkState());
        }
    }

    @Test
    void savedStateLoadsBackIdentically() throws CorruptNodesConfException {
        ClusterState original = sixNodesWithoutTimers();
        String content = NodesConfFile.serialize(original);

        ClusterState loaded = parse(content);

        assertEquals(content, NodesConfFile.serialize(loaded));
        assertEquals(A, loaded.myself().id());
        assertSame(TestClusters.get(loaded, B), loaded.slots().migratingTo(3999));
        assertSame(TestClusters.get(loaded, C), loaded.slots().importingFrom(12000));
        for (int slot = 0; slot < SlotTable.SLOT_COUNT; slot++) {
            assertEquals(
                    original.slots().owner(slot).id(),
                    loaded.slots().owner(slot).id());
        }
        // Replication offsets are not persisted: loaded replicas stay out of CLUSTER SLOTS until they report one.
        assertEquals(0, TestClusters.get(loaded, D).replicationOffset());
    }

    @Test
    void loaderAppliesRedisNormalisations() throws CorruptNodesConfException {
        String content = "\n"
                + D + " 10.0.0.4:7003,d.example slave,fail " + A + " 1 99 7 disconnected\n"
                + "  \n"
                + A + " 10.0.0.1:7000 myself,master - 0 1234 5 connected 0-100 200 [300-<-" + UNKNOWN + "]\n"
                + "vars currentEpoch 2 lastVoteEpoch 1 someFutureVar x\n";

        ClusterState state = parse(content);

        ClusterNode d = TestClusters.get(state, D);
        assertEquals(17003, d.busPort());
        assertEquals("d.example", d.hostname());
        assertEquals(0, d.configEpoch());
        assertEquals(clock.now, d.pingSentMillis());
        assertEquals(clock.now, d.pongReceivedMillis());
        assertEquals(clock.now, d.failTimeMillis());
        assertTrue(d.isFailed());
        assertEquals(LinkState.DISCONNECTED, d.linkState());
        assertEquals(5, state.currentEpoch());
        assertEquals(1, state.lastVoteEpoch());
        assertEquals(102, state.myself().slotCount());
        assertEquals(
                UNKNOWN + " :0@0 noflags - 0 0 0 disconnected",
                ClusterNodesRenderer.line(state, TestClusters.get(state, UNKNOWN)));
        assertSame(TestClusters.get(state, UNKNOWN), state.slots().importingFrom(300));
        assertEquals(
                A + " 10.0.0.1:7000@17000 myself,master - 0 " + clock.now + " 5 connected 0-100 200 [300-<-" + UNKNOWN
                        + "]",
                ClusterNodesRenderer.line(state, state.myself()));
    }

    @Test
    void masterNamedBeforeItsOwnLineIsCompletedByThatLine() throws CorruptNodesConfException {
        String content = D + " 127.0.0.1:7003@17003 slave " + A + " 0 0 0 connected\n" + A
                + " 127.0.0.1:7000@17000 myself,master - 0 0 4 connected 0-16383\n";

        ClusterState state = parse(content);

        assertEquals(state.myself(), state.masterOf(TestClusters.get(state, D)).orElseThrow());
        assertEquals(
                D + " 127.0.0.1:7003@17003 slave " + A + " 0 0 4 disconnected",
                ClusterNodesRenderer.line(state, TestClusters.get(state, D)));
    }

    static Stream<Arguments> corruptFiles() {
        String myself = A + " 127.0.0.1:7000@17000 myself,master - 0 0 1 connected";
        return Stream.of(
                Arguments.of("", 0, "Corrupted cluster config file: no node line carries the myself flag"),
                Arguments.of(myself + "\nvars currentEpoch\n", 2, "vars needs key/value pairs"),
                Arguments.of(myself + "\nvars currentEpoch x\n", 2, "invalid currentEpoch 'x'"),
                Arguments.of(
                        A + " 127.0.0.1:7000@17000 myself,master - 0 0 1\n", 1, "a node line needs at least 8 fields"),
                Arguments.of(
                        "nodeid 127.0.0.1:7000@17000 myself,master - 0 0 1 connected\n",
                        1,
                        "malformed node id 'nodeid'"),
                Arguments.of(A + " 127.0.0.1 myself,master - 0 0 1 connected\n", 1, "address '127.0.0.1' has no ':'"),
                Arguments.of(A + " 127.0.0.1:x@17000 myself,master - 0 0 1 connected\n", 1, "invalid port 'x'"),
                Arguments.of(A + " 127.0.0.1:7000@99999 myself,master - 0 0 1 connected\n", 1, "invalid port '99999'"),
                Arguments.of(
                        A + " 127.0.0.1:60000 myself,master - 0 0 1 connected\n", 1, "bus port 70000 out of range"),
                Arguments.of(
                        A + " 127.0.0.1:7000@17000 myself,boss - 0 0 1 connected\n", 1, "unknown node flag 'boss'"),
                Arguments.of(
                        A + " 127.0.0.1:7000@17000 myself,master bad 0 0 1 connected\n",
                        1,
                        "malformed master id 'bad'"),
                Arguments.of(
                        A + " 127.0.0.1:7000@17000 myself,master " + A + " 0 0 1 connected\n",
                        1,
                        "a node cannot be its own master"),
                Arguments.of(A + " 127.0.0.1:7000@17000 myself,master - x 0 1 connected\n", 1, "invalid ping-sent 'x'"),
                Arguments.of(
                        A + " 127.0.0.1:7000@17000 myself,master - 0 0 -1 connected\n", 1, "invalid config epoch '-1'"),
                Arguments.of(myself + " 16384\n", 1, "invalid slot '16384'"),
                Arguments.of(myself + " 10-5\n", 1, "slot range 10-5 is reversed"),
                Arguments.of(myself + " 5-x\n", 1, "invalid slot 'x'"),
                Arguments.of(myself + " [5->-nope]\n", 1, "malformed migration peer id 'nope'"),
                Arguments.of(myself + " [5>" + B + "]\n", 1, "malformed migration marker [5>" + B + "]"),
                Arguments.of(myself + " [x->-" + B + "]\n", 1, "invalid slot 'x'"),
                Arguments.of(
                        myself + " 0-10\n" + B + " 127.0.0.1:7001@17001 master - 0 0 2 connected 10\n",
                        2,
                        "slot 10 is assigned to two nodes"),
                Arguments.of(myself + "\n" + myself.replace(A, B) + "\n", 2, "a second node carries the myself flag"),
                Arguments.of(myself + "\n" + myself.replace("myself,", "") + "\n", 2, "node " + A + " is listed twice"),
                Arguments.of(
                        B + " 127.0.0.1:7001@17001 master - 0 0 2 connected\n",
                        0,
                        "Corrupted cluster config file: no node line carries the myself flag"));
    }

    @ParameterizedTest(name = "line {1}: {2}")
    @MethodSource("corruptFiles")
    void corruptFileIsRejectedWithAMessageNamingTheLine(String content, int line, String problem) {
        CorruptNodesConfException error = assertThrows(CorruptNodesConfException.class, () -> parse(content));

        assertEquals(line, error.lineNumber());
        if (line == 0) {
            assertEquals(problem, error.getMessage());
        } else {
            String offending = content.split("\n", -1)[line - 1];
            assertEquals(
                    "Corrupted cluster config file, line " + line + ": " + problem + ": '" + offending + "'",
                    error.getMessage());
        }
    }

    @Test
    void saveThenLoadRestoresTheStateAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        ClusterState state = sixNodesWithoutTimers();
        Path file = dir.resolve("nodes.conf");
        Files.writeString(file, "old content that must be replaced");

        NodesConfFile.save(file, state, true);
        ClusterState loaded = NodesConfFile.load(
                        file, TestClusters.config(), TestClusters.environment(clock, new TestClusters.FakeKeys()))
                .orElseThrow();

        assertEquals(NodesConfFile.serialize(state), Files.readString(file));
        assertEquals(NodesConfFile.serialize(state), NodesConfFile.serialize(loaded));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void missingOrEmptyFileMeansAFreshNode(@TempDir Path dir) throws IOException {
        ClusterEnvironment environment = TestClusters.environment(clock, new TestClusters.FakeKeys());
        Path file = dir.resolve("nodes.conf");

        assertFalse(NodesConfFile.load(file, TestClusters.config(), environment).isPresent());
        Files.writeString(file, "");
        assertFalse(NodesConfFile.load(file, TestClusters.config(), environment).isPresent());
    }

    @Test
    void loadedReplicaKeepsItsMasterAndLineOrderDecidesReplicaOrder() throws CorruptNodesConfException {
        String content = A + " 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-16383\n"
                + C + " 127.0.0.1:7002@17002 slave " + A + " 0 0 0 connected\n"
                + B + " 127.0.0.1:7001@17001 slave " + A + " 0 0 0 connected\n";

        ClusterState state = parse(content);

        assertEquals(
                java.util.List.of(TestClusters.get(state, C), TestClusters.get(state, B)),
                state.replicasOf(state.myself()));
        assertNull(state.myself().masterId());
    }
}
