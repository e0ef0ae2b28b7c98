package io.slotwise.sim.command;

/**
 * Registers every command family every node has: connection, client, server, INFO, COMMAND, CONFIG and
 * transactions. Data commands (keyspace, scripting) and CLUSTER commands come from modules.
 */
public final class BuiltinCommands {
    private BuiltinCommands() {}

    /**
     * Registers the built-in families.
     *
     * @param registry the node's registry
     */
    public static void register(CommandRegistry registry) {
        ConnectionCommands.register(registry);
        ClientCommands.register(registry);
        ServerCommands.register(registry);
        InfoCommand.register(registry);
        CommandIntrospection.register(registry);
        ConfigCommands.register(registry);
        TransactionCommands.register(registry);
    }
}
