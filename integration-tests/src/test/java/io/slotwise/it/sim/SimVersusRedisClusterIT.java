package io.slotwise.it.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.slotwise.it.fixture.ClusterSpec;
import io.slotwise.it.fixture.LoopbackPorts;
import io.slotwise.it.fixture.RedisClusterFixture;
import io.slotwise.it.fixture.RedisNode;
import io.slotwise.it.fixture.RedisServerBinary;
import io.slotwise.it.sim.ReplyNormaliser.NodeIdentity;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A simulator node and a real redis-server 7.0, each a one-node cluster owning all 16384 slots with config epoch 1,
 * answer the same command scripts (the {@code *Scripts} classes of this package, each a family: cluster commands,
 * cluster-mode errors, data and collection commands, server administration, sorted-set algebra, Lua scripting,
 * Pub/Sub, client-side caching, HyperLogLog and geo, streams and consumer groups, and random commands from fixed seeds) with the same
 * replies, in RESP2 and in RESP3. A failure names the script and shows, for every step that differs, the command and
 * both normalised replies.
 *
 * <p>What is normalised ({@link ReplyNormaliser}, {@link Normalisation}), and why:
 *
 * <ul>
 *   <li>node IDs (the node's own becomes {@code <myid>}, any other {@code <node-id>}), client ports and bus ports:
 *       each node has its own;
 *   <li>client IDs in HELLO: they count the connections each node has seen;
 *   <li>non-zero ping/pong times in CLUSTER NODES: wall-clock times;
 *   <li>the order of replies Redis builds from hash tables with a random per-process seed (KEYS, members of
 *       hash-table sets, fields of hash-table hashes): compared as multisets, only in the steps that ask for it;
 *   <li>in INFO, the times of commandstats and latencystats lines, and the order of lines within a section.
 * </ul>
 *
 * The scripts avoid what server-sim/README.md lists as deliberate differences (section "Deliberate differences from
 * Redis 7.0.15"): INFO contents other than commandstats, latencystats and errorstats, CLIENT LIST contents, DEBUG, DUMP payloads, OBJECT ENCODING after APPEND/SETRANGE, OBJECT
 * IDLETIME/FREQ, FUNCTION, COMMAND INFO/DOCS details, anything needing a second node or the cluster bus (MEET that
 * succeeds, LINKS with peers, failover) and databases other than 0. They also avoid randomness (RANDOMKEY, SPOP with
 * a count, SRANDMEMBER) and relative times finer than a second. Differences the simulator should not have are marked
 * on their script with a {@link SimulatorMismatch}.
 *
 * <p>The real node is started like the fixture starts every node ({@link RedisClusterFixture}, one primary,
 * {@code cluster-node-timeout 500}); the simulator node gets the same configuration and formation commands
 * (ADDSLOTSRANGE 0 16383, SET-CONFIG-EPOCH 1). Skipped when redis-server is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimVersusRedisClusterIT {

    private static final Duration NODE_TIMEOUT = Duration.ofMillis(500);

    private RedisClusterFixture redis;
    private SimNodeHandle sim;
    private int simPort;
    private ScriptRunner runner;

    @BeforeAll
    void startNodes() {
        assumeTrue(RedisServerBinary.locate().isPresent(), RedisServerBinary.MISSING_MESSAGE);
        redis = RedisClusterFixture.start(ClusterSpec.of(1, 0).withNodeTimeout(NODE_TIMEOUT));
        simPort = LoopbackPorts.reserve();
        sim = SimNodeHandle.clusterNode(simPort).ownAllSlots();
        RedisNode real = redis.primaries().get(0);
        String simId;
        try (RawConnection admin = RawConnection.open(sim.port())) {
            assertEquals(
                    "+\"OK\"", admin.call("CLUSTER", "SET-CONFIG-EPOCH", "1").render());
            simId = admin.call("CLUSTER", "MYID").text();
        }
        runner = new ScriptRunner(
                new ScriptRunner.Target("redis-server", real.port(), new NodeIdentity(real.id(), real.port())),
                new ScriptRunner.Target("simulator", sim.port(), new NodeIdentity(simId, sim.port())));
    }

    @AfterAll
    void stopNodes() {
        try {
            if (runner != null) {
                runner.close();
            }
            if (sim != null) {
                sim.close();
            }
        } finally {
            if (simPort != 0) {
                LoopbackPorts.release(simPort);
            }
            if (redis != null) {
                redis.close();
            }
        }
    }

    Stream<Arguments> scriptsAndProtocols() {
        List<Script> scripts = Stream.of(
                        ClusterScripts.all(),
                        ClusterModeScripts.all(),
                        DataScripts.all(),
                        CollectionScripts.all(),
                        CollectionExtraScripts.all(),
                        ServerAdminScripts.all(),
                        SortedSetExtraScripts.all(),
                        LuaScriptingScripts.all(),
                        PubSubScripts.all(),
                        ClientTrackingScripts.all(),
                        HyperLogLogAndGeoScripts.all(),
                        StreamScripts.all(),
                        StreamGroupScripts.all(),
                        RandomCommandScripts.all(),
                        ReplicaMigrationScripts.all(),
                        ScriptBusyScripts.all(),
                        CommandStatsScripts.all())
                .flatMap(List::stream)
                .toList();
        return Stream.of(2, 3).flatMap(protocol -> scripts.stream().map(script -> Arguments.of(script, protocol)));
    }

    @ParameterizedTest(name = "{0} (RESP{1})")
    @MethodSource("scriptsAndProtocols")
    void simulatorAnswersTheScriptLikeRedis(Script script, int protocol) {
        List<String> differences = runner.run(script, protocol);

        if (script.knownMismatch() != null) {
            script.knownMismatch().expectStill(differences);
        }
        assertTrue(
                differences.isEmpty(),
                () -> "script '" + script.name() + "' (RESP" + protocol + "): " + differences.size()
                        + " replies differ:\n" + String.join("\n", differences) + "\n");
    }
}
