package io.slotwise.sim.script.lua;

import java.util.Locale;

/**
 * Lua 5.1's string library: len, sub, upper, lower, rep, reverse, byte, char, format, find, match, gmatch and gsub.
 * Strings are also indexable through it ({@code s:upper()}).
 */
final class StringLibrary {
    private static final String SPECIALS = "^$*+?.([%-";
    private static final int MAX_STRING = 512 * 1024 * 1024;

    private StringLibrary() {}

    static LuaTable install(LuaRuntime rt, LuaTable g) {
        LuaTable t = new LuaTable();
        g.put("string", t);
        rt.define(t, "len", a -> new Object[] {(double) a.string(0).length()});
        rt.define(t, "lower", a -> new Object[] {a.string(0).toLowerCase(Locale.ROOT)});
        rt.define(t, "upper", a -> new Object[] {a.string(0).toUpperCase(Locale.ROOT)});
        rt.define(t, "reverse", a ->
                new Object[] {new StringBuilder(a.string(0)).reverse().toString()});
        rt.define(t, "sub", a -> {
            String s = a.string(0);
            int from = relative(a.optInteger(1, 1), s.length());
            int to = relative(a.optInteger(2, -1), s.length());
            from = Math.max(from, 1);
            to = Math.min(to, s.length());
            return new Object[] {from > to ? "" : s.substring(from - 1, to)};
        });
        rt.define(t, "rep", a -> {
            String s = a.string(0);
            int n = a.integer(1);
            if (n <= 0 || s.isEmpty()) {
                return new Object[] {""};
            }
            if ((long) s.length() * n > MAX_STRING) {
                throw rt.error("not enough memory");
            }
            return new Object[] {s.repeat(n)};
        });
        rt.define(t, "byte", a -> {
            String s = a.string(0);
            int from = relative(a.optInteger(1, 1), s.length());
            int to = relative(a.optInteger(2, from), s.length());
            from = Math.max(from, 1);
            to = Math.min(to, s.length());
            if (from > to) {
                return LuaRuntime.NONE;
            }
            Object[] codes = new Object[to - from + 1];
            for (int i = from; i <= to; i++) {
                codes[i - from] = (double) s.charAt(i - 1);
            }
            return codes;
        });
        rt.define(t, "char", a -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < a.count(); i++) {
                int c = a.integer(i);
                if (c < 0 || c > 255) {
                    throw a.error(i, "invalid value");
                }
                out.append((char) c);
            }
            return new Object[] {out.toString()};
        });
        rt.define(t, "format", a -> new Object[] {StringFormat.format(rt, a)});
        rt.define(t, "find", a -> find(rt, a, true));
        rt.define(t, "match", a -> find(rt, a, false));
        rt.define(t, "gmatch", a -> gmatch(rt, a.string(0), a.string(1)));
        rt.define(t, "gsub", a -> PatternReplace.gsub(rt, a));
        return t;
    }

    /** Lua's {@code posrelat}: a negative position counts from the end. */
    static int relative(int position, int length) {
        return position >= 0 ? position : Math.max(0, length + position + 1);
    }

    private static Object[] find(LuaRuntime rt, Args a, boolean find) {
        String s = a.string(0);
        String pattern = a.string(1);
        int init = relative(a.optInteger(2, 1), s.length()) - 1;
        if (init < 0) {
            init = 0;
        } else if (init > s.length()) {
            return new Object[] {null};
        }
        if (find && (LuaValues.isTrue(a.get(3)) || pattern.chars().noneMatch(c -> SPECIALS.indexOf(c) >= 0))) {
            int at = s.indexOf(pattern, init);
            return at < 0 ? new Object[] {null} : new Object[] {(double) at + 1, (double) (at + pattern.length())};
        }
        LuaPattern matcher = new LuaPattern(rt, s, pattern);
        boolean anchor = pattern.startsWith("^");
        int start = anchor ? 1 : 0;
        int si = init;
        do {
            int end = matcher.matchAt(si, start);
            if (end >= 0) {
                if (!find) {
                    return matcher.captures(si, end);
                }
                int n = matcher.captureCount();
                Object[] values = new Object[2 + n];
                values[0] = (double) (si + 1);
                values[1] = (double) end;
                for (int i = 0; i < n; i++) {
                    values[2 + i] = matcher.capture(i, si, end);
                }
                return values;
            }
            si++;
        } while (si <= s.length() && !anchor);
        return new Object[] {null};
    }

    private static Object[] gmatch(LuaRuntime rt, String s, String pattern) {
        LuaPattern matcher = new LuaPattern(rt, s, pattern);
        int[] position = {0};
        LuaFunction step = args -> {
            for (int si = position[0]; si <= s.length(); si++) {
                int end = matcher.matchAt(si, 0);
                if (end >= 0) {
                    position[0] = end == si ? end + 1 : end;
                    return matcher.captures(si, end);
                }
            }
            position[0] = s.length() + 1;
            return new Object[] {null};
        };
        return new Object[] {step};
    }
}
