package io.slotwise.sim.command;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The handlers of one node, by command name as the command table spells it: {@code ping}, or {@code client|list} for
 * a subcommand; a container's handler serves only the container invoked without a subcommand (COMMAND). Families of
 * commands register themselves in small classes ({@link ConnectionCommands}, {@link ClientCommands}, ...); modules add
 * theirs through {@link io.slotwise.sim.NodeSetup#commands()}.
 *
 * <p>Threading: filled while a node is being set up, before it accepts connections, then only read, on the event
 * loop. Not thread-safe for concurrent registration.
 */
public final class CommandRegistry {
    private final CommandTable table;
    private final Map<String, AsyncCommandHandler> handlers = new HashMap<>();

    /**
     * Creates an empty registry whose names are checked against a table.
     *
     * @param table the command table of the node
     */
    public CommandRegistry(CommandTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * Registers a synchronous handler.
     *
     * @param name the command name as the table spells it, any case; {@code container|sub} for a subcommand
     * @param handler the handler
     * @throws IllegalArgumentException if the table does not know the name or a handler is already registered for it
     */
    public void register(String name, CommandHandler handler) {
        Objects.requireNonNull(handler, "handler");
        registerAsync(name, ctx -> CompletableFuture.completedFuture(handler.handle(ctx)));
    }

    /**
     * Registers a handler whose reply may come later.
     *
     * @param name the command name as the table spells it, any case; {@code container|sub} for a subcommand
     * @param handler the handler
     * @throws IllegalArgumentException if the table does not know the name or a handler is already registered for it
     */
    public void registerAsync(String name, AsyncCommandHandler handler) {
        Objects.requireNonNull(handler, "handler");
        String key = name.toLowerCase(Locale.ROOT);
        if (!isInTable(key)) {
            throw new IllegalArgumentException("the command table has no command '" + key + "'");
        }
        if (handlers.putIfAbsent(key, handler) != null) {
            throw new IllegalArgumentException("a handler for '" + key + "' is already registered");
        }
    }

    /**
     * Whether a command would find a handler.
     *
     * @param name the command name, {@code container|sub} for a subcommand
     * @return true if it has a handler
     */
    public boolean isRegistered(String name) {
        return handlers.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Returns the handler for a resolved command, or null if none serves it. */
    AsyncCommandHandler find(CommandSpec spec) {
        return handlers.get(spec.name());
    }

    private boolean isInTable(String name) {
        int bar = name.indexOf('|');
        CommandSpec top = table.command(bar < 0 ? name : name.substring(0, bar));
        return top != null && (bar < 0 || top.subcommands().containsKey(name.substring(bar + 1)));
    }
}
