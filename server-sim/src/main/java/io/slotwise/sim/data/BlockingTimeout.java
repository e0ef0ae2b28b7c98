package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;

/**
 * The timeout argument of BLPOP, BRPOP and BLMOVE, read as Redis 7.0 reads it: seconds as a long double, multiplied by
 * 1000 and rounded up to whole milliseconds ({@code ceill}), so only {@code 0} means for ever and {@code 0.0001}
 * waits a millisecond. As on x86-64, an infinite or huge timeout converts to a negative number. Stateless.
 */
final class BlockingTimeout {
    private BlockingTimeout() {}

    /**
     * Parses the timeout.
     *
     * @param ctx the invocation
     * @param index the argument's position
     * @param nowMillis the current time, to check that the deadline is representable
     * @return the timeout in milliseconds, 0 for ever
     * @throws CommandException {@code ERR timeout is not a float or out of range}, {@code ERR timeout is negative} or
     *     {@code ERR timeout is out of range}
     */
    static long parseMillis(CommandContext ctx, int index, long nowMillis) {
        LongDouble seconds = LongDouble.parse(ctx.arg(index))
                .orElseThrow(() -> new CommandException("ERR timeout is not a float or out of range"));
        long millis = seconds.times(1000).ceilToLong();
        if (millis < 0) {
            throw new CommandException("ERR timeout is negative");
        }
        if (millis > Long.MAX_VALUE - nowMillis) {
            throw new CommandException("ERR timeout is out of range");
        }
        return millis;
    }
}
