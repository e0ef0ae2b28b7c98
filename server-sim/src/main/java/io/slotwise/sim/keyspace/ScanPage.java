package io.slotwise.sim.keyspace;

import java.util.List;

/**
 * One page of a cursor scan ({@code SCAN}, {@code HSCAN}, {@code SSCAN}, {@code ZSCAN}).
 *
 * @param cursor the cursor to pass to the next call, or {@code 0} when the scan is complete
 * @param items the items of this page, possibly empty even when the scan is not complete; never null, unmodifiable
 * @param <T> the item type
 */
public record ScanPage<T>(long cursor, List<T> items) {
    /** Creates a page, copying {@code items} into an unmodifiable list. */
    public ScanPage {
        items = List.copyOf(items);
    }

    /** Returns whether this is the last page, i.e. the cursor is {@code 0}. */
    public boolean isComplete() {
        return cursor == 0;
    }
}
