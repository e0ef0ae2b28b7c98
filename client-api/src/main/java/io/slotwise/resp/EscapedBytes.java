package io.slotwise.resp;

/** Renders bytes as a short, printable, quoted ASCII string for {@code toString} and error messages. */
final class EscapedBytes {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private EscapedBytes() {}

    /**
     * Quotes up to {@code limit} bytes, escaping quote, backslash, CR, LF, tab and every byte outside printable ASCII
     * as {@code \xNN}; appends the total length when truncated.
     */
    static String describe(byte[] bytes, int limit) {
        int shown = Math.min(bytes.length, limit);
        StringBuilder out = new StringBuilder(shown + 16).append('"');
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xff;
            switch (b) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        out.append((char) b);
                    } else {
                        out.append("\\x").append(HEX[b >>> 4]).append(HEX[b & 0xf]);
                    }
                }
            }
        }
        out.append('"');
        if (shown < bytes.length) {
            out.append("... (").append(bytes.length).append(" bytes)");
        }
        return out.toString();
    }
}
