package io.slotwise.resp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The plainest {@link RespCommandArgs}: a list of argument bytes, with no reply decoding attached. For tests, tools
 * and ad-hoc commands.
 *
 * <p>Ownership: the list is copied, the arrays are not; callers must not modify them afterwards. {@code equals} and
 * {@code hashCode} compare argument content. {@code toString} shows only the command name and argument count, never
 * argument values (they may be passwords, as for {@code AUTH}).
 *
 * @param args the arguments, command name first; at least one, none {@code null}
 */
public record RawCommand(List<byte[]> args) implements RespCommandArgs {

    /**
     * Copies the list and checks it.
     *
     * @throws IllegalArgumentException if {@code args} is empty
     * @throws NullPointerException if {@code args} or one of its elements is {@code null}
     */
    public RawCommand {
        args = List.copyOf(args);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("A command needs at least one argument, its name");
        }
    }

    /**
     * Creates a command from text arguments, each encoded as UTF-8.
     *
     * @param args the arguments, command name first; at least one, none {@code null}
     * @return the command
     */
    public static RawCommand of(String... args) {
        return new RawCommand(Arrays.stream(args)
                .map(arg -> arg.getBytes(StandardCharsets.UTF_8))
                .toList());
    }

    /**
     * Creates a command from binary arguments, without copying them.
     *
     * @param args the arguments, command name first; at least one, none {@code null}
     * @return the command
     */
    public static RawCommand ofBytes(byte[]... args) {
        return new RawCommand(Arrays.asList(args));
    }

    @Override
    public int argCount() {
        return args.size();
    }

    @Override
    public byte[] arg(int index) {
        return args.get(index);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RawCommand that) || that.args.size() != args.size()) {
            return false;
        }
        for (int i = 0; i < args.size(); i++) {
            if (!Arrays.equals(args.get(i), that.args.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (byte[] arg : args) {
            hash = 31 * hash + Arrays.hashCode(arg);
        }
        return hash;
    }

    @Override
    public String toString() {
        return "RawCommand[name=" + new String(args.get(0), StandardCharsets.UTF_8) + ", argCount=" + args.size() + "]";
    }
}
