package io.slotwise.api.args;

/** Which end of a list ({@code LMOVE}, {@code BLMOVE}). The constant's name is the RESP token. */
public enum ListSide {
    /** The head (index 0). */
    LEFT,
    /** The tail (index -1). */
    RIGHT
}
