package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;

/**
 * The options of SET and GETEX, parsed as Redis 7.0's {@code parseExtendedStringArgumentsOrReply}: {@code NX}, {@code
 * XX}, {@code GET} and {@code KEEPTTL} for SET only, {@code PERSIST} for GETEX only, and one of {@code EX}, {@code PX},
 * {@code EXAT}, {@code PXAT} with a time. Repeating an option is allowed (the last time wins); a conflicting or unknown
 * option, or a time option without its value, is {@code ERR syntax error}. The time itself is checked later, by {@link
 * #expireAtMillis}, because Redis checks it after parsing and before touching the key. Used on the event loop only.
 */
final class StringOptions {
    /** What the options say about the key's time to live. */
    enum Expiry {
        /** No time option: SET removes the TTL, GETEX leaves it. */
        NONE,
        /** EX seconds from now. */
        EX,
        /** PX milliseconds from now. */
        PX,
        /** EXAT unix time in seconds. */
        EXAT,
        /** PXAT unix time in milliseconds. */
        PXAT,
        /** KEEPTTL: SET keeps the existing TTL. */
        KEEPTTL,
        /** PERSIST: GETEX removes the TTL. */
        PERSIST
    }

    boolean nx;
    boolean xx;
    boolean get;
    Expiry expiry = Expiry.NONE;
    private int timeIndex = -1;

    private StringOptions() {}

    /**
     * Parses the options from argument {@code first} to the end.
     *
     * @param forSet true for SET (NX, XX, GET, KEEPTTL allowed), false for GETEX (PERSIST allowed)
     * @throws CommandException {@code ERR syntax error}
     */
    static StringOptions parse(CommandContext ctx, int first, boolean forSet) {
        StringOptions options = new StringOptions();
        for (int i = first; i < ctx.argc(); i++) {
            boolean hasNext = i + 1 < ctx.argc();
            if (forSet && ctx.argIs(i, "NX") && !options.xx) {
                options.nx = true;
            } else if (forSet && ctx.argIs(i, "XX") && !options.nx) {
                options.xx = true;
            } else if (forSet && ctx.argIs(i, "GET")) {
                options.get = true;
            } else if (forSet && ctx.argIs(i, "KEEPTTL") && options.allows(Expiry.KEEPTTL)) {
                options.expiry = Expiry.KEEPTTL;
            } else if (!forSet && ctx.argIs(i, "PERSIST") && options.allows(Expiry.PERSIST)) {
                options.expiry = Expiry.PERSIST;
            } else if (hasNext && timeOption(ctx, i) != null && options.allows(timeOption(ctx, i))) {
                options.expiry = timeOption(ctx, i);
                options.timeIndex = ++i;
            } else {
                throw CommandException.syntaxError();
            }
        }
        return options;
    }

    /** Whether a time option (EX, PX, EXAT or PXAT) was given. */
    boolean hasTime() {
        return timeIndex >= 0;
    }

    /**
     * Validates the time option and converts it to an absolute unix time in milliseconds, as Redis's {@code
     * getExpireMillisecondsOrReply}: it must be a positive integer whose conversion does not overflow.
     *
     * @param nowMillis the keyspace clock, added for EX and PX
     * @throws CommandException {@code ERR value is not an integer or out of range}, or {@code ERR invalid expire time in
     *     '<command>' command}
     */
    long expireAtMillis(CommandContext ctx, long nowMillis) {
        return expireAtMillis(ctx, timeIndex, expiry == Expiry.EX || expiry == Expiry.EXAT, relative(), nowMillis);
    }

    /**
     * Converts the time at {@code index} as SET, SETEX, PSETEX and GETEX do.
     *
     * @param seconds whether the value is in seconds rather than milliseconds
     * @param relative whether the value counts from now
     */
    static long expireAtMillis(CommandContext ctx, int index, boolean seconds, boolean relative, long nowMillis) {
        long millis = ctx.longArg(index);
        if (millis <= 0 || (seconds && millis > Long.MAX_VALUE / 1000)) {
            throw invalidExpireTime(ctx);
        }
        if (seconds) {
            millis *= 1000;
        }
        if (relative) {
            millis += nowMillis; // wraps to a negative number on overflow, as in C
        }
        if (millis <= 0) {
            throw invalidExpireTime(ctx);
        }
        return millis;
    }

    /** Returns {@code ERR invalid expire time in '<command>' command} for the running command. */
    static CommandException invalidExpireTime(CommandContext ctx) {
        return new CommandException("ERR invalid expire time in '" + ctx.spec().name() + "' command");
    }

    private boolean relative() {
        return expiry == Expiry.EX || expiry == Expiry.PX;
    }

    /** Whether {@code next} is compatible with the expiry chosen so far: none yet, or the same option again. */
    private boolean allows(Expiry next) {
        return expiry == Expiry.NONE || expiry == next;
    }

    private static Expiry timeOption(CommandContext ctx, int index) {
        if (ctx.argIs(index, "EX")) {
            return Expiry.EX;
        } else if (ctx.argIs(index, "PX")) {
            return Expiry.PX;
        } else if (ctx.argIs(index, "EXAT")) {
            return Expiry.EXAT;
        } else if (ctx.argIs(index, "PXAT")) {
            return Expiry.PXAT;
        }
        return null;
    }
}
