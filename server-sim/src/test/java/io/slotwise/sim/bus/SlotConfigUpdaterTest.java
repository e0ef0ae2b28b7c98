package io.slotwise.sim.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.SetSlotCommand;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotConfigUpdaterTest {

    private final LocalCluster cluster = new LocalCluster();
    private final BusTestNode.Recorder recorder = new BusTestNode.Recorder();
    private final SlotConfigUpdater updater = new SlotConfigUpdater(cluster.state, cluster.outbox, recorder);

    @Test
    void claimWithAGreaterEpochWinsAndASmallerOneIsIgnored() {
        ClusterNode b = cluster.master('b', 0, 99);
        ClusterNode c = cluster.master('c');
        b.setConfigEpoch(5);

        updater.update(c, 4, BusMessages.slots(0, 9));
        assertSame(b, cluster.state.slots().owner(0));

        updater.update(c, 6, BusMessages.slots(0, 9));
        assertSame(c, cluster.state.slots().owner(0));
        assertSame(c, cluster.state.slots().owner(9));
        assertSame(b, cluster.state.slots().owner(10));
    }

    @Test
    void unassignedSlotsGoToAnyClaimer() {
        ClusterNode b = cluster.master('b');

        updater.update(b, 0, BusMessages.slots(100, 200));

        assertEquals(101, b.slotCount());
    }

    @Test
    void slotNoLongerClaimedStaysBoundButAnyClaimerMayTakeIt() {
        ClusterNode b = cluster.master('b', 0, 99);
        ClusterNode c = cluster.master('c');
        b.setConfigEpoch(9);

        updater.update(b, 9, BusMessages.slots(0, 49));
        assertSame(b, cluster.state.slots().owner(50), "kept bound to avoid CLUSTERDOWN");
        assertTrue(updater.unclaimed(50));

        updater.update(c, 1, BusMessages.slots(50, 50));
        assertSame(c, cluster.state.slots().owner(50), "even with a smaller epoch");
    }

    @Test
    void slotBeingImportedHereIsNotRebound() {
        cluster.state.myself().setConfigEpoch(1);
        ClusterNode b = cluster.master('b', 0, 99);
        SetSlotCommand.execute(cluster.state, List.of("5", "importing", b.id()));

        updater.update(cluster.master('c'), 50, BusMessages.slots(0, 9));

        assertSame(b, cluster.state.slots().owner(5));
        assertEquals(
                9, cluster.state.findNode(LocalCluster.id('c')).orElseThrow().slotCount());
    }

    @Test
    void masterLosingItsLastSlotBecomesAReplicaOfTheClaimer() {
        cluster.assign(cluster.state.myself(), 0, 99);
        ClusterNode b = cluster.master('b');

        updater.update(b, 3, BusMessages.slots(0, 99));

        assertTrue(cluster.state.myself().isReplica());
        assertEquals(b.id(), cluster.state.myself().masterId());
    }

    @Test
    void replicaFollowsWhenItsMastersLastSlotMoves() {
        ClusterNode master = cluster.master('b', 0, 99);
        cluster.state.replicateMyselfFrom(master);
        ClusterNode c = cluster.master('c');

        updater.update(c, 3, BusMessages.slots(0, 99));

        assertEquals(c.id(), cluster.state.myself().masterId());
    }

    @Test
    void lostSlotsThatStillHoldKeysAreReportedDirty() {
        cluster.assign(cluster.state.myself(), 0, 99);
        cluster.keysPerSlot.put(7, 3L);
        cluster.keysPerSlot.put(8, 0L);

        updater.update(cluster.master('b'), 2, BusMessages.slots(0, 9));

        assertEquals(List.of(BusMessages.slots(7, 7)), recorder.dirtySlots);
        assertTrue(cluster.state.myself().isMaster(), "it still serves 10-99");
    }

    @Test
    void updateWithANewerEpochPromotesAReplicaAndMovesTheSlots() {
        ClusterNode b = cluster.master('b', 0, 99);
        ClusterNode c = cluster.replica('c', b);
        b.setConfigEpoch(2);
        c.setConfigEpoch(2);

        updater.onUpdate(new BusPayload.Update(c.id(), 2, BusMessages.slots(0, 99)));
        assertTrue(c.isReplica(), "an epoch that is not newer changes nothing");

        updater.onUpdate(new BusPayload.Update(c.id(), 3, BusMessages.slots(0, 99)));
        assertTrue(c.isMaster());
        assertEquals(3, c.configEpoch());
        assertSame(c, cluster.state.slots().owner(0));
        assertEquals(0, b.slotCount());
    }

    @Test
    void updateAboutAnUnknownNodeIsIgnored() {
        updater.onUpdate(new BusPayload.Update(LocalCluster.id('z'), 3, BusMessages.slots(0, 99)));

        assertNull(cluster.state.slots().owner(0));
        assertEquals(new BitSet(), cluster.state.myself().slots());
    }
}
