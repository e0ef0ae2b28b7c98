package io.slotwise.sim.bus;

import java.util.EnumSet;
import java.util.Set;

/**
 * Per-message flags carried in every bus header (Redis's {@code mflags[0]}), used by manual failover. Each flag has a
 * fixed bit in the header's message-flags byte.
 */
public enum MessageFlag {
    /** The sending master has paused writes for a manual failover (bit 0). */
    PAUSED(1),
    /** The receiving master should vote even though the failing replica's master is up (bit 1). */
    FORCE_ACK(1 << 1);

    private final int bit;

    MessageFlag(int bit) {
        this.bit = bit;
    }

    /**
     * Packs flags into the header byte.
     *
     * @param flags the flags, never {@code null}
     * @return the byte value
     */
    static int encode(Set<MessageFlag> flags) {
        int bits = 0;
        for (MessageFlag flag : flags) {
            bits |= flag.bit;
        }
        return bits;
    }

    /**
     * Unpacks the header byte; unknown bits are ignored so newer senders stay readable.
     *
     * @param bits the byte value
     * @return a new set
     */
    static EnumSet<MessageFlag> decode(int bits) {
        EnumSet<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
        for (MessageFlag flag : values()) {
            if ((bits & flag.bit) != 0) {
                flags.add(flag);
            }
        }
        return flags;
    }
}
