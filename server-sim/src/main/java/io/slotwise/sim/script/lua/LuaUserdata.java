package io.slotwise.sim.script.lua;

/** An opaque value of type {@code userdata}, such as {@code cjson.null}. Compared by identity. */
public final class LuaUserdata {
    private final String name;

    /**
     * Creates one.
     *
     * @param name what it stands for, for diagnostics only
     */
    public LuaUserdata(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "userdata(" + name + ")";
    }
}
