package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.ClusterConfig;
import io.slotwise.sim.cluster.ClusterEnvironment;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.LocalKeys;
import io.slotwise.sim.cluster.NodeFlag;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * A cluster state seen from one node, with a hand-driven clock and no sockets, for unit tests of the bus's decision
 * logic. Myself is {@link #ME}; peers are added with {@link #master} and {@link #replica}. The bus collaborators it
 * builds have no event loop: nothing is connected, so nothing is ever sent.
 */
final class LocalCluster {

    static final String ME = "5555555555555555555555555555555555555555";
    static final long START = 1_700_000_000_000L;
    static final long TIMEOUT = 1_000;

    long now = START;
    final Map<Integer, Long> keysPerSlot = new HashMap<>();
    final ClusterState state;
    final LinkManager links;
    final Outbox outbox;

    LocalCluster() {
        LocalKeys keys = new LocalKeys() {
            @Override
            public long countKeysInSlot(int slot) {
                return keysPerSlot.getOrDefault(slot, 0L);
            }

            @Override
            public long size() {
                return keysPerSlot.values().stream().mapToLong(Long::longValue).sum();
            }
        };
        ClusterEnvironment environment = new ClusterEnvironment(() -> now, new Random(5), keys);
        ClusterConfig config =
                ClusterConfig.defaults().withNodeTimeoutMillis(TIMEOUT).withWritableDelayMillis(0);
        state = new ClusterState(new ClusterNode(ME, "127.0.0.1", 7000, 17000), config, environment);
        links = new LinkManager(null, state, BusConfig.defaults(), new BusFaults(), null);
        outbox = new Outbox(state, links, new MessageFactory(state, BusConfig.defaults(), BusListener.NONE));
    }

    /** Adds a master peer whose ID is 40 times {@code digit}, owning the given slot range (inclusive) if any. */
    ClusterNode master(char digit, int... slotRange) {
        ClusterNode node = peer(digit);
        state.setNodeAsMaster(node);
        if (slotRange.length == 2) {
            assign(node, slotRange[0], slotRange[1]);
        }
        return node;
    }

    ClusterNode replica(char digit, ClusterNode master) {
        ClusterNode node = peer(digit);
        state.setPeerAsReplicaOf(node, master);
        return node;
    }

    void assign(ClusterNode node, int first, int last) {
        for (int slot = first; slot <= last; slot++) {
            state.assignSlot(slot, node);
        }
    }

    ClusterNode pfail(ClusterNode node) {
        node.addFlag(NodeFlag.PFAIL, now);
        return node;
    }

    static String id(char digit) {
        return String.valueOf(digit).repeat(40);
    }

    private ClusterNode peer(char digit) {
        ClusterNode node = new ClusterNode(id(digit), "127.0.0.1", 7000 + digit, 17000 + digit);
        state.addNode(node);
        return node;
    }
}
