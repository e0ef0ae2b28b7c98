package io.slotwise.it.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Encodes commands as RESP arrays of bulk strings, and shows them to people. */
final class CommandEncoding {

    private CommandEncoding() {}

    /**
     * Encodes one command.
     *
     * @param args the name and arguments: {@code byte[]} as is, anything else as its {@code toString()} in UTF-8
     * @return {@code *n\r\n} followed by one {@code $len\r\n...\r\n} per argument
     */
    static byte[] encode(List<?> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("*" + args.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (Object arg : args) {
            byte[] bytes = bytes(arg);
            out.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        return out.toByteArray();
    }

    /** Returns the bytes an argument is sent as. */
    static byte[] bytes(Object arg) {
        return arg instanceof byte[] raw ? raw : String.valueOf(arg).getBytes(StandardCharsets.UTF_8);
    }

    /** Shows a command as words, quoting any argument that is empty or not plain printable ASCII without spaces. */
    static String describe(List<?> args) {
        StringBuilder out = new StringBuilder();
        for (Object arg : args) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            byte[] bytes = bytes(arg);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            if (!text.isEmpty() && text.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != '"')) {
                out.append(text);
            } else {
                WireReply.appendQuoted(out, bytes);
            }
        }
        return out.toString();
    }
}
