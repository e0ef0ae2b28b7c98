package io.slotwise.sim.data;

import io.slotwise.sim.command.AsyncCommandHandler;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandHandler;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.WrongTypeException;

/**
 * Registers the handlers of the collection families (hashes, lists, sets, sorted sets). Each handler answers the
 * keyspace's {@link WrongTypeException} with Redis's {@code WRONGTYPE} error, and, outside a transaction, serves the
 * {@link BlockedClients} before it runs (so it sees what a push inside an earlier EXEC handed out) and after it ran (so
 * a push wakes waiters once the pushing command has finished).
 */
final class CollectionRegistrar {
    private final CommandRegistry registry;
    private final BlockedClients blocked;

    CollectionRegistrar(CommandRegistry registry, BlockedClients blocked) {
        this.registry = registry;
        this.blocked = blocked;
    }

    /** Registers a synchronous handler under a command name of the table. */
    void register(String name, CommandHandler handler) {
        registry.register(name, ctx -> {
            boolean settle = !ctx.inTransaction();
            if (settle) {
                blocked.serveReadyKeys();
            }
            try {
                return handler.handle(ctx);
            } catch (WrongTypeException e) {
                throw new CommandException(e.getMessage());
            } finally {
                if (settle) {
                    blocked.serveReadyKeys();
                }
            }
        });
    }

    /** Registers a handler whose reply may come later (blocking commands), with the same treatment. */
    void registerAsync(String name, AsyncCommandHandler handler) {
        registry.registerAsync(name, ctx -> {
            boolean settle = !ctx.inTransaction();
            if (settle) {
                blocked.serveReadyKeys();
            }
            try {
                return handler.handle(ctx);
            } catch (WrongTypeException e) {
                throw new CommandException(e.getMessage());
            } finally {
                if (settle) {
                    blocked.serveReadyKeys();
                }
            }
        });
    }
}
