package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.protocol.Reply;

/** FLUSHALL and FLUSHDB: with one database they are the same, and ASYNC/SYNC only change how Redis frees memory. */
final class FlushCommands {

    private FlushCommands() {}

    static void register(CommandRegistry registry) {
        registry.register("flushall", FlushCommands::flush);
        registry.register("flushdb", FlushCommands::flush);
    }

    private static Reply flush(CommandContext ctx) {
        if (ctx.argc() > 2 || (ctx.argc() == 2 && !ctx.argIs(1, "async") && !ctx.argIs(1, "sync"))) {
            throw new CommandException("ERR syntax error");
        }
        DataContext.keyspace(ctx).flush();
        return Reply.ok();
    }
}
