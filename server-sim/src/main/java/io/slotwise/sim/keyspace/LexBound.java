package io.slotwise.sim.keyspace;

/**
 * One end of a sorted-set lexicographic range ({@code ZRANGEBYLEX}, {@code ZLEXCOUNT}, ...): {@code -}, {@code +},
 * {@code [member} (inclusive) or {@code (member} (exclusive).
 *
 * @param kind which of the four forms this is
 * @param member the member for {@link Kind#INCLUSIVE} and {@link Kind#EXCLUSIVE}; {@link Bytes#EMPTY} otherwise
 */
public record LexBound(Kind kind, Bytes member) {
    /** {@code -}: below every member. */
    public static final LexBound MIN = new LexBound(Kind.MIN, Bytes.EMPTY);

    /** {@code +}: above every member. */
    public static final LexBound MAX = new LexBound(Kind.MAX, Bytes.EMPTY);

    /** The four forms of a lexicographic bound. */
    public enum Kind {
        /** {@code -}, the smallest possible string. */
        MIN,
        /** {@code +}, the largest possible string. */
        MAX,
        /** {@code [member}: the member itself is in range. */
        INCLUSIVE,
        /** {@code (member}: the member itself is out of range. */
        EXCLUSIVE
    }

    /** Validates the components. */
    public LexBound {
        if (kind == null || member == null) {
            throw new NullPointerException(kind == null ? "kind" : "member");
        }
    }

    /** Returns the inclusive bound {@code [member}. */
    public static LexBound inclusive(Bytes member) {
        return new LexBound(Kind.INCLUSIVE, member);
    }

    /** Returns the exclusive bound {@code (member}. */
    public static LexBound exclusive(Bytes member) {
        return new LexBound(Kind.EXCLUSIVE, member);
    }

    /**
     * Parses {@code -}, {@code +}, {@code [member} or {@code (member}.
     *
     * @throws IllegalArgumentException for anything else (Redis replies {@code ERR min or max not valid string range
     *     item})
     */
    public static LexBound parse(byte[] text) {
        if (text.length == 1 && text[0] == '-') {
            return MIN;
        }
        if (text.length == 1 && text[0] == '+') {
            return MAX;
        }
        if (text.length >= 1 && (text[0] == '[' || text[0] == '(')) {
            byte[] member = new byte[text.length - 1];
            System.arraycopy(text, 1, member, 0, member.length);
            Bytes value = Bytes.wrapOwned(member);
            return text[0] == '[' ? inclusive(value) : exclusive(value);
        }
        throw new IllegalArgumentException("min or max not valid string range item");
    }
}
