package io.slotwise.value;

/**
 * The ID of a stream entry: a millisecond time and a sequence number, both unsigned 64-bit integers, written
 * {@code <millis>-<sequence>} ({@code 1700000000000-0}). IDs order by time, then by sequence, compared unsigned, as
 * Redis orders them.
 *
 * <p>Only complete IDs are values of this type. The special IDs of commands are arguments, not IDs: {@code *} (let the
 * server choose, see {@link io.slotwise.api.args.XAddArgs}), {@code -} and {@code +} (the lowest and highest ID, see
 * {@link io.slotwise.api.args.StreamBound}), {@code $} (after the last entry) and {@code >} (entries never delivered to
 * the group, see {@link io.slotwise.api.args.StreamPosition}). {@link #MIN} ({@code 0-0}) and {@link #MAX} are ordinary
 * IDs.
 *
 * @param millis the time part, unsigned (a negative {@code long} stands for a value of 2<sup>63</sup> or more)
 * @param sequence the sequence part, unsigned
 */
public record StreamId(long millis, long sequence) implements Comparable<StreamId> {

    /** The lowest ID, {@code 0-0}: reading or creating a group from it covers the whole stream. */
    public static final StreamId MIN = new StreamId(0, 0);

    /** The highest ID, {@code 18446744073709551615-18446744073709551615}. */
    public static final StreamId MAX = new StreamId(-1, -1);

    /**
     * Creates an ID.
     *
     * @param millis the time part, unsigned
     * @param sequence the sequence part, unsigned
     * @return the ID
     */
    public static StreamId of(long millis, long sequence) {
        return new StreamId(millis, sequence);
    }

    /**
     * Parses the text form {@code <millis>-<sequence>}, as the server sends IDs.
     *
     * @param text the ID, never {@code null}
     * @return the ID
     * @throws IllegalArgumentException if the text is not two unsigned 64-bit decimal numbers joined by {@code -}
     */
    public static StreamId parse(String text) {
        int dash = text.indexOf('-');
        if (dash <= 0 || dash == text.length() - 1) {
            throw invalid(text);
        }
        return new StreamId(unsigned(text.substring(0, dash), text), unsigned(text.substring(dash + 1), text));
    }

    /**
     * Returns the next greater ID, for example to resume a range read after the last entry returned.
     *
     * @return the ID after this one
     * @throws IllegalStateException if this is {@link #MAX}
     */
    public StreamId next() {
        if (sequence != -1) {
            return new StreamId(millis, sequence + 1);
        }
        if (millis != -1) {
            return new StreamId(millis + 1, 0);
        }
        throw new IllegalStateException("StreamId.MAX has no successor");
    }

    /** Orders by time, then sequence, both unsigned. */
    @Override
    public int compareTo(StreamId other) {
        int byMillis = Long.compareUnsigned(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compareUnsigned(sequence, other.sequence);
    }

    /**
     * Returns the text form, as commands take it.
     *
     * @return {@code <millis>-<sequence>} in unsigned decimal
     */
    @Override
    public String toString() {
        return Long.toUnsignedString(millis) + "-" + Long.toUnsignedString(sequence);
    }

    private static long unsigned(String digits, String text) {
        if (digits.isEmpty() || digits.charAt(0) == '+') {
            throw invalid(text);
        }
        try {
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(
                "Not a stream ID (expected <millis>-<sequence>, unsigned 64-bit decimals): '" + text + "'");
    }
}
