package io.slotwise.sim.script.lua;

/**
 * {@code string.format}: C's conversions {@code %d %i %u %c %o %x %X %e %E %f %g %G %s %q %%} with the flags {@code -+
 * #0}, a width and a precision of at most two digits each, as Lua 5.1 hands them to {@code sprintf}.
 */
final class StringFormat {
    private StringFormat() {}

    static String format(LuaRuntime rt, Args a) {
        String f = a.string(0);
        StringBuilder out = new StringBuilder();
        int arg = 0;
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i < f.length() && f.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int specStart = i;
            while (i < f.length() && "-+ #0".indexOf(f.charAt(i)) >= 0) {
                i++;
            }
            if (i - specStart > 5) {
                throw rt.error("invalid format (repeated flags)");
            }
            String flags = f.substring(specStart, i);
            int widthStart = i;
            while (i < f.length() && Character.isDigit(f.charAt(i))) {
                i++;
            }
            int width = i > widthStart ? Integer.parseInt(f.substring(widthStart, i)) : 0;
            int precision = -1;
            if (i < f.length() && f.charAt(i) == '.') {
                int precisionStart = ++i;
                while (i < f.length() && Character.isDigit(f.charAt(i))) {
                    i++;
                }
                precision = i > precisionStart ? Integer.parseInt(f.substring(precisionStart, i)) : 0;
                if (i - precisionStart > 2) {
                    throw rt.error("invalid format (width or precision too long)");
                }
            }
            if (i - widthStart - (precision >= 0 ? 1 : 0) > 4 || i > widthStart && width > 99) {
                throw rt.error("invalid format (width or precision too long)");
            }
            if (i >= f.length()) {
                throw rt.error("invalid option '%' to 'format'");
            }
            char conversion = f.charAt(i++);
            arg++;
            out.append(convert(rt, a, arg, conversion, flags, width, precision));
        }
        return out.toString();
    }

    private static String convert(
            LuaRuntime rt, Args a, int arg, char conversion, String flags, int width, int precision) {
        switch (conversion) {
            case 'd', 'i' -> {
                long v = (long) a.number(arg);
                String digits = Long.toString(Math.abs(v));
                if (v == Long.MIN_VALUE) {
                    digits = digits.substring(1);
                }
                if (precision >= 0) {
                    digits = "0".repeat(Math.max(0, precision - digits.length())) + digits;
                }
                String sign = v < 0 ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
                return pad(sign, digits, flags, width, precision < 0);
            }
            case 'u' -> {
                return pad("", Long.toUnsignedString((long) a.number(arg)), flags, width, precision < 0);
            }
            case 'c' -> {
                return pad("", String.valueOf((char) (a.integer(arg) & 0xFF)), flags, width, false);
            }
            case 'o', 'x', 'X' -> {
                long v = (long) a.number(arg);
                String digits = conversion == 'o' ? Long.toOctalString(v) : Long.toHexString(v);
                if (conversion == 'X') {
                    digits = digits.toUpperCase(java.util.Locale.ROOT);
                }
                if (precision >= 0) {
                    digits = "0".repeat(Math.max(0, precision - digits.length())) + digits;
                }
                String prefix = "";
                if (flags.contains("#") && v != 0) {
                    prefix = conversion == 'o' ? "0" : conversion == 'x' ? "0x" : "0X";
                }
                return pad(prefix, digits, flags, width, precision < 0);
            }
            case 'e', 'E', 'f', 'g', 'G' -> {
                double v = a.number(arg);
                int p = precision < 0 ? 6 : precision;
                boolean upper = Character.isUpperCase(conversion);
                String special = CNumberFormat.nonFinite(Math.abs(v), upper);
                String body;
                if (special != null) {
                    body = Double.isNaN(v) ? CNumberFormat.nonFinite(v, upper) : special;
                    if (body.startsWith("-")) {
                        return pad("-", body.substring(1), flags.replace("0", ""), width, false);
                    }
                    String sign = flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
                    return pad(sign, body, flags.replace("0", ""), width, false);
                }
                body = switch (Character.toLowerCase(conversion)) {
                    case 'e' -> CNumberFormat.e(Math.abs(v), p);
                    case 'f' -> CNumberFormat.f(Math.abs(v), p);
                    default -> CNumberFormat.g(Math.abs(v), p, flags.contains("#"));
                };
                if (upper) {
                    body = body.toUpperCase(java.util.Locale.ROOT);
                }
                boolean negative = v < 0 || (v == 0 && 1 / v < 0);
                String sign = negative ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
                return pad(sign, body, flags, width, true);
            }
            case 's' -> {
                String s = LuaOps.toDisplay(a.any(arg));
                if (precision >= 0 && s.length() > precision) {
                    s = s.substring(0, precision);
                }
                return pad("", s, flags.replace("0", ""), width, false);
            }
            case 'q' -> {
                return quote(a.string(arg));
            }
            default -> throw rt.error("invalid option '%" + conversion + "' to 'format'");
        }
    }

    private static String pad(String sign, String body, String flags, int width, boolean zeroAllowed) {
        int fill = width - sign.length() - body.length();
        if (fill <= 0) {
            return sign + body;
        }
        if (flags.contains("-")) {
            return sign + body + " ".repeat(fill);
        }
        if (flags.contains("0") && zeroAllowed) {
            return sign + "0".repeat(fill) + body;
        }
        return " ".repeat(fill) + sign + body;
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\000");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
