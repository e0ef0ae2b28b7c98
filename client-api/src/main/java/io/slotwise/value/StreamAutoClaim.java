package io.slotwise.value;

import java.util.List;
import java.util.Objects;

/**
 * The result of one {@code XAUTOCLAIM} call: what it claimed, where the next call continues, and which pending IDs it
 * found deleted (and removed from the pending entries list).
 *
 * @param next the start ID of the next call; {@link StreamId#MIN} when the scan of the pending list is complete
 * @param claimed the claimed entries ({@link StreamEntry}), or their IDs with {@code JUSTID}; copied, unmodifiable
 * @param deleted the IDs that were pending but whose entries no longer exist; copied, unmodifiable; empty before
 *     Redis 7
 * @param <T> {@link StreamEntry} or {@link StreamId}
 */
public record StreamAutoClaim<T>(StreamId next, List<T> claimed, List<StreamId> deleted) {

    /** Checks the components and copies the lists. */
    public StreamAutoClaim {
        Objects.requireNonNull(next, "next");
        claimed = List.copyOf(claimed);
        deleted = List.copyOf(deleted);
    }

    /**
     * Tells whether the whole pending entries list has been scanned, so no further call is needed.
     *
     * @return {@code true} when {@link #next()} is {@code 0-0}
     */
    public boolean isFinished() {
        return StreamId.MIN.equals(next);
    }

    /** Shows the cursor and the counts, not the entries (they are application data). */
    @Override
    public String toString() {
        return "StreamAutoClaim[next=" + next + ", claimed=" + claimed.size() + ", deleted=" + deleted.size() + "]";
    }
}
