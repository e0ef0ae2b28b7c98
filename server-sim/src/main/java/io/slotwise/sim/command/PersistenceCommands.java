package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;

/**
 * SAVE, BGSAVE, LASTSAVE and BGREWRITEAOF for a node that persists nothing: a save succeeds at once without writing a
 * file and records its time for LASTSAVE (initially the node's start); BGSAVE [SCHEDULE] answers {@code Background
 * saving started} (a save is never in progress, so Redis's "already in progress" answers never occur); BGREWRITEAOF
 * answers {@code Background append only file rewriting started}.
 */
final class PersistenceCommands {
    private PersistenceCommands() {}

    /**
     * Registers the family.
     *
     * @param registry the node's registry
     */
    static void register(CommandRegistry registry) {
        registry.register("save", ctx -> {
            saved(ctx);
            return Reply.ok();
        });
        registry.register("bgsave", ctx -> {
            if (ctx.argc() > 2 || (ctx.argc() == 2 && !ctx.argIs(1, "SCHEDULE"))) {
                throw CommandException.syntaxError();
            }
            saved(ctx);
            return Reply.simple("Background saving started");
        });
        registry.register("lastsave", ctx -> Reply.integer(ctx.activity().lastSaveSeconds));
        registry.register("bgrewriteaof", ctx -> Reply.simple("Background append only file rewriting started"));
    }

    private static void saved(CommandContext ctx) {
        ctx.activity().lastSaveSeconds = System.currentTimeMillis() / 1000;
    }
}
