package io.slotwise.sim.script.lua;

import java.nio.charset.StandardCharsets;

/** The parser behind {@code cjson.decode}: JSON text to Lua values, with lua-cjson's error messages. */
final class JsonReader {
    private final LuaRuntime rt;
    private final String s;
    private final Object nullValue;
    private int pos;
    private int depth;

    JsonReader(LuaRuntime rt, String s, Object nullValue) {
        this.rt = rt;
        this.s = s;
        this.nullValue = nullValue;
    }

    Object document() {
        Object value = value();
        skipBlanks();
        if (pos < s.length()) {
            throw unexpected("the end");
        }
        return value;
    }

    private LuaError unexpected(String expected) {
        String found = pos >= s.length() ? "T_END" : "invalid token";
        return rt.error("Expected " + expected + " but found " + found + " at character " + (pos + 1));
    }

    private void skipBlanks() {
        while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private Object value() {
        skipBlanks();
        if (pos >= s.length()) {
            throw unexpected("value");
        }
        char c = s.charAt(pos);
        if (c == '{' || c == '[') {
            if (++depth > 1000) {
                throw rt.error("Found too many nested data structures (1001) at character " + (pos + 1));
            }
            Object result = c == '{' ? object() : array();
            depth--;
            return result;
        }
        if (c == '"') {
            return string();
        }
        if (s.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        if (s.startsWith("null", pos)) {
            pos += 4;
            return nullValue;
        }
        int start = pos;
        while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        Double number = start == pos ? null : LuaValues.parseNumber(s.substring(start, pos));
        if (number == null) {
            pos = start;
            throw unexpected("value");
        }
        return number;
    }

    private LuaTable object() {
        LuaTable table = new LuaTable();
        pos++;
        skipBlanks();
        if (pos < s.length() && s.charAt(pos) == '}') {
            pos++;
            return table;
        }
        while (true) {
            skipBlanks();
            if (pos >= s.length() || s.charAt(pos) != '"') {
                throw unexpected("object key string");
            }
            String key = string();
            skipBlanks();
            if (pos >= s.length() || s.charAt(pos) != ':') {
                throw unexpected("colon");
            }
            pos++;
            table.put(key, value());
            skipBlanks();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
            } else if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return table;
            } else {
                throw unexpected("comma or object end");
            }
        }
    }

    private LuaTable array() {
        LuaTable table = new LuaTable();
        pos++;
        skipBlanks();
        if (pos < s.length() && s.charAt(pos) == ']') {
            pos++;
            return table;
        }
        for (int i = 1; ; i++) {
            table.put((double) i, value());
            skipBlanks();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
            } else if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return table;
            } else {
                throw unexpected("comma or array end");
            }
        }
    }

    private String string() {
        int start = pos;
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                pos = start;
                throw unexpected("value");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = pos < s.length() ? s.charAt(pos++) : '\0';
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case '"', '\\', '/' -> out.append(e);
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        throw unexpected("value");
                    }
                    int code = Integer.parseInt(s.substring(pos, pos + 4), 16);
                    pos += 4;
                    byte[] utf8 = new String(Character.toChars(code)).getBytes(StandardCharsets.UTF_8);
                    out.append(new String(utf8, StandardCharsets.ISO_8859_1));
                }
                default -> {
                    pos = start;
                    throw unexpected("value");
                }
            }
        }
    }
}
