package io.slotwise.sim.clustermode;

import io.slotwise.sim.cluster.ClusterCommandException;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.LinkState;
import io.slotwise.sim.cluster.MembershipCommands;
import io.slotwise.sim.cluster.ResetMode;
import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.protocol.Reply;
import java.util.Optional;

/**
 * The membership subcommands of CLUSTER: MEET (adds the handshake node; the cluster bus completes it), FORGET,
 * REPLICATE, RESET, COUNT-FAILURE-REPORTS (the valid failure reports the bus collected), and FAILOVER, which validates
 * as Redis does, answers {@code +OK} at once and leaves the failover to the node's {@link FailoverCoordinator}.
 */
final class ClusterMembershipHandlers {
    private ClusterMembershipHandlers() {}

    static void register(CommandRegistry registry, ClusterNodeContext cluster) {
        ClusterCommands.register(registry, cluster, "meet", (ctx, c) -> {
            if (ctx.argc() != 4 && ctx.argc() != 5) {
                throw ClusterCommands.subcommandSyntaxError(ctx);
            }
            MembershipCommands.meet(
                    c.state(), ctx.argLatin1(2), ctx.argLatin1(3), ctx.argc() == 5 ? ctx.argLatin1(4) : null);
            return Reply.ok();
        });
        ClusterCommands.register(registry, cluster, "forget", (ctx, c) -> {
            MembershipCommands.forget(c.state(), ctx.argLatin1(2));
            return Reply.ok();
        });
        ClusterCommands.register(registry, cluster, "replicate", (ctx, c) -> {
            MembershipCommands.replicate(c.state(), ctx.argLatin1(2));
            return Reply.ok();
        });
        ClusterCommands.register(registry, cluster, "reset", (ctx, c) -> {
            if (ctx.argc() > 3) {
                throw ClusterCommands.subcommandSyntaxError(ctx);
            }
            MembershipCommands.reset(c.state(), ResetMode.parse(ClusterCommands.arguments(ctx)));
            return Reply.ok();
        });
        ClusterCommands.register(registry, cluster, "count-failure-reports", (ctx, c) -> {
            String id = ctx.argLatin1(2);
            ClusterState state = c.state();
            ClusterNode node =
                    state.findNode(id).orElseThrow(() -> new ClusterCommandException("ERR Unknown node " + id));
            return Reply.integer(state.failureReports()
                    .countValid(
                            node,
                            state.environment().nowMillis(),
                            state.config().nodeTimeoutMillis()));
        });
        ClusterCommands.register(registry, cluster, "failover", ClusterMembershipHandlers::failover);
    }

    /**
     * FAILOVER [FORCE|TAKEOVER], validated as Redis 7.0 does: the argument, then "am I a replica", "is my master
     * known", and for the default mode "is my master reachable" (it never is without a cluster bus link).
     */
    private static Reply failover(CommandContext ctx, ClusterNodeContext cluster) {
        if (ctx.argc() > 3) {
            throw ClusterCommands.subcommandSyntaxError(ctx);
        }
        boolean force = ctx.argc() == 3 && ctx.argIs(2, "force");
        boolean takeover = ctx.argc() == 3 && ctx.argIs(2, "takeover");
        if (ctx.argc() == 3 && !force && !takeover) {
            throw CommandException.syntaxError();
        }
        ClusterState state = cluster.state();
        ClusterNode myself = state.myself();
        if (myself.isMaster()) {
            throw new CommandException("ERR You should send CLUSTER FAILOVER to a replica");
        }
        Optional<ClusterNode> master = state.masterOf(myself);
        if (master.isEmpty()) {
            throw new CommandException("ERR I'm a replica but my master is unknown to me");
        }
        if (!force && !takeover && (master.get().isFailed() || master.get().linkState() == LinkState.DISCONNECTED)) {
            throw new CommandException("ERR Master is down or failed, please use CLUSTER FAILOVER FORCE");
        }
        cluster.failover()
                .requestFailover(
                        takeover
                                ? FailoverCoordinator.Mode.TAKEOVER
                                : force ? FailoverCoordinator.Mode.FORCE : FailoverCoordinator.Mode.DEFAULT);
        return Reply.ok();
    }
}
