package io.slotwise.sim.pubsub;

import io.slotwise.sim.bus.ClusterBus;
import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.protocol.Reply;

/**
 * PUBLISH and SPUBLISH: deliver to this node's subscribers and answer how many received the message here, as Redis
 * does; in cluster mode the message also goes over the cluster bus, PUBLISH to every node and SPUBLISH to the other
 * nodes of this node's shard (its master and the master's replicas), which deliver it to their own subscribers. Which
 * node serves an SPUBLISH (MOVED, CROSSSLOT, a replica serving its master's slots) is decided by the dispatcher.
 */
final class PublishCommands {
    private PublishCommands() {}

    /** Registers both commands. */
    static void register(CommandRegistry registry, PubSubHub hub) {
        registry.register("publish", ctx -> {
            int receivers = hub.publish(ctx.arg(1), ctx.arg(2));
            propagate(ctx, ClusterMessageType.PUBLISH);
            return Reply.integer(receivers);
        });
        registry.register("spublish", ctx -> {
            int receivers = hub.publishShard(ctx.arg(1), ctx.arg(2));
            propagate(ctx, ClusterMessageType.PUBLISHSHARD);
            return Reply.integer(receivers);
        });
    }

    private static void propagate(CommandContext ctx, ClusterMessageType type) {
        if (ctx.node().config().clusterEnabled()) {
            ctx.node().service(ClusterBus.class).ifPresent(bus -> bus.publish(type, ctx.arg(1), ctx.arg(2)));
        }
    }
}
