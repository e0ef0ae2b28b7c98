package io.slotwise.sim.script.lua;

/** A statement of the syntax tree; executing it is its own job. Immutable once parsed. */
abstract class Stat {
    /** What {@link #exec} returns when a {@code break} leaves the innermost loop. */
    static final Object BREAK = new Object();

    /** The line the statement starts on. */
    final int line;

    Stat(int line) {
        this.line = line;
    }

    /**
     * Executes the statement.
     *
     * @return null to continue, {@link #BREAK}, or an {@code Object[]} of the values a {@code return} returns
     */
    abstract Object exec(Frame frame);
}
