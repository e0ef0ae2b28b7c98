package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.RedisNumbers;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Reads the arguments of collection commands with Redis's parsing rules and error texts. Stateless. */
final class CollectionArguments {
    private static final String NOT_AN_INTEGER = "ERR value is not an integer or out of range";

    private CollectionArguments() {}

    /** Returns argument {@code index} as a key. */
    static Key key(CommandContext ctx, int index) {
        return Key.of(ctx.arg(index));
    }

    /** Returns argument {@code index} as a member, field or element. */
    static Bytes bytes(CommandContext ctx, int index) {
        return Bytes.of(ctx.arg(index));
    }

    /** Returns the arguments from {@code from} to the last one as members. */
    static List<Bytes> bytesFrom(CommandContext ctx, int from) {
        List<Bytes> members = new ArrayList<>(Math.max(0, ctx.argc() - from));
        for (int i = from; i < ctx.argc(); i++) {
            members.add(bytes(ctx, i));
        }
        return members;
    }

    /** Returns the arguments from {@code from} to {@code to} (exclusive) as keys. */
    static List<Key> keys(CommandContext ctx, int from, int to) {
        List<Key> keys = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            keys.add(key(ctx, i));
        }
        return keys;
    }

    /**
     * Parses an integer within bounds as Redis's {@code getRangeLongFromObjectOrReply} does.
     *
     * @param message the error for a malformed or out-of-range value (without {@code ERR}); null for Redis's defaults,
     *     {@code value is not an integer or out of range} and {@code value is out of range, value must between min and
     *     max}
     * @throws CommandException with the error
     */
    static long rangeLong(CommandContext ctx, int index, long min, long max, String message) {
        OptionalLong parsed = RedisNumbers.parseLong(ctx.arg(index));
        if (parsed.isEmpty()) {
            throw new CommandException(message == null ? NOT_AN_INTEGER : "ERR " + message);
        }
        long value = parsed.getAsLong();
        if (value < min || value > max) {
            throw new CommandException(
                    message == null
                            ? "ERR value is out of range, value must between " + min + " and " + max
                            : "ERR " + message);
        }
        return value;
    }

    /**
     * Parses a non-negative integer as Redis's {@code getPositiveLongFromObjectOrReply} does: both a malformed and a
     * negative value get {@code message}, or {@code value is out of range, must be positive} when it is null.
     */
    static long positiveLong(CommandContext ctx, int index, String message) {
        return rangeLong(
                ctx, index, 0, Long.MAX_VALUE, message == null ? "value is out of range, must be positive" : message);
    }
}
