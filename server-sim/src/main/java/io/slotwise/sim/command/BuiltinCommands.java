package io.slotwise.sim.command;

/**
 * Registers every command family every node has: connection, client, server, INFO, COMMAND, CONFIG, transactions,
 * and the administration commands (CLIENT KILL/PAUSE/REPLY/..., SAVE, SLOWLOG, LATENCY, MEMORY, MODULE, LOLWUT,
 * MONITOR, ACL). Data commands (keyspace, scripting and functions) and CLUSTER commands come from modules.
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
        ClientAdminCommands.register(registry);
        PersistenceCommands.register(registry);
        DiagnosticCommands.register(registry);
        MemoryCommands.register(registry);
        ModuleCommands.register(registry);
        LolwutCommand.register(registry);
        MonitorFeed.register(registry);
        AclCommands.register(registry);
    }
}
