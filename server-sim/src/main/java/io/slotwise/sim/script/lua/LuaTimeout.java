package io.slotwise.sim.script.lua;

/**
 * Raised when a script ran past its deadline. Not a {@link LuaError}: {@code pcall} cannot catch it, so the script
 * ends, as a script killed by Redis's {@code SCRIPT KILL} does.
 */
public final class LuaTimeout extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the signal. */
    public LuaTimeout() {
        super("script time limit exceeded", null, false, false);
    }
}
