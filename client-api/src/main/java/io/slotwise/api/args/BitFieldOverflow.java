package io.slotwise.api.args;

/** How {@code BITFIELD}'s {@code SET} and {@code INCRBY} handle a value that does not fit the field ({@code OVERFLOW}). */
public enum BitFieldOverflow {
    /** Wrap around, as integer arithmetic in Java does (the default). */
    WRAP,
    /** Saturate: stay at the field's minimum or maximum. */
    SAT,
    /** Fail: leave the field unchanged and answer {@code null} for that operation. */
    FAIL
}
