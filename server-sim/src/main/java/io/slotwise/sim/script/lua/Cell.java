package io.slotwise.sim.script.lua;

/** The storage of one local variable; closures share it, so a variable captured by a closure lives on. */
final class Cell {
    Object value;

    Cell(Object value) {
        this.value = value;
    }
}
