package io.slotwise.sim.clustermode;

import io.slotwise.sim.bus.BusLinkInfo;
import io.slotwise.sim.bus.ClusterBus;
import io.slotwise.sim.cluster.ClusterInfoRenderer;
import io.slotwise.sim.cluster.ClusterNodesRenderer;
import io.slotwise.sim.cluster.ClusterShardsRenderer;
import io.slotwise.sim.cluster.ClusterSlotsRenderer;
import io.slotwise.sim.cluster.EpochCommands;
import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.protocol.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The subcommands of CLUSTER that show the node's view (MYID, NODES, INFO, SLOTS, SHARDS, REPLICAS, SLAVES, LINKS,
 * HELP) or act on myself's identity and epochs (SAVECONFIG, BUMPEPOCH, SET-CONFIG-EPOCH). NODES and INFO answer
 * verbatim text (a bulk string in RESP2). LINKS describes the cluster bus's links (an empty array without a bus).
 */
final class ClusterViewHandlers {

    private ClusterViewHandlers() {}

    static void register(CommandRegistry registry, ClusterNodeContext cluster) {
        ClusterCommands.register(
                registry,
                cluster,
                "myid",
                (ctx, c) -> Reply.bulk(c.state().myself().id()));
        ClusterCommands.register(
                registry, cluster, "nodes", (ctx, c) -> Reply.verbatimText(ClusterNodesRenderer.render(c.state())));
        ClusterCommands.register(
                registry, cluster, "info", (ctx, c) -> Reply.verbatimText(ClusterInfoRenderer.render(c.state())));
        ClusterCommands.register(registry, cluster, "slots", (ctx, c) -> ClusterSlotsRenderer.render(c.state()));
        ClusterCommands.register(registry, cluster, "shards", (ctx, c) -> ClusterShardsRenderer.render(c.state()));
        ClusterCommands.register(registry, cluster, "replicas", ClusterViewHandlers::replicas);
        ClusterCommands.register(registry, cluster, "slaves", ClusterViewHandlers::replicas);
        ClusterCommands.register(registry, cluster, "links", ClusterViewHandlers::links);
        ClusterCommands.register(registry, cluster, "help", (ctx, c) -> ClusterHelp.reply());
        ClusterCommands.register(registry, cluster, "saveconfig", ClusterViewHandlers::saveConfig);
        ClusterCommands.register(
                registry,
                cluster,
                "bumpepoch",
                (ctx, c) -> Reply.simple(EpochCommands.bumpEpoch(c.state()).replyText()));
        ClusterCommands.register(registry, cluster, "set-config-epoch", (ctx, c) -> {
            EpochCommands.setConfigEpoch(c.state(), ctx.argLatin1(2));
            return Reply.ok();
        });
    }

    /** LINKS: one map of Redis's six fields per link (a flat array in RESP2). */
    private static Reply links(CommandContext ctx, ClusterNodeContext cluster) {
        List<Reply> links = new ArrayList<>();
        for (BusLinkInfo link : cluster.bus().map(ClusterBus::links).orElse(List.of())) {
            links.add(Reply.map(
                    Reply.entry(Reply.bulk("direction"), Reply.bulk(link.direction())),
                    Reply.entry(Reply.bulk("node"), Reply.bulk(link.nodeId())),
                    Reply.entry(Reply.bulk("create-time"), Reply.integer(link.createTimeMillis())),
                    Reply.entry(Reply.bulk("events"), Reply.bulk(link.events())),
                    Reply.entry(Reply.bulk("send-buffer-allocated"), Reply.integer(link.sendBufferAllocated())),
                    Reply.entry(Reply.bulk("send-buffer-used"), Reply.integer(link.sendBufferUsed()))));
        }
        return new Reply.Array(links);
    }

    private static Reply replicas(CommandContext ctx, ClusterNodeContext cluster) {
        List<Reply> lines = new ArrayList<>();
        ClusterNodesRenderer.replicas(cluster.state(), ctx.argLatin1(2)).forEach(line -> lines.add(Reply.bulk(line)));
        return new Reply.Array(lines);
    }

    /** SAVECONFIG: saves with fsync now, whatever is pending. */
    private static Reply saveConfig(CommandContext ctx, ClusterNodeContext cluster) {
        try {
            cluster.persistence().save(cluster.state(), true);
        } catch (IOException e) {
            throw new CommandException("ERR error saving the cluster node config: " + NodesConfPersistence.describe(e));
        }
        return Reply.ok();
    }
}
