package io.slotwise.api.args;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One end of a lexicographical range ({@code ZRANGE ... BYLEX}): a member's bytes, included ({@code [a}) or excluded
 * ({@code (a}), or the lowest ({@code -}) or highest ({@code +}) possible member. Members compare as raw bytes, so a
 * bound is given as bytes or as UTF-8 text. Immutable.
 */
public final class LexBound {

    private static final LexBound MIN = new LexBound(new byte[] {'-'});
    private static final LexBound MAX = new LexBound(new byte[] {'+'});

    private final byte[] argument;

    private LexBound(byte[] argument) {
        this.argument = argument;
    }

    /**
     * A bound that includes a member.
     *
     * @param member the member's bytes, copied
     * @return the bound
     */
    public static LexBound inclusive(byte[] member) {
        return prefixed('[', member);
    }

    /**
     * A bound that excludes a member.
     *
     * @param member the member's bytes, copied
     * @return the bound
     */
    public static LexBound exclusive(byte[] member) {
        return prefixed('(', member);
    }

    /**
     * A bound that includes a member given as text.
     *
     * @param member the member, encoded as UTF-8
     * @return the bound
     */
    public static LexBound inclusive(String member) {
        return inclusive(member.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A bound that excludes a member given as text.
     *
     * @param member the member, encoded as UTF-8
     * @return the bound
     */
    public static LexBound exclusive(String member) {
        return exclusive(member.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The lowest possible bound.
     *
     * @return {@code -}
     */
    public static LexBound min() {
        return MIN;
    }

    /**
     * The highest possible bound.
     *
     * @return {@code +}
     */
    public static LexBound max() {
        return MAX;
    }

    /**
     * Returns the bound's RESP argument.
     *
     * @return the prefix and the member's bytes, or {@code -} / {@code +}; a fresh array
     */
    public byte[] argument() {
        return argument.clone();
    }

    private static LexBound prefixed(char prefix, byte[] member) {
        byte[] argument = new byte[member.length + 1];
        argument[0] = (byte) prefix;
        System.arraycopy(member, 0, argument, 1, member.length);
        return new LexBound(argument);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LexBound that && Arrays.equals(argument, that.argument);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(argument);
    }

    /** Shows the kind of bound and the member's length, not the member. */
    @Override
    public String toString() {
        if (this == MIN || this == MAX) {
            return "LexBound[" + (char) argument[0] + "]";
        }
        return "LexBound[" + (char) argument[0] + ", " + (argument.length - 1) + " bytes]";
    }
}
