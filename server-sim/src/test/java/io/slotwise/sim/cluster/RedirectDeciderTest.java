package io.slotwise.sim.cluster;

import static io.slotwise.sim.cluster.TestClusters.B;
import static io.slotwise.sim.cluster.TestClusters.D;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The redirect decision table. Seen from A (master of 0-5460 and 16383; 3999 MIGRATING to B at :7001; 12000 IMPORTING
 * from C at :7002), from D (replica of A), and from a failed cluster (slot 16382 unassigned). Keys named {@code k*}
 * exist locally, keys named {@code m*} do not.
 */
class RedirectDeciderTest {

    private static final String SERVE = "SERVE";
    private static final String DOWN = "CLUSTERDOWN The cluster is down";
    private static final String DOWN_READ_ONLY = "CLUSTERDOWN The cluster is down and only accepts read commands";
    private static final String UNBOUND = "CLUSTERDOWN Hash slot not served";
    private static final String TRYAGAIN = "TRYAGAIN Multiple keys request during rehashing of slot";
    private static final String CROSSSLOT = "CROSSSLOT Keys in request don't hash to the same slot";

    private static ClusterState master() {
        return TestClusters.sixNodes();
    }

    private static ClusterState replica() {
        return TestClusters.sixNodes(D, new TestClusters.FakeClock(), new TestClusters.FakeKeys());
    }

    private static ClusterState failedMaster() {
        ClusterState state = TestClusters.sixNodes();
        state.unassignSlot(16382);
        state.updateState();
        return state;
    }

    private static ClusterState failedMasterWith(Consumer<ClusterState> change) {
        ClusterState state = failedMaster();
        change.accept(state);
        return state;
    }

    private static RedirectQuery.Builder query(Object... keysAndSlots) {
        RedirectQuery.Builder builder =
                RedirectQuery.builder().presence(key -> new String(key, StandardCharsets.UTF_8).startsWith("k"));
        for (int i = 0; i < keysAndSlots.length; i += 2) {
            builder.key(((String) keysAndSlots[i]).getBytes(StandardCharsets.UTF_8), (Integer) keysAndSlots[i + 1]);
        }
        return builder;
    }

    static Stream<Arguments> decisions() {
        Supplier<ClusterState> master = RedirectDeciderTest::master;
        Supplier<ClusterState> replica = RedirectDeciderTest::replica;
        Supplier<ClusterState> failed = RedirectDeciderTest::failedMaster;
        return Stream.of(
                // Keyless commands are never redirected, whatever the state or role.
                row("keyless write on master", master, query().write(true), SERVE),
                row("keyless write on failed cluster", failed, query().write(true), SERVE),
                row("keyless on replica", replica, query(), SERVE),
                // Plain ownership.
                row("read of my slot", master, query("k1", 100), SERVE),
                row("write of my slot, key missing", master, query("m1", 100).write(true), SERVE),
                row("read of B's slot", master, query("k1", 6000), "MOVED 6000 127.0.0.1:7001"),
                row(
                        "READONLY does not help a master",
                        master,
                        query("k1", 6000).clientReadOnly(true),
                        "MOVED 6000 127.0.0.1:7001"),
                row(
                        "ASKING without import is MOVED",
                        master,
                        query("k1", 6000).clientAsking(true),
                        "MOVED 6000 127.0.0.1:7001"),
                row("same slot, two keys", master, query("k1", 100, "k2", 100), SERVE),
                row("different slots", master, query("k1", 100, "k2", 101), CROSSSLOT),
                row("different slots, first on another node", master, query("k1", 6000, "k2", 100), CROSSSLOT),
                // Migrating slot 3999 (A -> B).
                row("migrating, key present", master, query("k1", 3999), SERVE),
                row("migrating, key missing", master, query("m1", 3999), "ASK 3999 127.0.0.1:7001"),
                row("migrating, new key written", master, query("m1", 3999).write(true), "ASK 3999 127.0.0.1:7001"),
                row("migrating, all keys missing", master, query("m1", 3999, "m2", 3999), "ASK 3999 127.0.0.1:7001"),
                row("migrating, some keys missing", master, query("k1", 3999, "m2", 3999), TRYAGAIN),
                row("migrating, all keys present", master, query("k1", 3999, "k2", 3999), SERVE),
                row(
                        "migrating, MIGRATE itself",
                        master,
                        query("m1", 3999).migrate(true).write(true),
                        SERVE),
                row(
                        "migrating, sharded pub/sub skips lookups",
                        master,
                        query("m1", 3999).shardedPubSub(true),
                        SERVE),
                // Importing slot 12000 (C -> A).
                row("importing, no ASKING", master, query("k1", 12000), "MOVED 12000 127.0.0.1:7002"),
                row(
                        "importing, READONLY is not ASKING",
                        master,
                        query("k1", 12000).clientReadOnly(true),
                        "MOVED 12000 127.0.0.1:7002"),
                row("importing, ASKING, key missing", master, query("m1", 12000).clientAsking(true), SERVE),
                row(
                        "importing, ASKING, same key twice missing",
                        master,
                        query("m1", 12000, "m1", 12000).clientAsking(true),
                        SERVE),
                row(
                        "importing, ASKING, some keys missing",
                        master,
                        query("k1", 12000, "m2", 12000).clientAsking(true),
                        TRYAGAIN),
                row(
                        "importing, ASKING, all keys present",
                        master,
                        query("k1", 12000, "k2", 12000).clientAsking(true),
                        SERVE),
                row(
                        "importing, RESTORE-ASKING",
                        master,
                        query("m1", 12000).askingCommand(true).write(true),
                        SERVE),
                row("importing, MIGRATE", master, query("m1", 12000).migrate(true), SERVE),
                // Cluster down.
                row("down, unassigned slot", failed, query("k1", 16382), UNBOUND),
                row("down, unassigned first key beats cross slot", failed, query("k1", 16382, "k2", 100), UNBOUND),
                row("down, cross slot beats down", failed, query("k1", 100, "k2", 101), CROSSSLOT),
                row("down, my slot", failed, query("k1", 100), DOWN),
                row("down, other slot", failed, query("k1", 6000), DOWN),
                row(
                        "down, reads allowed, read",
                        failedMasterWith(RedirectDeciderTest::allowReads),
                        query("k1", 100),
                        SERVE),
                row(
                        "down, reads allowed, read elsewhere",
                        failedMasterWith(RedirectDeciderTest::allowReads),
                        query("k1", 6000),
                        "MOVED 6000 127.0.0.1:7001"),
                row(
                        "down, reads allowed, write",
                        failedMasterWith(RedirectDeciderTest::allowReads),
                        query("k1", 100).write(true),
                        DOWN_READ_ONLY),
                row(
                        "down, sharded pub/sub allowed by default",
                        failed,
                        query("k1", 100).shardedPubSub(true),
                        SERVE),
                row(
                        "down, sharded pub/sub write allowed by default",
                        failed,
                        query("k1", 100).shardedPubSub(true).write(true),
                        SERVE),
                row(
                        "down, sharded pub/sub not allowed",
                        failedMasterWith(RedirectDeciderTest::forbidShardedPubSub),
                        query("k1", 100).shardedPubSub(true),
                        DOWN),
                row(
                        "down, reads allowed but sharded pub/sub not",
                        failedMasterWith(s -> {
                            allowReads(s);
                            forbidShardedPubSub(s);
                        }),
                        query("k1", 100).shardedPubSub(true),
                        DOWN),
                // Replica D of A.
                row("replica, read without READONLY", replica, query("k1", 100), "MOVED 100 127.0.0.1:7000"),
                row(
                        "replica, READONLY read of master's slot",
                        replica,
                        query("k1", 100).clientReadOnly(true),
                        SERVE),
                row(
                        "replica, READONLY write",
                        replica,
                        query("k1", 100).clientReadOnly(true).write(true),
                        "MOVED 100 127.0.0.1:7000"),
                row(
                        "replica, READONLY read of another master's slot",
                        replica,
                        query("k1", 6000).clientReadOnly(true),
                        "MOVED 6000 127.0.0.1:7001"),
                row(
                        "replica, READONLY read of master's migrating slot",
                        replica,
                        query("m1", 3999).clientReadOnly(true),
                        SERVE),
                row(
                        "replica, sharded pub/sub without READONLY",
                        replica,
                        query("k1", 100).shardedPubSub(true),
                        SERVE),
                row(
                        "replica, ASKING write",
                        replica,
                        query("k1", 100).clientAsking(true).write(true),
                        "MOVED 100 127.0.0.1:7000"));
    }

    private static Arguments row(
            String name, Supplier<ClusterState> state, RedirectQuery.Builder query, String expected) {
        return Arguments.of(name, state, query.build(), expected);
    }

    private static Arguments row(String name, ClusterState state, RedirectQuery.Builder query, String expected) {
        return Arguments.of(name, (Supplier<ClusterState>) () -> state, query.build(), expected);
    }

    private static void allowReads(ClusterState state) {
        state.setConfig(state.config().withAllowReadsWhenDown(true));
    }

    private static void forbidShardedPubSub(ClusterState state) {
        state.setConfig(state.config().withAllowPubsubshardWhenDown(false));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("decisions")
    void decisionMatchesRedis(String name, Supplier<ClusterState> state, RedirectQuery query, String expected) {
        RedirectDecision decision = RedirectDecider.decide(state.get(), query);

        String actual = decision instanceof RedirectDecision.Rejection rejection ? rejection.errorText() : SERVE;
        assertEquals(expected, actual);
    }

    @Test
    void missingKeyOfASlotMigratingToTheNodeItselfIsServedNotAsked() {
        ClusterState state = master();
        SetSlotCommand.execute(
                state, List.of("3999", "MIGRATING", state.myself().id()));
        RedirectDecision read = RedirectDecider.decide(state, query("m1", 3999).build());
        RedirectDecision write =
                RedirectDecider.decide(state, query("m1", 3999).write(true).build());
        assertEquals(RedirectDecision.SERVE, read);
        assertEquals(RedirectDecision.SERVE, write);
        // Some keys missing and some present is still TRYAGAIN, as in Redis.
        RedirectDecision mixed =
                RedirectDecider.decide(state, query("k1", 3999, "m2", 3999).build());
        assertEquals(TRYAGAIN, ((RedirectDecision.Rejection) mixed).errorText());
    }

    @Test
    void localKeysAreLookedUpOnlyForASlotInMigration() {
        ClusterState state = master();
        RedirectQuery query = RedirectQuery.builder()
                .key(new byte[] {1}, 100)
                .key(new byte[] {2}, 100)
                .presence(key -> {
                    throw new AssertionError("looked up a key of a stable slot");
                })
                .build();

        assertSame(RedirectDecision.SERVE, RedirectDecider.decide(state, query));
    }

    @Test
    void movedCarriesTheOwnerAndItsEndpoint() {
        RedirectDecision decision =
                RedirectDecider.decide(master(), query("k", 6000).build());

        assertEquals(new RedirectDecision.Moved(6000, B, "127.0.0.1", 7001), decision);
    }

    @Test
    void askCarriesTheMigrationTarget() {
        RedirectDecision decision =
                RedirectDecider.decide(master(), query("m", 3999).build());

        assertEquals(new RedirectDecision.Ask(3999, B, "127.0.0.1", 7001), decision);
    }

    @Test
    void redirectEndpointsFollowThePreferredEndpointType() {
        ClusterState state = master();
        state.setConfig(state.config().withPreferredEndpointType(PreferredEndpointType.HOSTNAME));
        RedirectQuery toB = query("k", 6000).build();
        RedirectQuery toC = query("k", 11000).build();
        TestClusters.get(state, B).setHostname("b.example");

        assertEquals("MOVED 6000 b.example:7001", errorText(state, toB));
        assertEquals("MOVED 11000 ?:7002", errorText(state, toC));

        state.setConfig(state.config().withPreferredEndpointType(PreferredEndpointType.UNKNOWN_ENDPOINT));
        assertEquals("MOVED 6000 :7001", errorText(state, toB));
        assertEquals("ASK 3999 :7001", errorText(state, query("m", 3999).build()));
    }

    @Test
    void replicaOfAnotherMasterDoesNotServeReadOnlyReads() {
        ClusterState state = replica();
        MembershipCommands.replicate(state, B);

        assertEquals(
                "MOVED 100 127.0.0.1:7000",
                errorText(state, query("k", 100).clientReadOnly(true).build()));
        assertSame(
                RedirectDecision.SERVE,
                RedirectDecider.decide(
                        state, query("k", 6000).clientReadOnly(true).build()));
    }

    private static String errorText(ClusterState state, RedirectQuery query) {
        return ((RedirectDecision.Rejection) RedirectDecider.decide(state, query)).errorText();
    }
}
