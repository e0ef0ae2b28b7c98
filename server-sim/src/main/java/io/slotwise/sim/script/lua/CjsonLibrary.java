package io.slotwise.sim.script.lua;

/**
 * The {@code cjson} library Redis bundles: {@code encode}, {@code decode} and {@code null}, with lua-cjson's default
 * rules (arrays are tables whose keys are 1..n, excessively sparse arrays are refused, numbers as {@code %.14g}, '/'
 * escaped) and its error messages.
 */
final class CjsonLibrary {
    private static final int MAX_DEPTH = 1000;

    private CjsonLibrary() {}

    static void install(LuaRuntime rt, LuaTable g) {
        LuaTable t = new LuaTable();
        g.put("cjson", t);
        LuaUserdata nullValue = new LuaUserdata("cjson.null");
        t.put("null", nullValue);
        rt.define(t, "encode", a -> {
            if (a.count() != 1) {
                throw rt.error("bad argument #1 to 'encode' (expected 1 argument)");
            }
            StringBuilder out = new StringBuilder();
            encode(rt, a.get(0), out, 0, nullValue);
            return new Object[] {out.toString()};
        });
        rt.define(t, "decode", a -> {
            if (a.count() != 1) {
                throw rt.error("bad argument #1 to 'decode' (expected 1 argument)");
            }
            return new Object[] {new JsonReader(rt, a.string(0), nullValue).document()};
        });
    }

    private static void encode(LuaRuntime rt, Object value, StringBuilder out, int depth, Object nullValue) {
        if (value == null || value == nullValue) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double d) {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw rt.error("Cannot serialise number: must not be NaN or Inf");
            }
            out.append(LuaValues.numberToString(d));
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof LuaTable table) {
            if (depth >= MAX_DEPTH) {
                throw rt.error("Cannot serialise, excessive nesting (" + (depth + 1) + ")");
            }
            encodeTable(rt, table, out, depth + 1, nullValue);
        } else {
            throw rt.error("Cannot serialise " + LuaValues.typeName(value) + ": type not supported");
        }
    }

    private static void encodeTable(LuaRuntime rt, LuaTable table, StringBuilder out, int depth, Object nullValue) {
        int count = 0;
        double max = 0;
        boolean array = true;
        for (Object[] e = table.next(null); e != null; e = table.next(e[0])) {
            count++;
            if (e[0] instanceof Double d && d >= 1 && d == Math.floor(d)) {
                max = Math.max(max, d);
            } else {
                array = false;
            }
        }
        if (array && max > 10 && max > count * 2) {
            throw rt.error("Cannot serialise table: excessively sparse array");
        }
        if (array && count > 0) {
            out.append('[');
            for (int i = 1; i <= (int) max; i++) {
                if (i > 1) {
                    out.append(',');
                }
                encode(rt, table.get(i), out, depth, nullValue);
            }
            out.append(']');
            return;
        }
        out.append('{');
        boolean first = true;
        for (Object[] e = table.next(null); e != null; e = table.next(e[0])) {
            String key = e[0] instanceof String s ? s : e[0] instanceof Double d ? LuaValues.numberToString(d) : null;
            if (key == null) {
                throw rt.error("Cannot serialise table: table key must be a number or string");
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(key, out);
            out.append(':');
            encode(rt, e[1], out, depth, nullValue);
        }
        out.append('}');
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 32 || c == 127) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
