package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.NodeFlag;
import java.util.EnumSet;
import java.util.Set;

/**
 * The 16-bit node-flags field of headers and gossip entries. Bits follow Redis's numbering (MASTER 1, SLAVE 2, PFAIL 4,
 * FAIL 8, MYSELF 16, HANDSHAKE 32, NOADDR 64, NOFAILOVER 512); unknown bits are ignored on decode. Stateless.
 */
final class NodeFlagBits {

    private NodeFlagBits() {}

    static int encode(Set<NodeFlag> flags) {
        int bits = 0;
        for (NodeFlag flag : flags) {
            bits |= bit(flag);
        }
        return bits;
    }

    static EnumSet<NodeFlag> decode(int bits) {
        EnumSet<NodeFlag> flags = EnumSet.noneOf(NodeFlag.class);
        for (NodeFlag flag : NodeFlag.values()) {
            if ((bits & bit(flag)) != 0) {
                flags.add(flag);
            }
        }
        return flags;
    }

    private static int bit(NodeFlag flag) {
        return switch (flag) {
            case MASTER -> 1;
            case SLAVE -> 1 << 1;
            case PFAIL -> 1 << 2;
            case FAIL -> 1 << 3;
            case MYSELF -> 1 << 4;
            case HANDSHAKE -> 1 << 5;
            case NOADDR -> 1 << 6;
            case NOFAILOVER -> 1 << 9;
        };
    }
}
