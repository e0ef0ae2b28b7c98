package io.slotwise.sim.keyspace;

/**
 * A stream entry ID: two unsigned 64-bit numbers, milliseconds and sequence, ordered as Redis orders them (by
 * milliseconds, then sequence, both unsigned). Rendered as {@code <ms>-<seq>} in decimal. Immutable.
 *
 * @param ms the milliseconds part, unsigned
 * @param seq the sequence part, unsigned
 */
public record StreamId(long ms, long seq) implements Comparable<StreamId> {
    /** {@code 0-0}, the smallest ID. */
    public static final StreamId MIN = new StreamId(0, 0);

    /** {@code 18446744073709551615-18446744073709551615}, the largest ID. */
    public static final StreamId MAX = new StreamId(-1L, -1L);

    @Override
    public int compareTo(StreamId other) {
        int byMs = Long.compareUnsigned(ms, other.ms);
        return byMs != 0 ? byMs : Long.compareUnsigned(seq, other.seq);
    }

    /** Returns the next ID in order, or {@code null} after {@link #MAX}. */
    public StreamId next() {
        if (seq != -1L) {
            return new StreamId(ms, seq + 1);
        }
        return ms == -1L ? null : new StreamId(ms + 1, 0);
    }

    /** Returns the previous ID in order, or {@code null} before {@link #MIN}. */
    public StreamId previous() {
        if (seq != 0) {
            return new StreamId(ms, seq - 1);
        }
        return ms == 0 ? null : new StreamId(ms - 1, -1L);
    }

    /** Returns whether this is {@code 0-0}. */
    public boolean isZero() {
        return ms == 0 && seq == 0;
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq);
    }
}
