package io.slotwise.sim.script.lua;

import java.util.regex.Pattern;

/**
 * The value model's rules shared by the evaluator and the libraries: type names, truth, raw equality, Lua 5.1's
 * string-to-number and number-to-string coercions. Values are {@code null} (nil), {@link Boolean}, {@link Double},
 * {@link String} (bytes as ISO-8859-1 characters), {@link LuaTable}, {@link LuaFunction} and {@link LuaUserdata}.
 * Stateless.
 */
public final class LuaValues {
    private static final Pattern DECIMAL = Pattern.compile(
            "[ \\t\\n\\r\\f\\x0B]*[-+]?(([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?)[ \\t\\n\\r\\f\\x0B]*");
    private static final Pattern HEX =
            Pattern.compile("[ \\t\\n\\r\\f\\x0B]*([-+]?)0[xX]([0-9a-fA-F]+)[ \\t\\n\\r\\f\\x0B]*");
    private static final Pattern SPECIAL = Pattern.compile(
            "[ \\t\\n\\r\\f\\x0B]*([-+]?)(inf|infinity|nan)[ \\t\\n\\r\\f\\x0B]*", Pattern.CASE_INSENSITIVE);

    private LuaValues() {}

    /**
     * Returns Lua's name of a value's type, as {@code type()} answers.
     *
     * @param value any Lua value
     * @return {@code nil}, {@code boolean}, {@code number}, {@code string}, {@code table} or {@code function}
     */
    public static String typeName(Object value) {
        if (value == null) {
            return "nil";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof Double) {
            return "number";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof LuaTable) {
            return "table";
        } else if (value instanceof LuaUserdata) {
            return "userdata";
        }
        return "function";
    }

    /** Whether a value counts as true: everything but nil and false. */
    public static boolean isTrue(Object value) {
        return value != null && value != Boolean.FALSE && !(value instanceof Boolean b && !b);
    }

    /** Lua's raw equality: numbers by value, strings by content, everything else by identity. */
    public static boolean rawEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof String || a instanceof Boolean) {
            return a.equals(b);
        }
        return false;
    }

    /**
     * Converts a number to its Lua 5.1 string ({@code %.14g}).
     *
     * @param d the number
     * @return for example {@code 3}, {@code 0.1}, {@code 1e+15}, {@code inf}
     */
    public static String numberToString(double d) {
        String special = CNumberFormat.nonFinite(d, false);
        return special != null ? special : CNumberFormat.lua(d);
    }

    /**
     * Converts a string to a number as Lua 5.1 does ({@code strtod} with surrounding blanks, or hexadecimal).
     *
     * @param s the text
     * @return the number, or null if the whole text is not one
     */
    public static Double parseNumber(String s) {
        if (DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s.strip());
        }
        var hex = HEX.matcher(s);
        if (hex.matches()) {
            double v = new java.math.BigInteger(hex.group(2), 16).doubleValue();
            return hex.group(1).equals("-") ? -v : v;
        }
        var special = SPECIAL.matcher(s);
        if (special.matches()) {
            boolean negative = special.group(1).equals("-");
            if (special.group(2).toLowerCase(java.util.Locale.ROOT).startsWith("inf")) {
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return negative ? Double.NaN : -Double.NaN;
        }
        return null;
    }

    /** Coerces a value to a number as arithmetic does: numbers, and strings that convert; otherwise null. */
    public static Double toNumber(Object value) {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof String s) {
            return parseNumber(s);
        }
        return null;
    }

    /** Coerces a value to a string as concatenation does: strings, and numbers; otherwise null. */
    public static String toStringCoerced(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d) {
            return numberToString(d);
        }
        return null;
    }

    /** Returns {@code tostring()}'s text of a value without metamethods. */
    public static String display(Object value) {
        if (value == null) {
            return "nil";
        } else if (value instanceof Boolean b) {
            return b ? "true" : "false";
        } else if (value instanceof Double d) {
            return numberToString(d);
        } else if (value instanceof String s) {
            return s;
        }
        return typeName(value) + ": 0x" + String.format("%08x", System.identityHashCode(value));
    }

    /** Returns the value as a Java boxed number, for library arguments. */
    static Double number(double d) {
        return d;
    }
}
