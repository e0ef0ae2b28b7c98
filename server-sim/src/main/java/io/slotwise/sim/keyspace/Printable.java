package io.slotwise.sim.keyspace;

/** Renders binary strings for diagnostics: printable ASCII as is, everything else as {@code \xHH}. */
final class Printable {
    private static final int MAX_SHOWN = 128;

    private Printable() {}

    static String of(byte[] bytes) {
        StringBuilder out = new StringBuilder(Math.min(bytes.length, MAX_SHOWN) + 8);
        int shown = Math.min(bytes.length, MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\\' || b == '"') {
                out.append('\\').append((char) b);
            } else if (b >= 0x20 && b < 0x7F) {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        if (bytes.length > shown) {
            out.append("...(").append(bytes.length).append(" bytes)");
        }
        return out.toString();
    }
}
