package io.slotwise.sim.script.lua;

import java.util.ArrayList;
import java.util.List;

/** Lua 5.1's table library: insert, remove, concat, sort, getn and maxn. */
final class TableLibrary {
    private TableLibrary() {}

    static void install(LuaRuntime rt, LuaTable g) {
        LuaTable t = new LuaTable();
        g.put("table", t);
        rt.define(t, "getn", a -> new Object[] {(double) a.table(0).length()});
        rt.define(t, "maxn", a -> {
            double max = 0;
            LuaTable table = a.table(0);
            for (Object[] e = table.next(null); e != null; e = table.next(e[0])) {
                if (e[0] instanceof Double d && d > max) {
                    max = d;
                }
            }
            return new Object[] {max};
        });
        rt.define(t, "insert", a -> {
            LuaTable table = a.table(0);
            int n = table.length();
            if (a.count() == 2) {
                put(rt, table, n + 1, a.get(1));
            } else if (a.count() == 3) {
                int position = a.integer(1);
                for (int i = n; i >= position; i--) {
                    put(rt, table, i + 1, table.get(i));
                }
                put(rt, table, position, a.get(2));
            } else {
                throw rt.error("wrong number of arguments to 'insert'");
            }
            return LuaRuntime.NONE;
        });
        rt.define(t, "remove", a -> {
            LuaTable table = a.table(0);
            int n = table.length();
            int position = a.optInteger(1, n);
            if (n == 0) {
                return LuaRuntime.NONE;
            }
            Object removed = table.get(position);
            for (int i = position; i < n; i++) {
                put(rt, table, i, table.get(i + 1));
            }
            put(rt, table, n, null);
            return new Object[] {removed};
        });
        rt.define(t, "concat", a -> {
            LuaTable table = a.table(0);
            String separator = a.optString(1, "");
            int from = a.optInteger(2, 1);
            int to = a.get(3) == null ? table.length() : a.integer(3);
            StringBuilder out = new StringBuilder();
            for (int i = from; i <= to; i++) {
                String s = LuaValues.toStringCoerced(table.get(i));
                if (s == null) {
                    throw rt.error("invalid value (at index " + i + ") in table for 'concat'");
                }
                out.append(s);
                if (i < to) {
                    out.append(separator);
                }
            }
            return new Object[] {out.toString()};
        });
        rt.define(t, "sort", a -> {
            LuaTable table = a.table(0);
            Object comparator = a.get(1);
            if (comparator != null && !(comparator instanceof LuaFunction)) {
                a.function(1);
            }
            int n = table.length();
            List<Object> values = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                values.add(table.get(i));
            }
            try {
                values.sort((x, y) -> lessThan(rt, comparator, x, y) ? -1 : lessThan(rt, comparator, y, x) ? 1 : 0);
            } catch (IllegalArgumentException e) {
                throw rt.error("invalid order function for sorting");
            }
            for (int i = 1; i <= n; i++) {
                put(rt, table, i, values.get(i - 1));
            }
            return LuaRuntime.NONE;
        });
    }

    private static boolean lessThan(LuaRuntime rt, Object comparator, Object x, Object y) {
        if (comparator instanceof LuaFunction f) {
            return LuaValues.isTrue(LuaOps.first(f.call(new Object[] {x, y})));
        }
        return LuaOps.lessThan(rt, x, y, false);
    }

    private static void put(LuaRuntime rt, LuaTable table, int index, Object value) {
        try {
            table.put((double) index, value);
        } catch (LuaError e) {
            throw e.line() == 0 ? rt.error((String) e.value()) : e;
        }
    }
}
