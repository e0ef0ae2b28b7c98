package io.slotwise.sim.data;

import io.slotwise.sim.command.AsyncCommandHandler;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandHandler;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.WrongTypeException;

/**
 * Registers the handlers of the data types whose commands may wake blocked clients (hashes, lists, sets, sorted sets,
 * geo, streams). Each handler answers the
 * keyspace's {@link WrongTypeException} with Redis's {@code WRONGTYPE} error, and, outside a transaction, serves the
 * {@link BlockedClients} before it runs (so it sees what a push inside an earlier EXEC handed out) and after it ran (so
 * a push wakes waiters once the pushing command has finished).
 */
public final class CollectionRegistrar {
    private final CommandRegistry registry;
    private final BlockedClients blocked;

    /**
     * @param registry the node's command registry
     * @param blocked the node's blocked clients
     */
    public CollectionRegistrar(CommandRegistry registry, BlockedClients blocked) {
        this.registry = registry;
        this.blocked = blocked;
    }

    /** Returns the node's blocked clients, for handlers that block (BLPOP, XREAD BLOCK ...). */
    public BlockedClients blocked() {
        return blocked;
    }

    /** Registers a synchronous handler under a command name of the table. */
    public void register(String name, CommandHandler handler) {
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
    public void registerAsync(String name, AsyncCommandHandler handler) {
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
