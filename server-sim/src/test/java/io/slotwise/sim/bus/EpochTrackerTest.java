package io.slotwise.sim.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.PendingAction;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EpochTrackerTest {

    private final LocalCluster cluster = new LocalCluster();
    private final EpochTracker epochs = new EpochTracker(cluster.state);

    @ParameterizedTest(name = "peer {0}, myself 5555...: my epoch becomes {1}")
    @CsvSource({
        // a greater ID than mine: I give way with currentEpoch + 1
        "'9', 8",
        // a smaller ID: the peer gives way, I keep my epoch
        "'1', 3",
    })
    void configEpochCollisionIsResolvedByTheSmallerIdTakingANewEpoch(char peerDigit, long expectedEpoch) {
        cluster.state.setCurrentEpoch(7);
        cluster.state.myself().setConfigEpoch(3);
        ClusterNode peer = cluster.master(peerDigit);
        peer.setConfigEpoch(3);
        cluster.state.drainPendingActions();

        epochs.resolveCollision(peer);

        assertEquals(expectedEpoch, cluster.state.myself().configEpoch());
        assertEquals(expectedEpoch == 8 ? 8 : 7, cluster.state.currentEpoch());
        assertEquals(
                expectedEpoch == 8 ? EnumSet.of(PendingAction.SAVE_CONFIG, PendingAction.FSYNC_CONFIG) : Set.of(),
                cluster.state.drainPendingActions());
    }

    @Test
    void noCollisionWithAReplica() {
        ClusterNode replica = cluster.replica('9', cluster.master('8'));

        epochs.resolveCollision(replica);

        assertEquals(0, cluster.state.myself().configEpoch());
    }

    @Test
    void greaterEpochsFromASenderAreAdoptedSmallerOnesIgnored() {
        ClusterNode b = cluster.master('b');
        b.setConfigEpoch(4);
        cluster.state.setCurrentEpoch(6);

        epochs.observe(b, header(b.id(), 9, 5, 1234));
        assertEquals(9, cluster.state.currentEpoch());
        assertEquals(5, b.configEpoch());
        assertEquals(1234, b.replicationOffset());

        epochs.observe(b, header(b.id(), 2, 1, 99));
        assertEquals(9, cluster.state.currentEpoch());
        assertEquals(5, b.configEpoch());
        assertEquals(99, b.replicationOffset());
    }

    private static BusHeader header(String sender, long currentEpoch, long configEpoch, long offset) {
        return new BusHeader(
                sender, currentEpoch, configEpoch, offset, 1, 2, "", "", Set.of(), null, new BitSet(), true, Set.of());
    }
}
