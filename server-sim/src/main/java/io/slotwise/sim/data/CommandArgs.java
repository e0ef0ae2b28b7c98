package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.RedisNumbers;
import io.slotwise.sim.keyspace.Key;

/** Argument conversions shared by the string and key command families, with Redis's error replies. Stateless. */
final class CommandArgs {
    /** The longest argument echoed in an error, as Redis's {@code %.128s}. */
    private static final int ECHO_LIMIT = 128;

    private CommandArgs() {}

    /** Returns the argument at {@code index} as a key. */
    static Key key(CommandContext ctx, int index) {
        return Key.of(ctx.arg(index));
    }

    /**
     * Parses an argument as a 32-bit integer, as Redis's {@code getIntFromObjectOrReply} does.
     *
     * @param error the whole error text for a malformed or out-of-range value, for example {@code ERR invalid first DB
     *     index}
     */
    static int intArg(CommandContext ctx, int index, String error) {
        long value = RedisNumbers.parseLong(ctx.arg(index)).orElseThrow(() -> new CommandException(error));
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new CommandException(error);
        }
        return (int) value;
    }

    /**
     * Returns an argument as it may appear inside an error line: decoded as UTF-8, CR and LF replaced by spaces (Redis
     * sanitises error replies the same way), and optionally cut to 128 characters.
     */
    static String echo(CommandContext ctx, int index, boolean truncate) {
        String text = ctx.argString(index).replace('\r', ' ').replace('\n', ' ');
        return truncate && text.length() > ECHO_LIMIT ? text.substring(0, ECHO_LIMIT) : text;
    }
}
