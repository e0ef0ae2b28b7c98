package io.slotwise.api.args;

/** Where {@code LINSERT} puts the new element relative to the pivot. The constant's name is the RESP token. */
public enum InsertPosition {
    /** Before the pivot. */
    BEFORE,
    /** After the pivot. */
    AFTER
}
