package io.slotwise.sim.pubsub;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * PUBSUB CHANNELS, NUMSUB, NUMPAT, SHARDCHANNELS, SHARDNUMSUB and HELP, about this node's subscribers only, with Redis
 * 7.0's replies: arrays (also on RESP3), names in the order they were first subscribed (Redis: hash-table order).
 */
final class PubSubIntrospection {
    private static final String[] HELP = {
        "PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "CHANNELS [<pattern>]",
        "    Return the currently active channels matching a <pattern> (default: '*').",
        "NUMPAT",
        "    Return number of subscriptions to patterns.",
        "NUMSUB [<channel> ...]",
        "    Return the number of subscribers for the specified channels, excluding",
        "    pattern subscriptions(default: no channels).",
        "SHARDCHANNELS [<pattern>]",
        "    Return the currently active shard level channels matching a <pattern> (default: '*').",
        "SHARDNUMSUB [<shardchannel> ...]",
        "    Return the number of subscribers for the specified shard level channel(s)",
        "HELP",
        "    Prints this help."
    };

    private PubSubIntrospection() {}

    /** Registers the subcommands. */
    static void register(CommandRegistry registry, PubSubHub hub) {
        registry.register("pubsub|channels", ctx -> names(ctx, hub, SubscriptionKind.CHANNEL));
        registry.register("pubsub|shardchannels", ctx -> names(ctx, hub, SubscriptionKind.SHARD_CHANNEL));
        registry.register("pubsub|numsub", ctx -> counts(ctx, hub, SubscriptionKind.CHANNEL));
        registry.register("pubsub|shardnumsub", ctx -> counts(ctx, hub, SubscriptionKind.SHARD_CHANNEL));
        registry.register("pubsub|numpat", ctx -> Reply.integer(hub.patternCount()));
        registry.register("pubsub|help", ctx -> {
            List<Reply> lines = new ArrayList<>();
            for (String line : HELP) {
                lines.add(Reply.simple(line));
            }
            return new Reply.Array(lines);
        });
    }

    private static Reply names(CommandContext ctx, PubSubHub hub, SubscriptionKind kind) {
        if (ctx.argc() > 3) {
            throw new CommandException("ERR unknown subcommand or wrong number of arguments for '" + ctx.argString(1)
                    + "'. Try PUBSUB HELP.");
        }
        List<Reply> names = new ArrayList<>();
        hub.activeNames(kind, ctx.argc() == 3 ? ctx.arg(2) : null).forEach(name -> names.add(Reply.bulk(name)));
        return new Reply.Array(names);
    }

    private static Reply counts(CommandContext ctx, PubSubHub hub, SubscriptionKind kind) {
        List<Reply> pairs = new ArrayList<>();
        for (int i = 2; i < ctx.argc(); i++) {
            pairs.add(Reply.bulk(ctx.arg(i)));
            pairs.add(Reply.integer(hub.subscriberCount(kind, ctx.arg(i))));
        }
        return new Reply.Array(pairs);
    }
}
