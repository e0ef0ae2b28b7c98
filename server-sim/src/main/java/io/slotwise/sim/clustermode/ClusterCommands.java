package io.slotwise.sim.clustermode;

import io.slotwise.sim.cluster.ClusterCommandException;
import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Registers every CLUSTER subcommand of Redis 7.0, by concern ({@link ClusterSlotHandlers}, {@link
 * ClusterMembershipHandlers}, {@link ClusterViewHandlers}), each wrapped so that it first applies configuration
 * changes, maps {@link ClusterCommandException} to the same error reply, and always does the follow-up work the
 * state asked for (nodes.conf save, flush) before its reply is written.
 */
final class ClusterCommands {

    private ClusterCommands() {}

    /** One CLUSTER subcommand. */
    @FunctionalInterface
    interface Subcommand {
        /**
         * Executes it on the node's event loop.
         *
         * @param ctx the invocation; argument 1 is the subcommand name
         * @param cluster the node's cluster context
         * @return the reply
         * @throws ClusterCommandException or {@link CommandException} to answer with an error
         */
        Reply run(CommandContext ctx, ClusterNodeContext cluster);
    }

    /**
     * Registers the CLUSTER subcommands.
     *
     * @param registry the node's registry
     * @param cluster the node's cluster context
     */
    static void register(CommandRegistry registry, ClusterNodeContext cluster) {
        ClusterSlotHandlers.register(registry, cluster);
        ClusterMembershipHandlers.register(registry, cluster);
        ClusterViewHandlers.register(registry, cluster);
    }

    /**
     * Registers one subcommand with the common wrapping.
     *
     * @param registry the node's registry
     * @param cluster the node's cluster context
     * @param name the subcommand's lower-case name
     * @param subcommand its implementation
     */
    static void register(CommandRegistry registry, ClusterNodeContext cluster, String name, Subcommand subcommand) {
        registry.register("cluster|" + name, ctx -> {
            cluster.syncSettings();
            try {
                return subcommand.run(ctx, cluster);
            } catch (ClusterCommandException e) {
                throw CommandException.echoing(e.errorText());
            } finally {
                cluster.flushPendingActions();
            }
        });
    }

    /**
     * Returns the arguments after the subcommand name, one character per byte (ISO-8859-1), so that error texts
     * quoting them echo the client's bytes unchanged.
     *
     * @param ctx the invocation
     * @return arguments 2 and later
     */
    static List<String> arguments(CommandContext ctx) {
        List<String> arguments = new ArrayList<>(Math.max(0, ctx.argc() - 2));
        for (int i = 2; i < ctx.argc(); i++) {
            arguments.add(ctx.argLatin1(i));
        }
        return arguments;
    }

    /**
     * Returns Redis's error for a subcommand called with an argument count its own check refuses.
     *
     * @param ctx the invocation
     * @return {@code ERR unknown subcommand or wrong number of arguments for '<sub>'. Try CLUSTER HELP.}
     */
    static CommandException subcommandSyntaxError(CommandContext ctx) {
        String sub = ctx.argLatin1(1);
        return CommandException.echoing("ERR unknown subcommand or wrong number of arguments for '"
                + (sub.length() > 128 ? sub.substring(0, 128) : sub) + "'. Try "
                + ctx.argLatin1(0).toUpperCase(Locale.ROOT) + " HELP.");
    }
}
