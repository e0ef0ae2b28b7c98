package io.slotwise.value;

import java.util.List;
import java.util.Objects;

/**
 * One page of a cluster-wide scan: the keys of the slots read for this page, and the cursor to pass to the next call.
 * A page may be empty before the scan is finished (empty slots, or keys filtered out by {@code MATCH}/{@code TYPE}).
 *
 * @param cursor where the next call continues; {@link ClusterScanCursor#isFinished()} when no call is needed
 * @param keys the keys of this page, slot by slot; copied into an immutable list
 * @param <K> the key type
 */
public record ClusterScanPage<K>(ClusterScanCursor cursor, List<K> keys) {

    /** Checks the cursor and copies the keys. */
    public ClusterScanPage {
        Objects.requireNonNull(cursor, "cursor");
        keys = List.copyOf(keys);
    }

    /**
     * Tells whether the scan is complete.
     *
     * @return {@code true} if every slot has been read
     */
    public boolean isFinished() {
        return cursor.isFinished();
    }

    /** Shows the cursor and the number of keys, not the keys (application data). */
    @Override
    public String toString() {
        return "ClusterScanPage[cursor=" + cursor + ", keys=" + keys.size() + "]";
    }
}
