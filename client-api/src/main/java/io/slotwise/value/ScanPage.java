package io.slotwise.value;

import java.util.List;
import java.util.Objects;

/**
 * One page of an incremental scan ({@code HSCAN}, {@code SSCAN}, {@code ZSCAN}): the elements the server returned and
 * the cursor to pass to the next call. A scan is complete when the server returns cursor {@code "0"}; a page may be
 * empty before that, and an element may appear on more than one page (a Redis guarantee, not a client bug).
 *
 * @param cursor the cursor for the next call, exactly as the server sent it (an unsigned 64-bit number in text form)
 * @param elements the elements of this page, in reply order; copied into an immutable list
 * @param <T> the element type
 */
public record ScanPage<T>(String cursor, List<T> elements) {

    /** The cursor that starts a scan, and that the server returns when the scan is complete. */
    public static final String INITIAL_CURSOR = "0";

    /** Checks the cursor and copies the elements. */
    public ScanPage {
        Objects.requireNonNull(cursor, "cursor");
        elements = List.copyOf(elements);
    }

    /**
     * Tells whether the scan is complete, so no further call is needed.
     *
     * @return {@code true} when the server returned cursor {@code "0"}
     */
    public boolean isFinished() {
        return INITIAL_CURSOR.equals(cursor);
    }

    /** Shows the cursor and the number of elements, not the elements (they are application data). */
    @Override
    public String toString() {
        return "ScanPage[cursor=" + cursor + ", elements=" + elements.size() + "]";
    }
}
