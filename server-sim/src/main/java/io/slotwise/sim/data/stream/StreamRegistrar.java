package io.slotwise.sim.data.stream;

import io.slotwise.sim.command.AsyncCommandHandler;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandHandler;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.data.BlockedClients;
import io.slotwise.sim.keyspace.WrongTypeException;

/**
 * Registers the stream handlers as the collection families are registered: WRONGTYPE for a key of another type, and,
 * outside a transaction, the node's {@link BlockedClients} served before and after each command so that an XADD wakes
 * blocked readers once it has finished.
 */
final class StreamRegistrar {
    private final CommandRegistry registry;
    private final BlockedClients blocked;

    StreamRegistrar(CommandRegistry registry, BlockedClients blocked) {
        this.registry = registry;
        this.blocked = blocked;
    }

    /** Returns the node's blocked clients. */
    BlockedClients blocked() {
        return blocked;
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

    /** Registers a handler whose reply may come later (blocking reads), with the same treatment. */
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
