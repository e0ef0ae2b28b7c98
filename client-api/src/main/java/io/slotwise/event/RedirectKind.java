package io.slotwise.event;

/** Which redirect a node answered with. */
public enum RedirectKind {
    /** {@code MOVED}: the slot has a new owner; the client updates its topology. */
    MOVED,
    /** {@code ASK}: the key is on a node importing the slot; the client sends {@code ASKING} and the command there. */
    ASK
}
