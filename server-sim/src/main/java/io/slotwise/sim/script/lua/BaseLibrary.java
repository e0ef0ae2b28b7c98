package io.slotwise.sim.script.lua;

import java.util.Arrays;

/**
 * Lua 5.1's base functions that Redis keeps: type, tostring, tonumber, pairs, ipairs, next, select, unpack, error,
 * pcall, xpcall, assert, rawget, rawset, rawequal, setmetatable, getmetatable, plus {@code _G} and {@code _VERSION}.
 */
final class BaseLibrary {
    private BaseLibrary() {}

    static void install(LuaRuntime rt, LuaTable g) {
        g.put("_G", g);
        g.put("_VERSION", "Lua 5.1");
        rt.define(g, "type", a -> new Object[] {LuaValues.typeName(a.any(0))});
        rt.define(g, "tostring", a -> new Object[] {LuaOps.toDisplay(a.any(0))});
        rt.define(g, "tonumber", BaseLibrary::toNumber);
        rt.define(g, "rawget", a -> new Object[] {a.table(0).get(a.any(1))});
        rt.define(g, "rawset", a -> {
            LuaTable t = a.table(0);
            try {
                t.put(a.any(1), a.any(2));
            } catch (LuaError e) {
                throw e.line() == 0 ? rt.error((String) e.value()) : e;
            }
            return new Object[] {t};
        });
        rt.define(g, "rawequal", a -> new Object[] {LuaValues.rawEquals(a.any(0), a.any(1))});
        rt.define(g, "setmetatable", a -> {
            LuaTable t = a.table(0);
            Object meta = a.get(1);
            if (meta != null && !(meta instanceof LuaTable)) {
                throw a.error(1, "nil or table expected");
            }
            if (t.metatable() != null && t.metatable().get("__metatable") != null) {
                throw rt.error("cannot change a protected metatable");
            }
            if (t.readOnly()) {
                throw rt.error("Attempt to modify a readonly table");
            }
            t.setMetatable((LuaTable) meta);
            return new Object[] {t};
        });
        rt.define(g, "getmetatable", a -> {
            LuaTable meta = a.get(0) instanceof LuaTable t ? t.metatable() : null;
            if (a.get(0) instanceof String) {
                LuaTable stringMeta = new LuaTable();
                stringMeta.put("__index", rt.stringLibrary());
                return new Object[] {stringMeta};
            }
            Object guarded = meta == null ? null : meta.get("__metatable");
            return new Object[] {guarded != null ? guarded : meta};
        });
        LuaFunction next = args -> {
            Args a = new Args(rt, "next", args);
            Object[] entry = a.table(0).next(a.get(1));
            return entry == null ? new Object[] {null} : entry;
        };
        g.put("next", next);
        rt.define(g, "pairs", a -> new Object[] {next, a.table(0), null});
        LuaFunction ipairsStep = args -> {
            double i = ((Double) args[1]) + 1;
            Object value = ((LuaTable) args[0]).get(i);
            return value == null ? new Object[] {null} : new Object[] {i, value};
        };
        rt.define(g, "ipairs", a -> new Object[] {ipairsStep, a.table(0), 0.0});
        rt.define(g, "select", a -> {
            if (a.get(0) instanceof String s && s.equals("#")) {
                return new Object[] {(double) (a.count() - 1)};
            }
            int n = a.integer(0);
            int total = a.count() - 1;
            if (n < 0) {
                n = total + n + 1;
            }
            if (n < 1) {
                throw a.error(0, "index out of range");
            }
            Object[] all = new Object[total];
            for (int i = 0; i < total; i++) {
                all[i] = a.get(i + 1);
            }
            return n > total ? LuaRuntime.NONE : Arrays.copyOfRange(all, n - 1, total);
        });
        rt.define(g, "unpack", a -> {
            LuaTable t = a.table(0);
            int from = a.optInteger(1, 1);
            int to = a.get(2) == null ? t.length() : a.integer(2);
            if (from > to) {
                return LuaRuntime.NONE;
            }
            if ((long) to - from >= 8000) {
                throw rt.error("too many results to unpack");
            }
            Object[] values = new Object[to - from + 1];
            for (int i = from; i <= to; i++) {
                values[i - from] = t.get(i);
            }
            return values;
        });
        rt.define(g, "error", a -> {
            Object value = a.get(0);
            int level = a.optInteger(1, 1);
            if (value instanceof Double number) {
                value = LuaValues.numberToString(number);
            }
            if (value instanceof String message && level > 0) {
                int at = rt.lineAtLevel(level);
                if (at > 0) {
                    value = rt.chunk() + ":" + at + ": " + message;
                }
            }
            throw new LuaError(value, rt.line);
        });
        rt.define(g, "assert", a -> {
            if (!LuaValues.isTrue(a.any(0))) {
                throw rt.error(a.optString(1, "assertion failed!"));
            }
            Object[] all = new Object[a.count()];
            for (int i = 0; i < all.length; i++) {
                all[i] = a.get(i);
            }
            return all;
        });
        rt.define(g, "pcall", a -> {
            LuaFunction f = (LuaFunction) checkCallable(a);
            Object[] rest = new Object[Math.max(0, a.count() - 1)];
            for (int i = 0; i < rest.length; i++) {
                rest[i] = a.get(i + 1);
            }
            return protectedCall(rt, f, rest, null);
        });
        rt.define(g, "xpcall", a -> {
            LuaFunction f = (LuaFunction) checkCallable(a);
            return protectedCall(rt, f, LuaRuntime.NONE, a.get(1));
        });
    }

    private static Object checkCallable(Args a) {
        Object f = a.any(0);
        if (f instanceof LuaFunction) {
            return f;
        }
        return (LuaFunction) args -> {
            throw new LuaError("attempt to call a " + LuaValues.typeName(f) + " value", 0);
        };
    }

    private static Object[] protectedCall(LuaRuntime rt, LuaFunction f, Object[] args, Object handler) {
        int line = rt.line;
        rt.line = 0; // the function is called from Java: its own errors carry no position, as in Lua
        try {
            Object[] results = f.call(args);
            Object[] withStatus = new Object[results.length + 1];
            withStatus[0] = Boolean.TRUE;
            System.arraycopy(results, 0, withStatus, 1, results.length);
            return withStatus;
        } catch (LuaError e) {
            Object value = e.value();
            if (handler != null) {
                value = LuaOps.first(LuaOps.call(rt, handler, new Object[] {value}, null));
            }
            return new Object[] {Boolean.FALSE, value};
        } finally {
            rt.line = line;
        }
    }

    private static Object[] toNumber(Args a) {
        Object value = a.any(0);
        int base = a.optInteger(1, 10);
        if (base == 10) {
            return new Object[] {LuaValues.toNumber(value)};
        }
        if (base < 2 || base > 36) {
            throw a.error(1, "base out of range");
        }
        String text = a.string(0).strip().toLowerCase(java.util.Locale.ROOT);
        boolean negative = text.startsWith("-");
        if (negative) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            return new Object[] {null};
        }
        double n = 0;
        for (char c : text.toCharArray()) {
            int digit = Character.digit(c, base);
            if (digit < 0) {
                return new Object[] {null};
            }
            n = n * base + digit;
        }
        return new Object[] {negative ? -n : n};
    }
}
