package io.slotwise.sim.replication;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds commands as argument lists and encodes them as RESP multibulk arrays ({@code *N}, then {@code $len}, the bytes
 * and CRLF per argument), the only form the replication stream carries, so that every node encodes a command to the
 * same bytes. Stateless.
 */
final class RespCommands {
    private static final byte[] CRLF = {'\r', '\n'};

    private RespCommands() {}

    /**
     * Builds a command from its parts: {@code byte[]} parts are taken as they are, anything else as its decimal or
     * text form in UTF-8.
     *
     * @param parts the command name and its arguments
     * @return the arguments, name first
     */
    static List<byte[]> command(Object... parts) {
        List<byte[]> args = new ArrayList<>(parts.length);
        for (Object part : parts) {
            args.add(part instanceof byte[] bytes ? bytes : part.toString().getBytes(StandardCharsets.UTF_8));
        }
        return args;
    }

    /**
     * Encodes commands back to back.
     *
     * @param commands the commands, each a list of arguments, name first
     * @return the encoded bytes
     */
    static byte[] encode(List<List<byte[]>> commands) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (List<byte[]> command : commands) {
            header(out, '*', command.size());
            for (byte[] arg : command) {
                header(out, '$', arg.length);
                out.writeBytes(arg);
                out.writeBytes(CRLF);
            }
        }
        return out.toByteArray();
    }

    private static void header(ByteArrayOutputStream out, char type, int count) {
        out.write(type);
        out.writeBytes(Integer.toString(count).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(CRLF);
    }
}
