package io.slotwise.api.args;

/** How {@code FLUSHALL}, {@code FLUSHDB} and {@code SCRIPT FLUSH} free memory. The constant's name is the RESP token. */
public enum FlushMode {
    /** In a background thread; the command returns at once. */
    ASYNC,
    /** Before the command returns. */
    SYNC
}
