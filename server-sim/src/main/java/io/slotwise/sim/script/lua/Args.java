package io.slotwise.sim.script.lua;

/**
 * Argument checks of library functions with the messages of Lua 5.1's auxiliary library, for example {@code bad
 * argument #1 to 'rep' (string expected, got no value)}. Each check raises the error at the runtime's current line.
 */
final class Args {
    private final LuaRuntime rt;
    private final String function;
    private final Object[] args;

    Args(LuaRuntime rt, String function, Object[] args) {
        this.rt = rt;
        this.function = function;
        this.args = args;
    }

    int count() {
        return args.length;
    }

    Object get(int i) {
        return i < args.length ? args[i] : null;
    }

    boolean present(int i) {
        return i < args.length;
    }

    LuaError error(int i, String message) {
        return rt.error("bad argument #" + (i + 1) + " to '" + function + "' (" + message + ")");
    }

    private LuaError typeError(int i, String expected) {
        String got = present(i) ? LuaValues.typeName(args[i]) : "no value";
        return error(i, expected + " expected, got " + got);
    }

    Object any(int i) {
        if (!present(i)) {
            throw error(i, "value expected");
        }
        return args[i];
    }

    String string(int i) {
        String s = LuaValues.toStringCoerced(get(i));
        if (s == null) {
            throw typeError(i, "string");
        }
        return s;
    }

    String optString(int i, String fallback) {
        return get(i) == null ? fallback : string(i);
    }

    double number(int i) {
        Double d = LuaValues.toNumber(get(i));
        if (d == null) {
            throw typeError(i, "number");
        }
        return d;
    }

    double optNumber(int i, double fallback) {
        return get(i) == null ? fallback : number(i);
    }

    /** An integer argument, truncated as Lua's {@code luaL_checkint} does. */
    int integer(int i) {
        double d = number(i);
        return d >= Integer.MAX_VALUE ? Integer.MAX_VALUE : d <= Integer.MIN_VALUE ? Integer.MIN_VALUE : (int) d;
    }

    int optInteger(int i, int fallback) {
        return get(i) == null ? fallback : integer(i);
    }

    LuaTable table(int i) {
        if (get(i) instanceof LuaTable t) {
            return t;
        }
        throw typeError(i, "table");
    }

    LuaFunction function(int i) {
        if (get(i) instanceof LuaFunction f) {
            return f;
        }
        throw typeError(i, "function");
    }
}
