package io.slotwise.topology;

import io.slotwise.routing.SlotHash;

/**
 * An inclusive range of hash slots.
 *
 * @param start first slot, 0 to 16383
 * @param end last slot, {@code start} to 16383
 */
public record SlotRange(int start, int end) {

    /** Validates the range. */
    public SlotRange {
        if (start < 0 || end >= SlotHash.SLOT_COUNT || start > end) {
            throw new IllegalArgumentException("invalid slot range " + start + "-" + end);
        }
    }

    /**
     * A range of one slot.
     *
     * @param slot the slot
     * @return the range
     */
    public static SlotRange of(int slot) {
        return new SlotRange(slot, slot);
    }

    /** The number of slots in the range. */
    public int size() {
        return end - start + 1;
    }

    /**
     * Whether the range holds a slot.
     *
     * @param slot the slot
     * @return true if {@code start <= slot <= end}
     */
    public boolean contains(int slot) {
        return slot >= start && slot <= end;
    }

    @Override
    public String toString() {
        return start == end ? Integer.toString(start) : start + "-" + end;
    }
}
