package io.slotwise.sim.script.lua;

/** {@code string.gsub}: replacement by a string with {@code %0}..{@code %9}, a table or a function. */
final class PatternReplace {
    private PatternReplace() {}

    static Object[] gsub(LuaRuntime rt, Args a) {
        String s = a.string(0);
        String pattern = a.string(1);
        Object replacement = a.get(2);
        if (!(replacement instanceof Double
                || replacement instanceof String
                || replacement instanceof LuaTable
                || replacement instanceof LuaFunction)) {
            throw a.error(2, "string/function/table expected");
        }
        int maxReplacements = a.optInteger(3, s.length() + 1);
        boolean anchor = pattern.startsWith("^");
        int start = anchor ? 1 : 0;
        LuaPattern matcher = new LuaPattern(rt, s, pattern);
        StringBuilder out = new StringBuilder();
        int si = 0;
        int count = 0;
        while (count < maxReplacements) {
            int end = matcher.matchAt(si, start);
            if (end >= 0) {
                count++;
                append(rt, out, matcher, si, end, replacement, s);
            }
            if (end >= 0 && end > si) {
                si = end;
            } else if (si < s.length()) {
                out.append(s.charAt(si++));
            } else {
                break;
            }
            if (anchor) {
                break;
            }
        }
        out.append(s, Math.min(si, s.length()), s.length());
        return new Object[] {out.toString(), (double) count};
    }

    private static void append(
            LuaRuntime rt, StringBuilder out, LuaPattern matcher, int si, int end, Object replacement, String s) {
        Object value;
        if (replacement instanceof LuaTable table) {
            value = LuaOps.index(rt, table, matcher.capture(0, si, end), null);
        } else if (replacement instanceof LuaFunction function) {
            value = LuaOps.first(function.call(matcher.captures(si, end)));
        } else {
            String text = LuaValues.toStringCoerced(replacement);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != '%' || i + 1 >= text.length()) {
                    out.append(c);
                    continue;
                }
                char next = text.charAt(++i);
                if (next == '0') {
                    out.append(s, si, end);
                } else if (Character.isDigit(next)) {
                    out.append(LuaValues.toStringCoerced(matcher.capture(next - '1', si, end)));
                } else {
                    out.append(next);
                }
            }
            return;
        }
        if (!LuaValues.isTrue(value)) {
            out.append(s, si, end);
        } else if (value instanceof String || value instanceof Double) {
            out.append(LuaValues.toStringCoerced(value));
        } else {
            throw rt.error("invalid replacement value (a " + LuaValues.typeName(value) + ")");
        }
    }
}
