package io.slotwise.api.args;

/** The operations of {@code BITOP}. */
public enum BitOperation {
    /** Bitwise and of all sources. */
    AND,
    /** Bitwise or of all sources. */
    OR,
    /** Bitwise exclusive or of all sources. */
    XOR,
    /** Bitwise inversion of exactly one source. */
    NOT
}
