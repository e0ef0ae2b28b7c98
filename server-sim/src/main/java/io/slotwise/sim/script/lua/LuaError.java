package io.slotwise.sim.script.lua;

/**
 * A Lua error in flight: raised by {@code error()}, by a failed operation of the evaluator or by a library function,
 * and caught by {@code pcall} or by whoever called the script. The error value may be any Lua value (a message string
 * already carrying its {@code chunk:line:} position, or a table such as Redis's {@code {err=...}}).
 */
public final class LuaError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Object value;
    private final int line;

    /**
     * Creates an error.
     *
     * @param value the error value; null for nil
     * @param line the script line the error was raised at, 0 if unknown
     */
    public LuaError(Object value, int line) {
        super(
                value instanceof String s ? s : "(error object is a " + LuaValues.typeName(value) + " value)",
                null,
                false,
                false);
        this.value = value;
        this.line = line;
    }

    /** Returns the error value; null for nil. */
    public Object value() {
        return value;
    }

    /** Returns the script line the error was raised at, 0 if unknown. */
    public int line() {
        return line;
    }
}
