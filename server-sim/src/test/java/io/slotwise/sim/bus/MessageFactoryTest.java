package io.slotwise.sim.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.NodeFlag;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageFactoryTest {

    private final LocalCluster cluster = new LocalCluster();

    @Test
    void masterHeaderCarriesItsOwnEpochSlotsAndNoMaster() {
        cluster.state.myself().setConfigEpoch(4);
        cluster.state.setCurrentEpoch(9);
        cluster.assign(cluster.state.myself(), 10, 20);
        cluster.state.myself().setReplicationOffset(777);
        cluster.state.myself().setHostname("me.example");

        BusHeader header = factory(BusConfig.defaults(), BusListener.NONE).header(Set.of());

        assertEquals(LocalCluster.ME, header.senderId());
        assertEquals(9, header.currentEpoch());
        assertEquals(4, header.configEpoch());
        assertEquals(777, header.replicationOffset());
        assertEquals(BusMessages.slots(10, 20), header.slots());
        assertNull(header.masterId());
        assertEquals(Set.of(NodeFlag.MYSELF, NodeFlag.MASTER), header.flags());
        assertEquals("", header.ip(), "no announced IP: the receiver uses the socket address");
        assertEquals("me.example", header.hostname());
        assertEquals(7000, header.port());
        assertEquals(17000, header.busPort());
    }

    @Test
    void replicaHeaderCarriesItsMastersEpochAndSlots() {
        ClusterNode master = cluster.master('b', 0, 99);
        master.setConfigEpoch(6);
        cluster.state.replicateMyselfFrom(master);

        BusHeader header = factory(BusConfig.defaults().withAnnounceIp("10.1.2.3"), BusListener.NONE)
                .header(Set.of());

        assertEquals(master.id(), header.masterId());
        assertEquals(6, header.configEpoch());
        assertEquals(BusMessages.slots(0, 99), header.slots());
        assertTrue(header.senderIsReplica());
        assertEquals("10.1.2.3", header.ip());
    }

    @Test
    void headerFlagsCombineTheListenersWithTheMessagesOwn() {
        BusListener paused = new BusListener() {
            @Override
            public Set<MessageFlag> headerFlags() {
                return Set.of(MessageFlag.PAUSED);
            }
        };

        assertEquals(
                EnumSet.allOf(MessageFlag.class),
                factory(BusConfig.defaults(), paused)
                        .header(Set.of(MessageFlag.FORCE_ACK))
                        .messageFlags());
        assertFalse(factory(BusConfig.defaults(), BusListener.NONE)
                .header(Set.of())
                .messageFlags()
                .contains(MessageFlag.PAUSED));
    }

    private MessageFactory factory(BusConfig config, BusListener listener) {
        return new MessageFactory(cluster.state, config, listener);
    }
}
