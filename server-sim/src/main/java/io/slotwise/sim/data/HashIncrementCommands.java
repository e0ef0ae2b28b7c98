package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.RedisNumbers;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.HashValue;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.protocol.Reply;
import java.util.OptionalLong;

/**
 * HINCRBY and HINCRBYFLOAT, with Redis 7.0's checks in its order: the increment, then the key's type, then the stored
 * value. HINCRBYFLOAT computes in x87 long double ({@link LongDouble}) and stores and answers the result in Redis's
 * human format ({@code 10.5 + 0.1} gives {@code 10.6}). A failed increment changes nothing, not even creating the key.
 */
final class HashIncrementCommands {
    private HashIncrementCommands() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("hincrby", HashIncrementCommands::hincrby);
        registrar.register("hincrbyfloat", HashIncrementCommands::hincrbyfloat);
    }

    private static Reply hincrby(CommandContext ctx) {
        long increment = ctx.longArg(3);
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        Bytes field = CollectionArguments.bytes(ctx, 2);
        Bytes current = currentValue(keyspace, key, field);
        long value = 0;
        if (current != null) {
            OptionalLong parsed = RedisNumbers.parseLong(current.toByteArray());
            if (parsed.isEmpty()) {
                throw new CommandException("ERR hash value is not an integer");
            }
            value = parsed.getAsLong();
        }
        if ((increment < 0 && value < 0 && increment < Long.MIN_VALUE - value)
                || (increment > 0 && value > 0 && increment > Long.MAX_VALUE - value)) {
            throw new CommandException("ERR increment or decrement would overflow");
        }
        long result = value + increment;
        store(keyspace, key, field, Bytes.of(Long.toString(result)));
        return Reply.integer(result);
    }

    private static Reply hincrbyfloat(CommandContext ctx) {
        LongDouble increment =
                LongDouble.parse(ctx.arg(3)).orElseThrow(() -> new CommandException("ERR value is not a valid float"));
        if (increment.isInfinite()) {
            throw new CommandException("ERR value is NaN or Infinity");
        }
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        Bytes field = CollectionArguments.bytes(ctx, 2);
        Bytes current = currentValue(keyspace, key, field);
        LongDouble value = LongDouble.ZERO;
        if (current != null) {
            value = LongDouble.parse(current.toByteArray())
                    .orElseThrow(() -> new CommandException("ERR hash value is not a float"));
        }
        LongDouble result = value.plus(increment);
        if (result.isInfinite()) {
            throw new CommandException("ERR increment would produce NaN or Infinity");
        }
        String text = result.toHumanString();
        store(keyspace, key, field, Bytes.of(text));
        return Reply.bulk(text);
    }

    private static Bytes currentValue(Keyspace keyspace, Key key, Bytes field) {
        HashValue hash = keyspace.getHash(key);
        return hash == null ? null : hash.get(field);
    }

    private static void store(Keyspace keyspace, Key key, Bytes field, Bytes value) {
        keyspace.getOrCreateHash(key).put(field, value);
        keyspace.markModified(key);
    }
}
