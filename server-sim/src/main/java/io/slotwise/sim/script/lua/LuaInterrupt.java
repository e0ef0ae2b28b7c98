package io.slotwise.sim.script.lua;

/**
 * Raised when a running script is interrupted: it passed its deadline, or its interrupt condition (SCRIPT KILL, the
 * node closing) became true. Not a {@link LuaError}: {@code pcall} cannot catch it, so the script ends, as a script
 * killed by Redis's {@code SCRIPT KILL} does.
 */
public final class LuaInterrupt extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;

    /**
     * Creates the signal.
     *
     * @param line the line the script was running, 0 if unknown
     */
    public LuaInterrupt(int line) {
        super("script interrupted", null, false, false);
        this.line = line;
    }

    /** Returns the line the script was running when interrupted, 0 if unknown. */
    public int line() {
        return line;
    }
}
