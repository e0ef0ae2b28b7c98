package io.slotwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import io.slotwise.topology.SlotRange;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class ReadFromTest {

    private static final ClusterNode PRIMARY = node(7000, ClusterNode.Role.PRIMARY, true);
    private static final ClusterNode R1 = node(7001, ClusterNode.Role.REPLICA, true);
    private static final ClusterNode R2 = node(7002, ClusterNode.Role.REPLICA, true);
    private static final ClusterNode FAILING = node(7003, ClusterNode.Role.REPLICA, false);
    private static final Shard SHARD = new Shard(PRIMARY, List.of(R1, R2, FAILING), List.of(new SlotRange(0, 16383)));
    private static final Shard NO_REPLICAS = new Shard(PRIMARY, List.of(FAILING), List.of(new SlotRange(0, 16383)));
    private static final ToLongFunction<ClusterNode> UNKNOWN_LATENCY = n -> Long.MAX_VALUE;

    @Test
    void primaryReadsOnlyFromThePrimary() {
        assertEquals(List.of(PRIMARY), ReadFrom.PRIMARY.candidates(SHARD, UNKNOWN_LATENCY, 0));
        assertFalse(ReadFrom.PRIMARY.usesReplicas());
    }

    @Test
    void replicaPreferredTriesHealthyReplicasThenThePrimary() {
        List<ClusterNode> candidates = ReadFrom.REPLICA_PREFERRED.candidates(SHARD, UNKNOWN_LATENCY, 0);
        assertEquals(PRIMARY, candidates.get(candidates.size() - 1));
        assertEquals(Set.of(R1, R2), new HashSet<>(candidates.subList(0, 2)));
        assertFalse(candidates.contains(FAILING));
    }

    @Test
    void replicaReadsFindNothingWhenNoReplicaIsHealthy() {
        assertTrue(ReadFrom.REPLICA.candidates(NO_REPLICAS, UNKNOWN_LATENCY, 0).isEmpty());
        assertEquals(List.of(PRIMARY), ReadFrom.REPLICA_PREFERRED.candidates(NO_REPLICAS, UNKNOWN_LATENCY, 0));
    }

    @Test
    void primaryPreferredFallsBackToReplicas() {
        List<ClusterNode> candidates = ReadFrom.PRIMARY_PREFERRED.candidates(SHARD, UNKNOWN_LATENCY, 0);
        assertEquals(PRIMARY, candidates.get(0));
        assertEquals(3, candidates.size());
    }

    @Test
    void replicaReadsRotateOverReplicas() {
        Set<ClusterNode> firstChoices = new HashSet<>();
        for (int rotation = 0; rotation < 4; rotation++) {
            firstChoices.add(ReadFrom.REPLICA
                    .candidates(SHARD, UNKNOWN_LATENCY, rotation)
                    .get(0));
        }
        assertEquals(Set.of(R1, R2), firstChoices);
    }

    @Test
    void nearestOrdersByMeasuredLatency() {
        Map<ClusterNode, Long> latency = Map.of(PRIMARY, 900L, R1, 300L, R2, 100L);
        List<ClusterNode> candidates = ReadFrom.NEAREST.candidates(SHARD, latency::get, 0);
        assertEquals(List.of(R2, R1, PRIMARY), candidates);
    }

    @Test
    void anySpreadsOverEveryHealthyNode() {
        Set<ClusterNode> firstChoices = new HashSet<>();
        for (int rotation = 0; rotation < 6; rotation++) {
            List<ClusterNode> candidates = ReadFrom.ANY.candidates(SHARD, UNKNOWN_LATENCY, rotation);
            assertEquals(3, candidates.size());
            firstChoices.add(candidates.get(0));
        }
        assertEquals(Set.of(PRIMARY, R1, R2), firstChoices);
    }

    private static ClusterNode node(int port, ClusterNode.Role role, boolean healthy) {
        return new ClusterNode(Integer.toString(port).repeat(10), new NodeAddress("127.0.0.1", port), role, healthy);
    }
}
