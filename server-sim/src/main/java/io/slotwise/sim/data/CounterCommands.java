package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.command.RedisNumbers;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StringValue;
import io.slotwise.sim.protocol.Reply;

/**
 * INCR, INCRBY, DECR, DECRBY and INCRBYFLOAT with Redis 7.0's replies and errors. A missing key counts as 0; the
 * stored value must be a 64-bit integer in Redis's strict syntax ({@code ERR value is not an integer or out of range})
 * or, for INCRBYFLOAT, a float as {@code strtold} reads it ({@code ERR value is not a valid float}). INCRBYFLOAT
 * computes in x87 extended precision and answers (and stores) Redis's human-friendly text, see {@link LongDouble}.
 * The TTL is kept. Handlers run on the node's event loop.
 */
final class CounterCommands {
    private CounterCommands() {}

    static void register(CommandRegistry registry) {
        registry.register("incr", TypeChecked.handler(ctx -> add(ctx, 1)));
        registry.register("decr", TypeChecked.handler(ctx -> add(ctx, -1)));
        registry.register("incrby", TypeChecked.handler(ctx -> add(ctx, ctx.longArg(2))));
        registry.register("decrby", TypeChecked.handler(ctx -> {
            long decrement = ctx.longArg(2);
            if (decrement == Long.MIN_VALUE) {
                throw new CommandException("ERR decrement would overflow");
            }
            return add(ctx, -decrement);
        }));
        registry.register("incrbyfloat", TypeChecked.handler(CounterCommands::incrbyfloat));
    }

    private static Reply add(CommandContext ctx, long increment) {
        Keyspace keyspace = DataContext.keyspace(ctx);
        Key key = CommandArgs.key(ctx, 1);
        StringValue current = keyspace.getString(key);
        long value = current == null
                ? 0
                : RedisNumbers.parseLong(current.toByteArray()).orElseThrow(CommandException::notAnInteger);
        if ((increment < 0 && value < 0 && increment < Long.MIN_VALUE - value)
                || (increment > 0 && value > 0 && increment > Long.MAX_VALUE - value)) {
            throw new CommandException("ERR increment or decrement would overflow");
        }
        long result = value + increment;
        keyspace.setKeepTtl(key, StringValue.of(Long.toString(result)));
        return Reply.integer(result);
    }

    private static Reply incrbyfloat(CommandContext ctx) {
        Keyspace keyspace = DataContext.keyspace(ctx);
        Key key = CommandArgs.key(ctx, 1);
        StringValue current = keyspace.getString(key);
        LongDouble value = current == null ? LongDouble.ZERO : parseFloat(current.toByteArray());
        LongDouble sum = value.plus(parseFloat(ctx.arg(2)));
        if (sum.isInfinite()) {
            throw new CommandException("ERR increment would produce NaN or Infinity");
        }
        String text = sum.toHumanString();
        keyspace.setKeepTtl(key, StringValue.of(text));
        return Reply.bulk(text);
    }

    private static LongDouble parseFloat(byte[] text) {
        return LongDouble.parse(text).orElseThrow(() -> new CommandException("ERR value is not a valid float"));
    }
}
