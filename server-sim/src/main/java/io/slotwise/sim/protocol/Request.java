package io.slotwise.sim.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One command as a client sent it: the argument vector of a RESP multibulk array or of an inline line, the command name
 * first. A request always has at least one argument.
 *
 * <p>Arguments are exposed as the decoder's own arrays, without copying, because values can be large: callers must not
 * modify them. Instances are otherwise immutable and safe to hand between threads. {@link #toString()} shows only the
 * command name and the argument count, never argument values, so that passwords (AUTH, HELLO ... AUTH) stay out of logs.
 */
public final class Request {
    private final byte[][] args;

    private Request(byte[][] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("a request needs at least a command name");
        }
        for (byte[] arg : args) {
            Objects.requireNonNull(arg, "argument");
        }
        this.args = args;
    }

    /**
     * Creates a request from its arguments, taking ownership of the list's arrays (they are not copied).
     *
     * @param args the command name followed by its arguments; not empty, no null element
     * @return the request
     * @throws IllegalArgumentException if {@code args} is empty
     */
    public static Request of(List<byte[]> args) {
        return new Request(args.toArray(new byte[0][]));
    }

    /**
     * Creates a request from strings encoded as UTF-8; a convenience for tests and tools.
     *
     * @param args the command name followed by its arguments; not empty, no null element
     * @return the request
     */
    public static Request ofStrings(String... args) {
        byte[][] encoded = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            encoded[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return new Request(encoded);
    }

    /** Returns the number of arguments including the command name (Redis's {@code argc}); at least 1. */
    public int argc() {
        return args.length;
    }

    /**
     * Returns one argument without copying it.
     *
     * @param index 0 for the command name, 1 for the first argument, and so on
     * @return the argument's bytes; never null, must not be modified
     * @throws IndexOutOfBoundsException if {@code index} is not below {@link #argc()}
     */
    public byte[] arg(int index) {
        return args[index];
    }

    /**
     * Returns one argument decoded as UTF-8 (malformed bytes become U+FFFD).
     *
     * @param index the argument's position, 0 for the command name
     * @return the decoded argument; never null
     */
    public String argString(int index) {
        return new String(args[index], StandardCharsets.UTF_8);
    }

    /** Returns the arguments as an unmodifiable list whose elements are the request's own arrays (not copies). */
    public List<byte[]> args() {
        return Collections.unmodifiableList(Arrays.asList(args));
    }

    /**
     * Returns the command name with ASCII letters in lower case, as Redis looks commands up (case-insensitively, byte by
     * byte); every other byte becomes the char of the same value (ISO-8859-1), so the mapping never fails.
     */
    public String commandName() {
        byte[] name = args[0];
        char[] chars = new char[name.length];
        for (int i = 0; i < name.length; i++) {
            int b = name[i] & 0xFF;
            chars[i] = (char) (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
        }
        return new String(chars);
    }

    /** Two requests are equal when they have the same arguments byte for byte. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Request request && Arrays.deepEquals(args, request.args);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(args);
    }

    /** Returns the command name and the argument count only, never argument values. */
    @Override
    public String toString() {
        return "Request[" + commandName() + ", argc=" + args.length + "]";
    }
}
