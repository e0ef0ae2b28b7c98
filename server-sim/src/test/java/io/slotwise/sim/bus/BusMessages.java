package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.NodeFlag;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Sample messages of every type, for codec tests. */
final class BusMessages {

    static final String SENDER = "e9e2ae7d04f3f2243992562eeace0d7595362c15";
    static final String MASTER = "1425950d74171bd678b79a1a06b1da2f81845b73";
    static final String OTHER = "ee128adec93863bf04fb2bc0b0c6c80a596b75e4";

    private BusMessages() {}

    static BitSet slots(int... bounds) {
        BitSet slots = new BitSet();
        for (int i = 0; i < bounds.length; i += 2) {
            slots.set(bounds[i], bounds[i + 1] + 1);
        }
        return slots;
    }

    static BusHeader masterHeader() {
        return new BusHeader(
                SENDER,
                7,
                5,
                123_456_789_012L,
                7000,
                17000,
                "",
                "",
                EnumSet.of(NodeFlag.MYSELF, NodeFlag.MASTER),
                null,
                slots(0, 5460, 16383, 16383),
                true,
                Set.of());
    }

    static BusHeader replicaHeader() {
        return new BusHeader(
                SENDER,
                Long.MAX_VALUE,
                0,
                0,
                65535,
                1,
                "fe80::1",
                "node-1.example",
                EnumSet.of(NodeFlag.MYSELF, NodeFlag.SLAVE, NodeFlag.NOFAILOVER),
                MASTER,
                new BitSet(),
                false,
                EnumSet.allOf(MessageFlag.class));
    }

    static List<BusMessage> everyType() {
        GossipEntry healthy =
                new GossipEntry(MASTER, 0, 1_700_000_000_000L, "127.0.0.1", 7001, 17001, EnumSet.of(NodeFlag.MASTER));
        GossipEntry failing = new GossipEntry(
                OTHER, 1_700_000_001_000L, 0, "", 0, 0, EnumSet.of(NodeFlag.SLAVE, NodeFlag.PFAIL, NodeFlag.NOADDR));
        BusPayload.Gossip gossip = new BusPayload.Gossip(List.of(healthy, failing));
        byte[] channel = "news".getBytes(StandardCharsets.US_ASCII);
        byte[] binary = {0, (byte) 0xff, '\r', '\n'};
        return List.of(
                new BusMessage(ClusterMessageType.PING, masterHeader(), gossip),
                new BusMessage(ClusterMessageType.PONG, replicaHeader(), new BusPayload.Gossip(List.of())),
                new BusMessage(ClusterMessageType.MEET, masterHeader(), gossip),
                new BusMessage(ClusterMessageType.FAIL, masterHeader(), new BusPayload.Fail(OTHER)),
                new BusMessage(ClusterMessageType.PUBLISH, masterHeader(), new BusPayload.Publish(channel, binary)),
                new BusMessage(ClusterMessageType.FAILOVER_AUTH_REQUEST, replicaHeader(), new BusPayload.None()),
                new BusMessage(ClusterMessageType.FAILOVER_AUTH_ACK, masterHeader(), new BusPayload.None()),
                new BusMessage(
                        ClusterMessageType.UPDATE,
                        masterHeader(),
                        new BusPayload.Update(OTHER, 9, slots(0, 0, 2, 3, 10923, 16383))),
                new BusMessage(ClusterMessageType.MFSTART, replicaHeader(), new BusPayload.None()),
                new BusMessage(
                        ClusterMessageType.PUBLISHSHARD, replicaHeader(), new BusPayload.Publish(new byte[0], binary)));
    }
}
