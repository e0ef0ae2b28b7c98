package io.slotwise.sim.script.lua;

/**
 * An expression of the syntax tree; evaluating it is its own job (the tree is the interpreter). Immutable once parsed.
 */
abstract class Expr {
    /** The line the expression starts on, for error positions. */
    final int line;

    Expr(int line) {
        this.line = line;
    }

    /** Evaluates to one value (the first of several, nil of none). */
    abstract Object eval(Frame frame);

    /** Evaluates to all its values: more than one only for calls and {@code ...}. */
    Object[] evalMulti(Frame frame) {
        return new Object[] {eval(frame)};
    }

    /** Whether the expression can produce several values (a call or {@code ...}). */
    boolean isMulti() {
        return false;
    }

    /** How error messages name the expression ({@code local 'x'}, {@code field 'y'}), or null. */
    String describe() {
        return null;
    }
}
