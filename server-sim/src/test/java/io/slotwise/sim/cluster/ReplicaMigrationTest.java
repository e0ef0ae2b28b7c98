package io.slotwise.sim.cluster;

import static io.slotwise.sim.cluster.TestClusters.A;
import static io.slotwise.sim.cluster.TestClusters.B;
import static io.slotwise.sim.cluster.TestClusters.C;
import static io.slotwise.sim.cluster.TestClusters.D;
import static io.slotwise.sim.cluster.TestClusters.E;
import static io.slotwise.sim.cluster.TestClusters.F;
import static io.slotwise.sim.cluster.TestClusters.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.cluster.ReplicaMigration.Verdict;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A replica's decision to migrate to an orphaned master, seen from D of {@link TestClusters}' six-node cluster with a
 * second replica G of A: A has two working replicas (D, G), B one (E), C one (F), and F is FAIL, so C is orphaned.
 * D's ID is smaller than G's, so D is the replica to migrate.
 */
class ReplicaMigrationTest {
    private static final String G = "f7aa5d6e0b0cdb1f7c2e9b2f4b7c3e1d2a9f0c11";
    private static final String SMALLEST = "0000000000000000000000000000000000000001";
    private static final long DELAY = ClusterConfig.REDIS_REPLICA_MIGRATION_DELAY_MILLIS;

    private final TestClusters.FakeClock clock = new TestClusters.FakeClock();
    private final ClusterState state = TestClusters.sixNodes(D, clock, new TestClusters.FakeKeys());
    private final ReplicaMigration migration = new ReplicaMigration();

    ReplicaMigrationTest() {
        get(state, E).removeFlag(NodeFlag.PFAIL);
        addReplica(G, get(state, A));
        get(state, F).addFlag(NodeFlag.FAIL, clock.now);
        state.updateState();
        state.drainPendingActions();
    }

    private ClusterNode addReplica(String id, ClusterNode master) {
        ClusterNode replica = TestClusters.node(id, 7000 + state.nodes().size());
        state.addNode(replica);
        state.setPeerAsReplicaOf(replica, master);
        return replica;
    }

    @Test
    void replicaWithTheSmallestIdOfTheLargestShardMigratesOnceTheMasterWasOrphanedLongerThanTheDelay() {
        assertEquals(
                new ReplicaMigration.Decision(Verdict.WAITING, get(state, C)), migration.evaluate(state, clock.now));
        assertEquals(clock.now, migration.orphanedSince(get(state, C)).orElseThrow());

        clock.advance(DELAY);
        assertEquals(Verdict.WAITING, migration.evaluate(state, clock.now).verdict(), "Redis waits strictly longer");
        assertTrue(state.drainPendingActions().isEmpty());

        clock.advance(1);
        ReplicaMigration.Decision decision = migration.evaluate(state, clock.now);

        assertEquals(Verdict.MIGRATE, decision.verdict());
        assertSame(get(state, C), decision.target());
        assertEquals(C, state.myself().masterId());
        assertTrue(state.drainPendingActions().contains(PendingAction.REPLICATION_CHANGED));
        assertEquals(decision, migration.lastDecision());
        assertEquals(
                Verdict.NO_ORPHANED_MASTER, migration.evaluate(state, clock.now).verdict());
    }

    @Test
    void configuredDelayReplacesRedisFiveSeconds() {
        state.setConfig(state.config().withReplicaMigrationDelayMillis(200));
        migration.evaluate(state, clock.now);

        clock.advance(201);

        assertEquals(Verdict.MIGRATE, migration.evaluate(state, clock.now).verdict());
    }

    static Stream<Arguments> blockedMigrations() {
        return Stream.of(
                Arguments.of("the barrier of 2 would not be kept", Verdict.BARRIER, (Consumer<ClusterState>)
                        s -> s.setConfig(s.config().withMigrationBarrier(2))),
                Arguments.of(
                        "a sibling in PFAIL does not count for the barrier", Verdict.BARRIER, (Consumer<ClusterState>)
                                s -> get(s, G).addFlag(NodeFlag.PFAIL, TestClusters.START)),
                Arguments.of("cluster-allow-replica-migration no", Verdict.DISABLED, (Consumer<ClusterState>)
                        s -> s.setConfig(s.config().withAllowReplicaMigration(false))),
                Arguments.of("a sibling has a smaller ID", Verdict.NOT_THE_CANDIDATE, (Consumer<ClusterState>) s -> {
                    ClusterNode smallest = TestClusters.node(SMALLEST, 7020);
                    s.addNode(smallest);
                    s.setPeerAsReplicaOf(smallest, get(s, A));
                }),
                Arguments.of("a failed replica with a smaller ID still counts", Verdict.NOT_THE_CANDIDATE, (Consumer<
                                ClusterState>)
                        s -> {
                            ClusterNode smallest = TestClusters.node(SMALLEST, 7020);
                            s.addNode(smallest);
                            s.setPeerAsReplicaOf(smallest, get(s, A));
                            smallest.addFlag(NodeFlag.FAIL, TestClusters.START);
                        }),
                Arguments.of(
                        "my sibling failed: no master has two working replicas",
                        Verdict.NOT_IN_A_LARGEST_SHARD,
                        (Consumer<ClusterState>) s -> get(s, G).addFlag(NodeFlag.FAIL, TestClusters.START)),
                Arguments.of("another master has more working replicas", Verdict.NOT_IN_A_LARGEST_SHARD, (Consumer<
                                ClusterState>)
                        s -> {
                            for (String id : new String[] {SMALLEST, "0000000000000000000000000000000000000002"}) {
                                ClusterNode replica = TestClusters.node(id, 7020 + id.charAt(39));
                                s.addNode(replica);
                                s.setPeerAsReplicaOf(replica, get(s, B));
                            }
                        }),
                Arguments.of("the replica comes back", Verdict.NO_ORPHANED_MASTER, (Consumer<ClusterState>)
                        s -> get(s, F).removeFlag(NodeFlag.FAIL)),
                Arguments.of("the orphaned master itself failed", Verdict.NO_ORPHANED_MASTER, (Consumer<ClusterState>)
                        s -> get(s, C).addFlag(NodeFlag.FAIL, TestClusters.START)),
                Arguments.of("the failed replica was forgotten", Verdict.NO_ORPHANED_MASTER, (Consumer<ClusterState>)
                        s -> s.removeNode(get(s, F))),
                Arguments.of("the cluster is down", Verdict.CLUSTER_DOWN, (Consumer<ClusterState>) s -> {
                    get(s, B).addFlag(NodeFlag.FAIL, TestClusters.START);
                    s.updateState();
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockedMigrations")
    void replicaStaysWithItsMasterWhen(String situation, Verdict expected, Consumer<ClusterState> change) {
        change.accept(state);
        migration.evaluate(state, clock.now);

        clock.advance(10 * DELAY);
        ReplicaMigration.Decision decision = migration.evaluate(state, clock.now);

        assertEquals(expected, decision.verdict(), situation);
        assertNull(decision.target());
        assertEquals(A, state.myself().masterId());
    }

    @Test
    void orphanedTimeRestartsWhenAnEvaluationSawTheMasterWithAWorkingReplica() {
        get(state, E).addFlag(NodeFlag.FAIL, clock.now);
        assertEquals(
                new ReplicaMigration.Decision(Verdict.WAITING, get(state, B)), migration.evaluate(state, clock.now));
        clock.advance(DELAY);
        get(state, E).removeFlag(NodeFlag.FAIL);
        assertEquals(
                new ReplicaMigration.Decision(Verdict.WAITING, get(state, C)), migration.evaluate(state, clock.now));
        get(state, E).addFlag(NodeFlag.FAIL, clock.now);

        clock.advance(1);
        assertEquals(
                new ReplicaMigration.Decision(Verdict.WAITING, get(state, B)), migration.evaluate(state, clock.now));
        clock.advance(DELAY);
        assertEquals(Verdict.WAITING, migration.evaluate(state, clock.now).verdict());
        clock.advance(1);

        assertEquals(
                new ReplicaMigration.Decision(Verdict.MIGRATE, get(state, B)), migration.evaluate(state, clock.now));
    }

    @Test
    void orphanedTimeIsKeptWhileNoMasterIsOrphanedAsInRedis() {
        migration.evaluate(state, clock.now);
        clock.advance(DELAY);
        get(state, F).removeFlag(NodeFlag.FAIL);
        assertEquals(
                Verdict.NO_ORPHANED_MASTER, migration.evaluate(state, clock.now).verdict());
        get(state, F).addFlag(NodeFlag.FAIL, clock.now);

        clock.advance(1);

        assertEquals(Verdict.MIGRATE, migration.evaluate(state, clock.now).verdict());
    }

    @Test
    void masterWithoutSlotsIsNoTarget() {
        ClusterNode empty = TestClusters.node("5555555555555555555555555555555555555555", 7030);
        state.addNode(empty);
        state.setNodeAsMaster(empty);
        ClusterNode lostReplica = addReplica("6666666666666666666666666666666666666666", empty);
        lostReplica.addFlag(NodeFlag.FAIL, clock.now);
        get(state, F).removeFlag(NodeFlag.FAIL);

        migration.evaluate(state, clock.now);
        clock.advance(10 * DELAY);

        assertEquals(
                Verdict.NO_ORPHANED_MASTER, migration.evaluate(state, clock.now).verdict());
    }

    @Test
    void masterIsNoReplica() {
        ClusterState fromA = TestClusters.sixNodes();

        assertEquals(Verdict.NOT_A_REPLICA, migration.evaluate(fromA, clock.now).verdict());
    }
}
