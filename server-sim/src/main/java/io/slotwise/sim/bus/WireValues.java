package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.NodeId;
import io.slotwise.sim.cluster.SlotTable;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Checks shared by the message records, so that every message that can be built can also be encoded and every decoded
 * message satisfies the same rules. Stateless.
 */
final class WireValues {

    /** The longest short text (IP, hostname) a header or gossip entry can carry, in bytes. */
    static final int MAX_TEXT_LENGTH = 255;

    private WireValues() {}

    static String requireNodeId(String id, String what) {
        if (!NodeId.isWellFormed(id)) {
            throw new IllegalArgumentException(what + " is not a node ID: " + id);
        }
        return id;
    }

    /** Accepts empty or up to 255 printable ASCII characters (no spaces). */
    static String requireText(String text, String what) {
        if (text == null || text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(what + " must be 0.." + MAX_TEXT_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException(what + " contains a non-printable or non-ASCII character");
            }
        }
        return text;
    }

    static int requirePort(int port, String what) {
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException(what + " out of range: " + port);
        }
        return port;
    }

    static long requireNonNegative(long epoch, String what) {
        if (epoch < 0) {
            throw new IllegalArgumentException(what + " is negative: " + epoch);
        }
        return epoch;
    }

    static BitSet copySlots(BitSet slots) {
        if (slots.length() > SlotTable.SLOT_COUNT) {
            throw new IllegalArgumentException("slot out of range: " + (slots.length() - 1));
        }
        return (BitSet) slots.clone();
    }

    static <E extends Enum<E>> Set<E> copyFlags(Set<E> flags, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(flags);
        return Collections.unmodifiableSet(copy);
    }
}
