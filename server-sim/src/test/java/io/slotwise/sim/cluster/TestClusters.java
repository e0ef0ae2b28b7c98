package io.slotwise.sim.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Builds cluster states for tests: a fake clock, a fake keyspace and a six-node cluster (three masters, three
 * replicas) seen from any of its nodes.
 *
 * <p>Topology: A owns 0-5460 and 16383, B owns 5461-10922, C owns 10923-16382; D, E, F replicate A, B, C. Config epochs
 * A=1, B=2, C=3; currentEpoch 3. Seen from A, slot 3999 is MIGRATING to B and slot 12000 IMPORTING from C.
 */
final class TestClusters {

    static final String A = "e9e2ae7d04f3f2243992562eeace0d7595362c15";
    static final String B = "1425950d74171bd678b79a1a06b1da2f81845b73";
    static final String C = "ee128adec93863bf04fb2bc0b0c6c80a596b75e4";
    static final String D = "a34b9bc5a4535c1d9e37884066e1403cd34c8cf6";
    static final String E = "6bad502a6e64b872fd2664c3cc9bd64e6afb0daa";
    static final String F = "42157847d4a6cba5b27e52bc6a3793368ef048d1";
    static final String UNKNOWN = "3d35bdfb9d73daf09b08f89ae438ed0d90bdaf92";

    static final long START = 1_700_000_000_000L;

    private TestClusters() {}

    /** A manually advanced millisecond clock. */
    static final class FakeClock implements LongSupplier {
        long now = START;

        @Override
        public long getAsLong() {
            return now;
        }

        void advance(long millis) {
            now += millis;
        }
    }

    /** A keyspace view whose per-slot counts the test sets. */
    static final class FakeKeys implements LocalKeys {
        final Map<Integer, Long> perSlot = new HashMap<>();

        FakeKeys put(int slot, long count) {
            perSlot.put(slot, count);
            return this;
        }

        @Override
        public long countKeysInSlot(int slot) {
            return perSlot.getOrDefault(slot, 0L);
        }

        @Override
        public long size() {
            return perSlot.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static ClusterConfig config() {
        return ClusterConfig.defaults().withWritableDelayMillis(0);
    }

    static ClusterEnvironment environment(FakeClock clock, FakeKeys keys) {
        return new ClusterEnvironment(clock, new Random(7), keys);
    }

    /** A node that knows only itself: A at 127.0.0.1:7000, no slots, epoch 0. */
    static ClusterState single(FakeClock clock, FakeKeys keys) {
        ClusterState state = new ClusterState(node(A, 7000), config(), environment(clock, keys));
        state.updateState();
        return state;
    }

    static ClusterState sixNodes() {
        return sixNodes(A, new FakeClock(), new FakeKeys());
    }

    /** The six-node cluster seen from {@code myselfId}; migration markers only when seen from A. */
    static ClusterState sixNodes(String myselfId, FakeClock clock, FakeKeys keys) {
        Map<String, ClusterNode> byId = new HashMap<>();
        String[] ids = {A, B, C, D, E, F};
        for (int i = 0; i < ids.length; i++) {
            ClusterNode node = node(ids[i], 7000 + i);
            node.setPongReceivedMillis(START + 1000L * i);
            node.setLinkState(LinkState.CONNECTED);
            byId.put(ids[i], node);
        }
        ClusterNode myself = byId.get(myselfId);
        if (myselfId.equals(D) || myselfId.equals(E) || myselfId.equals(F)) {
            myself.markReplicaOf(masterOf(myselfId));
        }
        ClusterState state = new ClusterState(myself, config(), environment(clock, keys));
        for (String id : ids) {
            ClusterNode node = byId.get(id);
            if (node != myself) {
                state.addNode(node);
            }
        }
        for (String id : new String[] {A, B, C}) {
            state.setNodeAsMaster(byId.get(id));
        }
        for (String id : new String[] {D, E, F}) {
            if (!id.equals(myselfId)) {
                state.setPeerAsReplicaOf(byId.get(id), byId.get(masterOf(id)));
            }
        }
        assign(state, byId.get(A), 0, 5460);
        assign(state, byId.get(A), 16383, 16383);
        assign(state, byId.get(B), 5461, 10922);
        assign(state, byId.get(C), 10923, 16382);
        byId.get(A).setConfigEpoch(1);
        byId.get(B).setConfigEpoch(2);
        byId.get(C).setConfigEpoch(3);
        state.setCurrentEpoch(3);
        byId.get(C).setPingSentMillis(START + 2500);
        byId.get(E).setPingSentMillis(START + 4500);
        byId.get(E).addFlag(NodeFlag.PFAIL, START);
        byId.get(E).setLinkState(LinkState.DISCONNECTED);
        byId.get(D).setReplicationOffset(1000);
        byId.get(F).setReplicationOffset(2000);
        if (myselfId.equals(A)) {
            state.slots().setMigratingTo(3999, byId.get(B));
            state.slots().setImportingFrom(12000, byId.get(C));
        }
        state.updateState();
        state.drainPendingActions();
        return state;
    }

    static ClusterNode node(String id, int port) {
        return new ClusterNode(id, "127.0.0.1", port, port + 10000);
    }

    static ClusterNode get(ClusterState state, String id) {
        return state.findNode(id).orElseThrow();
    }

    private static String masterOf(String replicaId) {
        return replicaId.equals(D) ? A : replicaId.equals(E) ? B : C;
    }

    private static void assign(ClusterState state, ClusterNode node, int from, int to) {
        for (int slot = from; slot <= to; slot++) {
            state.assignSlot(slot, node);
        }
    }
}
