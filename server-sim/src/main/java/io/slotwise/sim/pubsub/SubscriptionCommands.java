package io.slotwise.sim.pubsub;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * SUBSCRIBE, PSUBSCRIBE, SSUBSCRIBE and their UNSUBSCRIBE counterparts. Each name gets its own confirmation frame, in
 * argument order; all but the last are written to the connection at once and the last is the command's reply, so a
 * client reads them in order. Inside EXEC, SSUBSCRIBE answers Redis's {@code ERR SSUBSCRIBE isn't allowed for a DENY
 * BLOCKING client} (SUBSCRIBE and PSUBSCRIBE are allowed there, as in Redis). Cluster redirection of the shard
 * channels (MOVED, CROSSSLOT) happens in the dispatcher, from the key specs.
 */
final class SubscriptionCommands {
    private SubscriptionCommands() {}

    /**
     * Registers the six commands.
     *
     * @param beforeShardSubscription runs before an SSUBSCRIBE subscribes (the cluster's slot watcher takes a fresh
     *     picture of the served slots, so that a slot lost right after the subscription is noticed)
     */
    static void register(CommandRegistry registry, PubSubHub hub, Runnable beforeShardSubscription) {
        registry.register("subscribe", ctx -> subscribe(ctx, hub, SubscriptionKind.CHANNEL));
        registry.register("psubscribe", ctx -> subscribe(ctx, hub, SubscriptionKind.PATTERN));
        registry.register("ssubscribe", ctx -> {
            beforeShardSubscription.run();
            return subscribe(ctx, hub, SubscriptionKind.SHARD_CHANNEL);
        });
        registry.register("unsubscribe", ctx -> unsubscribe(ctx, hub, SubscriptionKind.CHANNEL));
        registry.register("punsubscribe", ctx -> unsubscribe(ctx, hub, SubscriptionKind.PATTERN));
        registry.register("sunsubscribe", ctx -> unsubscribe(ctx, hub, SubscriptionKind.SHARD_CHANNEL));
    }

    private static Reply subscribe(CommandContext ctx, PubSubHub hub, SubscriptionKind kind) {
        if (kind == SubscriptionKind.SHARD_CHANNEL && ctx.inTransaction()) {
            throw new CommandException("ERR SSUBSCRIBE isn't allowed for a DENY BLOCKING client");
        }
        List<Reply> frames = new ArrayList<>();
        for (int i = 1; i < ctx.argc(); i++) {
            frames.add(hub.subscribe(ctx.session(), kind, ctx.arg(i)));
        }
        return lastAfterSendingOthers(ctx, hub, frames);
    }

    private static Reply unsubscribe(CommandContext ctx, PubSubHub hub, SubscriptionKind kind) {
        if (ctx.argc() == 1) {
            return lastAfterSendingOthers(ctx, hub, hub.unsubscribeAll(ctx.session(), kind));
        }
        List<Reply> frames = new ArrayList<>();
        for (int i = 1; i < ctx.argc(); i++) {
            frames.add(hub.unsubscribe(ctx.session(), kind, ctx.arg(i)));
        }
        return lastAfterSendingOthers(ctx, hub, frames);
    }

    private static Reply lastAfterSendingOthers(CommandContext ctx, PubSubHub hub, List<Reply> frames) {
        for (int i = 0; i < frames.size() - 1; i++) {
            hub.send(ctx.session(), frames.get(i));
        }
        return frames.get(frames.size() - 1);
    }
}
