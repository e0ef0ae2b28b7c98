package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.protocol.Reply;

/**
 * COPY, MOVE and SWAPDB: the commands that name a database. A simulated node has database 0 only, so outside cluster
 * mode any other index is {@code ERR DB index is out of range} (where Redis, with 16 databases, would accept 1..15).
 * In cluster mode they answer as Redis 7.0 does: MOVE and SWAPDB are refused outright, and COPY accepts the indexes
 * Redis's 16 databases have but refuses any other than 0 with {@code ERR Copying to another database is not allowed
 * in cluster mode}. Handlers run on the node's event loop.
 */
final class DatabaseCommands {
    /** The databases a Redis 7.0 node has by default ({@code databases 16}), also in cluster mode. */
    private static final int REDIS_DATABASES = 16;

    private static final String OUT_OF_RANGE = "ERR DB index is out of range";

    private DatabaseCommands() {}

    static void register(CommandRegistry registry) {
        registry.register("copy", DatabaseCommands::copy);
        registry.register("move", DatabaseCommands::move);
        registry.register("swapdb", DatabaseCommands::swapdb);
    }

    private static Reply copy(CommandContext ctx) {
        boolean cluster = ctx.node().config().clusterEnabled();
        boolean replace = false;
        int db = 0;
        for (int i = 3; i < ctx.argc(); i++) {
            if (ctx.argIs(i, "REPLACE")) {
                replace = true;
            } else if (ctx.argIs(i, "DB") && i + 1 < ctx.argc()) {
                db = CommandArgs.intArg(ctx, ++i, "ERR value is not an integer or out of range");
                if (db < 0 || db >= (cluster ? REDIS_DATABASES : 1)) {
                    throw new CommandException(OUT_OF_RANGE);
                }
            } else {
                throw CommandException.syntaxError();
            }
        }
        if (cluster && db != 0) {
            throw new CommandException("ERR Copying to another database is not allowed in cluster mode");
        }
        Key source = CommandArgs.key(ctx, 1);
        Key target = CommandArgs.key(ctx, 2);
        if (source.equals(target)) {
            throw new CommandException("ERR source and destination objects are the same");
        }
        return Reply.integer(DataContext.keyspace(ctx).copy(source, target, replace) ? 1 : 0);
    }

    private static Reply move(CommandContext ctx) {
        if (ctx.node().config().clusterEnabled()) {
            throw new CommandException("ERR MOVE is not allowed in cluster mode");
        }
        int db = CommandArgs.intArg(ctx, 2, "ERR value is not an integer or out of range");
        if (db != 0) {
            throw new CommandException(OUT_OF_RANGE);
        }
        throw new CommandException("ERR source and destination objects are the same");
    }

    private static Reply swapdb(CommandContext ctx) {
        if (ctx.node().config().clusterEnabled()) {
            throw new CommandException("ERR SWAPDB is not allowed in cluster mode");
        }
        int first = CommandArgs.intArg(ctx, 1, "ERR invalid first DB index");
        int second = CommandArgs.intArg(ctx, 2, "ERR invalid second DB index");
        if (first != 0 || second != 0) {
            throw new CommandException(OUT_OF_RANGE);
        }
        return Reply.ok();
    }
}
