package io.slotwise.sim.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces passwords in a command's arguments with {@code (redacted)} before MONITOR or SLOWLOG shows them, as Redis
 * does: every argument of AUTH, the user and password of HELLO's AUTH option, and the password (and user) of MIGRATE's
 * AUTH and AUTH2 options.
 */
final class ArgumentRedaction {
    static final byte[] REDACTED = "(redacted)".getBytes(StandardCharsets.US_ASCII);

    private ArgumentRedaction() {}

    /**
     * Returns the arguments as MONITOR and SLOWLOG show them.
     *
     * @param invocation the command
     * @return the arguments with secrets replaced; the list and unchanged arguments are shared, not copied
     */
    static List<byte[]> redacted(Invocation invocation) {
        List<byte[]> args = new ArrayList<>(invocation.request().args());
        switch (invocation.spec().name()) {
            case "auth" -> {
                for (int i = 1; i < args.size(); i++) {
                    args.set(i, REDACTED);
                }
            }
            case "hello" -> redactAfter(args, "auth", 2);
            case "migrate" -> {
                redactAfter(args, "auth", 1);
                redactAfter(args, "auth2", 2);
            }
            default -> {}
        }
        return args;
    }

    private static void redactAfter(List<byte[]> args, String keyword, int count) {
        for (int i = 1; i < args.size(); i++) {
            if (new String(args.get(i), StandardCharsets.ISO_8859_1).equalsIgnoreCase(keyword)) {
                for (int j = i + 1; j <= i + count && j < args.size(); j++) {
                    args.set(j, REDACTED);
                }
                i += count;
            }
        }
    }
}
