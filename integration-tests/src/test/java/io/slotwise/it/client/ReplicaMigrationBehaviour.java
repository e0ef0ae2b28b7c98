package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.it.fixture.RespReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Replica migration as Redis 7 does it: a primary whose last replica fails gets one from the primary with the most
 * working replicas, and the replica that moves is the one with the smallest node id. The same scenario runs against real
 * {@code redis-server} and the simulator, so the simulator's model of {@code cluster-migration-barrier} (default 1)
 * and of the orphaned-primary delay (5 s) is checked against the real thing.
 *
 * <p>Needs three primaries with one replica each. The test re-points the third primary's replica at the first primary
 * ({@code CLUSTER REPLICATE}), so the first has two replicas, then kills the second primary's replica. (A primary whose
 * replica is re-pointed elsewhere is not orphaned in Redis's sense: only one whose replicas fail is.)
 */
public abstract class ReplicaMigrationBehaviour {

    /** The 5 s migration delay, gossip and a full sync, with a wide margin for a loaded machine. */
    private static final Duration MIGRATION_BOUND = Duration.ofSeconds(45);

    private final ClusterBackend backend;
    private final Set<BackendNode> killed = new HashSet<>();

    /** Runs the behaviour against {@code backend}. */
    protected ReplicaMigrationBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    @Test
    void orphanedPrimaryGetsTheSmallestIdReplicaOfThePrimaryWithMostReplicas() {
        BackendNode rich = backend.primaries().get(0);
        BackendNode orphan = backend.primaries().get(1);
        BackendNode richReplica = replicaOf(rich);
        BackendNode orphansReplica = replicaOf(orphan);
        BackendNode movedReplica = replicaOf(backend.primaries().get(2));

        assertEquals(
                "OK",
                backend.call(movedReplica, "CLUSTER", "REPLICATE", rich.id()).text());
        Await.until(
                "every node sees " + movedReplica + " as a replica of " + rich,
                MIGRATION_BOUND,
                () -> everyNodeSees(movedReplica, rich),
                this::describe);
        backend.kill(orphansReplica);
        killed.add(orphansReplica);

        BackendNode expectedMigrant = richReplica.id().compareTo(movedReplica.id()) < 0 ? richReplica : movedReplica;
        BackendNode expectedStayer = expectedMigrant == richReplica ? movedReplica : richReplica;
        Await.until(
                "the smallest-id replica " + expectedMigrant + " migrates to the orphaned primary " + orphan,
                MIGRATION_BOUND,
                () -> everyNodeSees(expectedMigrant, orphan) && everyNodeSees(expectedStayer, rich),
                this::describe);
        backend.awaitHealthy(MIGRATION_BOUND);
        assertEquals(
                Stream.of(orphansReplica.id(), expectedMigrant.id()).sorted().toList(),
                replicaIds(orphan),
                this::describe);
        assertEquals(List.of(expectedStayer.id()), replicaIds(rich), this::describe);
    }

    private BackendNode replicaOf(BackendNode primary) {
        return backend.nodes().stream()
                .filter(node ->
                        primaryOf(node, node).filter(primary.id()::equals).isPresent())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no replica of " + primary + "; " + describe()));
    }

    /** Whether every live node's {@code CLUSTER NODES} says {@code replica} replicates {@code primary}. */
    private boolean everyNodeSees(BackendNode replica, BackendNode primary) {
        return liveNodes().stream()
                .allMatch(observer -> primaryOf(observer, replica)
                        .filter(primary.id()::equals)
                        .isPresent());
    }

    /** The ids of {@code primary}'s replicas as it sees them, failed ones included, sorted. */
    private List<String> replicaIds(BackendNode primary) {
        List<String> ids = new ArrayList<>();
        for (String[] fields : clusterNodes(primary)) {
            if (fields[3].equals(primary.id())) {
                ids.add(fields[0]);
            }
        }
        ids.sort(null);
        return ids;
    }

    private List<BackendNode> liveNodes() {
        return backend.nodes().stream().filter(node -> !killed.contains(node)).toList();
    }

    /** The id of the primary {@code subject} replicates, as {@code observer} sees it; empty for a primary. */
    private Optional<String> primaryOf(BackendNode observer, BackendNode subject) {
        for (String[] fields : clusterNodes(observer)) {
            if (fields[0].equals(subject.id())) {
                return fields[3].equals("-") ? Optional.empty() : Optional.of(fields[3]);
            }
        }
        return Optional.empty();
    }

    /** {@code CLUSTER NODES} lines split into fields: id, address, flags, primary id, ... */
    private List<String[]> clusterNodes(BackendNode observer) {
        RespReply reply = backend.call(observer, "CLUSTER", "NODES");
        List<String[]> lines = new ArrayList<>();
        for (String line : reply.text().split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.trim().split(" "));
            }
        }
        return lines;
    }

    private String describe() {
        StringBuilder state = new StringBuilder(backend.description()).append("; CLUSTER NODES per node:");
        for (BackendNode node : liveNodes()) {
            state.append("\n  ").append(node).append(":");
            for (String[] fields : clusterNodes(node)) {
                state.append("\n    ").append(String.join(" ", List.of(fields).subList(0, 4)));
            }
        }
        return state.toString();
    }
}
