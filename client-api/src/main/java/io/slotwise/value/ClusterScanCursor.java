package io.slotwise.value;

import io.slotwise.routing.SlotHash;

/**
 * Where a cluster-wide scan stands: the next hash slot to read. Slots are read one at a time in ascending order, each
 * from the node serving it at that moment, so progress survives slots moving between nodes. A cursor is a plain value:
 * it can be kept, printed ({@link #toString()}) and parsed back ({@link #parse}) to resume a scan later, with any
 * client of the same cluster.
 *
 * @param nextSlot the first slot not read yet, from 0 to {@link SlotHash#SLOT_COUNT} ({@code SLOT_COUNT} = finished)
 */
public record ClusterScanCursor(int nextSlot) {

    /** The cursor that starts a scan at slot 0. */
    public static final ClusterScanCursor INITIAL = new ClusterScanCursor(0);

    /** The cursor of a finished scan. */
    public static final ClusterScanCursor FINISHED = new ClusterScanCursor(SlotHash.SLOT_COUNT);

    /** Checks the slot. */
    public ClusterScanCursor {
        if (nextSlot < 0 || nextSlot > SlotHash.SLOT_COUNT) {
            throw new IllegalArgumentException(
                    "A cluster scan cursor is a slot from 0 to " + SlotHash.SLOT_COUNT + ", was " + nextSlot);
        }
    }

    /**
     * Reads a cursor printed by {@link #toString()}.
     *
     * @param text the decimal slot number
     * @return the cursor
     * @throws IllegalArgumentException if {@code text} is not a slot number from 0 to {@link SlotHash#SLOT_COUNT}
     */
    public static ClusterScanCursor parse(String text) {
        try {
            return new ClusterScanCursor(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a cluster scan cursor: '" + text + "'", e);
        }
    }

    /**
     * Tells whether every slot has been read.
     *
     * @return {@code true} when nothing is left to scan
     */
    public boolean isFinished() {
        return nextSlot == SlotHash.SLOT_COUNT;
    }

    /** Returns the slot number in decimal, which {@link #parse} reads back. */
    @Override
    public String toString() {
        return Integer.toString(nextSlot);
    }
}
