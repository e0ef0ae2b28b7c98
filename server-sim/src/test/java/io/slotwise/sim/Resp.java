package io.slotwise.sim;

import java.nio.charset.StandardCharsets;

/** Builds expected RESP wire text for assertions. Stateless. */
public final class Resp {
    private Resp() {}

    /** {@code +text}. */
    public static String simple(String text) {
        return "+" + text + "\r\n";
    }

    /** {@code -message}. */
    public static String error(String message) {
        return "-" + message + "\r\n";
    }

    /** {@code :value}. */
    public static String integer(long value) {
        return ":" + value + "\r\n";
    }

    /** A bulk string of the UTF-8 bytes of the text. */
    public static String bulk(String text) {
        return "$" + text.getBytes(StandardCharsets.UTF_8).length + "\r\n" + text + "\r\n";
    }

    /** An array of already encoded elements. */
    public static String array(String... encoded) {
        return "*" + encoded.length + "\r\n" + String.join("", encoded);
    }

    /** A RESP3 map of already encoded keys and values, alternating. */
    public static String map(String... encodedKeysAndValues) {
        return "%" + encodedKeysAndValues.length / 2 + "\r\n" + String.join("", encodedKeysAndValues);
    }

    /** A RESP3 verbatim string with the txt format. */
    public static String verbatim(String text) {
        return "=" + (text.getBytes(StandardCharsets.UTF_8).length + 4) + "\r\ntxt:" + text + "\r\n";
    }

    /** Strips the framing of a bulk or verbatim reply, returning its text (without the {@code txt:} prefix). */
    public static String textOf(String reply) {
        String body = reply.substring(reply.indexOf("\r\n") + 2, reply.length() - 2);
        return reply.startsWith("=") ? body.substring(4) : body;
    }
}
