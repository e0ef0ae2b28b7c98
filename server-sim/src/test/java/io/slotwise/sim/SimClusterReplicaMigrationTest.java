package io.slotwise.sim;

import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.Resp.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.cluster.ReplicaMigration;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Redis 7.0's replica migration in a running {@link SimCluster}: three primaries, P0 with two replicas, P1 with one
 * and P2 with none (its replica was moved to P0 with CLUSTER REPLICATE). When P1's replica dies, P1 is orphaned and the
 * replica of P0 with the smaller node ID becomes P1's replica, unless {@code cluster-migration-barrier} or {@code
 * cluster-allow-replica-migration} forbids it.
 */
class SimClusterReplicaMigrationTest {
    private static final Duration NODE_TIMEOUT = Duration.ofMillis(500);
    private static final Duration MIGRATION_DELAY = Duration.ofMillis(300);

    /** The cluster described above, formed and agreed. */
    private static final class Shape {
        final SimCluster cluster;
        final SimClusterNode p0;
        final SimClusterNode p1;
        final SimClusterNode orphansReplica;
        final SimClusterNode migrant;
        final SimClusterNode stayer;

        Shape(SimCluster cluster) {
            this.cluster = cluster;
            List<SimClusterNode> nodes = cluster.nodes();
            p0 = nodes.get(0);
            p1 = nodes.get(1);
            orphansReplica = nodes.get(4);
            SimClusterNode first = nodes.get(3);
            SimClusterNode moved = nodes.get(5);
            assertEquals(simple("OK"), call(moved, "CLUSTER", "REPLICATE", p0.id()));
            awaitReplicaOf(cluster, moved, p0);
            boolean firstIsSmaller = first.id().compareTo(moved.id()) < 0;
            migrant = firstIsSmaller ? first : moved;
            stayer = firstIsSmaller ? moved : first;
        }
    }

    private static SimCluster start() {
        return SimCluster.builder()
                .primaries(3)
                .replicasPerPrimary(1)
                .nodeTimeout(NODE_TIMEOUT)
                .replicaMigrationDelay(MIGRATION_DELAY)
                .start();
    }

    @Test
    void replicaOfTheLargestShardWithTheSmallestIdMigratesToTheOrphanedPrimary() {
        try (SimCluster cluster = start()) {
            Shape shape = new Shape(cluster);

            cluster.kill(shape.orphansReplica);

            awaitReplicaOf(cluster, shape.migrant, shape.p1);
            Eventually.until("the migrated replica to sync from its new primary", () -> {
                String replication = textOf(call(shape.migrant, "INFO", "replication"));
                return replication.contains("master_link_status:up")
                        && replication.contains("master_port:" + shape.p1.port());
            });
            assertTrue(line(shape.stayer, shape.stayer).contains(" myself,slave " + shape.p0.id() + " "));
            Eventually.until(
                    "the other replica to see that no primary is orphaned any more",
                    () -> verdict(shape.stayer) == ReplicaMigration.Verdict.NO_ORPHANED_MASTER);
            assertTrue(line(shape.stayer, shape.stayer).contains(" myself,slave " + shape.p0.id() + " "));
            cluster.awaitHealthy(Eventually.DEADLINE);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"cluster-migration-barrier, 2, 1, BARRIER", "cluster-allow-replica-migration, no, yes, DISABLED"})
    void replicaStaysWhereTheSettingForbidsMigratingAndMigratesOnceItAllows(
            String directive, String forbidding, String allowing, ReplicaMigration.Verdict verdict) {
        try (SimCluster cluster = start()) {
            Shape shape = new Shape(cluster);
            for (SimClusterNode replica : List.of(shape.migrant, shape.stayer)) {
                assertEquals(simple("OK"), call(replica, "CONFIG", "SET", directive, forbidding));
            }

            cluster.kill(shape.orphansReplica);

            Eventually.until(
                    "the candidate to see the orphaned primary and refuse to migrate",
                    () -> verdict(shape.migrant) == verdict,
                    () -> "last verdict " + verdict(shape.migrant));
            assertTrue(line(shape.migrant, shape.migrant).contains(" myself,slave " + shape.p0.id() + " "));
            assertEquals(SimClusterNode.Role.REPLICA, shape.migrant.role());

            assertEquals(simple("OK"), call(shape.migrant, "CONFIG", "SET", directive, allowing));
            awaitReplicaOf(cluster, shape.migrant, shape.p1);
            assertTrue(line(shape.stayer, shape.stayer).contains(" myself,slave " + shape.p0.id() + " "));
        }
    }

    /** Waits until every running node sees {@code replica} as a replica of {@code master}. */
    private static void awaitReplicaOf(SimCluster cluster, SimClusterNode replica, SimClusterNode master) {
        Eventually.until(
                replica + " to be a replica of " + master + " in every running node's view",
                () -> cluster.nodes().stream()
                        .filter(SimClusterNode::isRunning)
                        .allMatch(viewer -> line(viewer, replica).contains("slave " + master.id() + " ")),
                () -> textOf(call(replica, "CLUSTER", "NODES")));
    }

    /** The last replica-migration verdict of a node, read on its event loop. */
    private static ReplicaMigration.Verdict verdict(SimClusterNode node) {
        SimNode simNode = node.node();
        ReplicaMigration migration = simNode.service(ReplicaMigration.class).orElseThrow();
        try {
            return simNode.eventLoop()
                    .submit(() -> migration.lastDecision().verdict())
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the verdict of " + node, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The line describing {@code subject} in {@code viewer}'s CLUSTER NODES. */
    private static String line(SimClusterNode viewer, SimClusterNode subject) {
        for (String line : textOf(call(viewer, "CLUSTER", "NODES")).split("\n")) {
            if (line.startsWith(subject.id() + " ")) {
                return line;
            }
        }
        return "";
    }

    private static String call(SimClusterNode node, String... args) {
        try (RespClient client = RespClient.connect(node.port())) {
            return client.call(args);
        }
    }
}
