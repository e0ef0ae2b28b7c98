package io.slotwise.sim.keyspace;

/**
 * An inclusive range of positions {@code [first, last]} inside a sequence, normalised from Redis start/stop arguments
 * ({@code LRANGE}, {@code LTRIM}, {@code ZRANGE}, {@code ZREMRANGEBYRANK}): negative arguments count from the end,
 * the start is clamped at 0 and the stop at the last position.
 */
record IndexRange(int first, int last) {
    /** Returns the normalised range, or {@code null} if it selects nothing. */
    static IndexRange of(long start, long stop, int size) {
        if (start < 0) {
            start += size;
        }
        if (stop < 0) {
            stop += size;
        }
        if (start < 0) {
            start = 0;
        }
        if (start > stop || start >= size) {
            return null;
        }
        if (stop >= size) {
            stop = size - 1;
        }
        return new IndexRange((int) start, (int) stop);
    }

    int length() {
        return last - first + 1;
    }
}
