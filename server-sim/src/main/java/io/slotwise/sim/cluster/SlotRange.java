package io.slotwise.sim.cluster;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * An inclusive run of hash slots {@code [start, end]}.
 *
 * @param start first slot, in {@code [0, 16383]}
 * @param end last slot, in {@code [start, 16383]}
 */
public record SlotRange(int start, int end) {

    /**
     * Validates the bounds.
     *
     * @throws IllegalArgumentException if a bound is outside {@code [0, 16383]} or {@code start > end}
     */
    public SlotRange {
        if (start < 0 || end >= SlotTable.SLOT_COUNT || start > end) {
            throw new IllegalArgumentException("invalid slot range " + start + "-" + end);
        }
    }

    /**
     * Coalesces a slot set into its maximal contiguous runs, in ascending order.
     *
     * @param slots the set, never {@code null}; not modified
     * @return the runs, possibly empty
     */
    public static List<SlotRange> coalesce(BitSet slots) {
        List<SlotRange> ranges = new ArrayList<>();
        int start = slots.nextSetBit(0);
        while (start >= 0 && start < SlotTable.SLOT_COUNT) {
            int end = slots.nextClearBit(start) - 1;
            ranges.add(new SlotRange(start, Math.min(end, SlotTable.SLOT_COUNT - 1)));
            start = slots.nextSetBit(end + 1);
        }
        return ranges;
    }

    /**
     * Returns the token CLUSTER NODES prints: {@code N} for a single slot, {@code A-B} otherwise.
     *
     * @return the token
     */
    public String token() {
        return start == end ? Integer.toString(start) : start + "-" + end;
    }

    /**
     * Returns how many slots the range covers.
     *
     * @return {@code end - start + 1}
     */
    public int size() {
        return end - start + 1;
    }
}
