package io.slotwise.sim.clustermode;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code MIGRATE host port key|"" destination-db timeout [COPY] [REPLACE] [AUTH password] [AUTH2 username
 * password] [KEYS key ...]}, checked in Redis 7.0's order: the options (unknown ones, and AUTH or AUTH2 short of
 * arguments, are {@code ERR syntax error}; KEYS takes every remaining argument and needs an empty key argument), then
 * the timeout, then the database (integers, else {@code ERR value is not an integer or out of range}). A timeout of 0
 * or less means 1000 ms. {@link #toString()} never shows the password. Immutable; arrays are not copied.
 *
 * @param host the target host, as given
 * @param port the target port, as given (checked when connecting)
 * @param keys the keys to move, in order
 * @param db the target database
 * @param timeoutMillis the longest wait for each reply of the target
 * @param copy whether to keep the local keys
 * @param replace whether to replace existing keys on the target
 * @param authUser the AUTH2 user name, or {@code null}
 * @param authPassword the AUTH or AUTH2 password, or {@code null} for no authentication
 */
record MigrateRequest(
        String host,
        String port,
        List<byte[]> keys,
        long db,
        long timeoutMillis,
        boolean copy,
        boolean replace,
        byte[] authUser,
        byte[] authPassword) {

    /** The timeout Redis uses when the given one is not positive. */
    static final long DEFAULT_TIMEOUT_MILLIS = 1000;

    /**
     * Parses the invocation.
     *
     * @param ctx the MIGRATE invocation (at least six arguments)
     * @return the request
     * @throws CommandException with Redis's error for bad arguments
     */
    static MigrateRequest parse(CommandContext ctx) {
        boolean copy = false;
        boolean replace = false;
        byte[] user = null;
        byte[] password = null;
        int firstKey = 3;
        int keyCount = 1;
        for (int i = 6; i < ctx.argc(); i++) {
            int more = ctx.argc() - 1 - i;
            if (ctx.argIs(i, "copy")) {
                copy = true;
            } else if (ctx.argIs(i, "replace")) {
                replace = true;
            } else if (ctx.argIs(i, "auth") && more >= 1) {
                password = ctx.arg(++i);
            } else if (ctx.argIs(i, "auth2") && more >= 2) {
                user = ctx.arg(++i);
                password = ctx.arg(++i);
            } else if (ctx.argIs(i, "keys")) {
                if (ctx.arg(3).length != 0) {
                    throw new CommandException(
                            "ERR When using MIGRATE KEYS option, the key argument must be set to the empty string");
                }
                firstKey = i + 1;
                keyCount = ctx.argc() - firstKey;
                break;
            } else {
                throw CommandException.syntaxError();
            }
        }
        long timeout = ctx.longArg(5);
        long db = ctx.longArg(4);
        List<byte[]> keys = new ArrayList<>(keyCount);
        for (int i = firstKey; i < firstKey + keyCount; i++) {
            keys.add(ctx.arg(i));
        }
        return new MigrateRequest(
                ctx.argString(1),
                ctx.argString(2),
                keys,
                db,
                timeout <= 0 ? DEFAULT_TIMEOUT_MILLIS : timeout,
                copy,
                replace,
                user,
                password);
    }

    /** Shows the target and options; never the credentials. */
    @Override
    public String toString() {
        return "MigrateRequest[" + host + ":" + port + " db=" + db + " keys=" + keys.size() + " timeout="
                + timeoutMillis + (copy ? " COPY" : "") + (replace ? " REPLACE" : "")
                + (authPassword != null ? " AUTH (redacted)" : "") + "]";
    }
}
