package io.slotwise.netty.cluster;

import io.slotwise.RedisConnectionException;
import io.slotwise.command.Command;
import io.slotwise.command.Routing;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Runs a fanned-out command ({@code DBSIZE}, {@code KEYS}, {@code FLUSHALL}, {@code SCRIPT LOAD}...): the same command
 * to every primary or every node of one topology snapshot, the replies merged with the routing's merger. An error from
 * any node fails the command (after that node's own retries), once every node has answered.
 */
final class FanOutExecutor {

    private FanOutExecutor() {}

    /**
     * The nodes a fan-out reaches in a snapshot.
     *
     * @param topology the snapshot
     * @param target every primary (each shard once, with or without slots, but without failing primaries that own
     *     no slot) or every node (without the nodes the cluster reports as failing)
     * @return their addresses, primaries first
     */
    static List<NodeAddress> targets(ClusterTopology topology, Routing.FanOut.Target target) {
        List<NodeAddress> nodes = new ArrayList<>();
        if (target == Routing.FanOut.Target.ALL_PRIMARIES) {
            for (Shard shard : topology.shards()) {
                // A failed primary left without slots (failed over, not back yet) holds nothing and cannot answer.
                if (shard.primary().healthy() || shard.slotCount() > 0) {
                    nodes.add(shard.primary().address());
                }
            }
        } else {
            for (ClusterNode node : topology.nodes()) {
                // A node the cluster reports as failing cannot answer; waiting for it would fail the whole command.
                if (node.healthy()) {
                    nodes.add(node.address());
                }
            }
        }
        return nodes;
    }

    /**
     * Where a retry of one fan-out part goes: a primary's part follows its slots, so that after a failover the retry
     * reaches the promoted replica instead of the dead primary; a part for a primary without slots, or for any node of
     * an {@code ALL_NODES} fan-out, stays on its node.
     *
     * @param original the snapshot the fan-out was planned on
     * @param node the node the part first went to
     * @param target the fan-out's target
     * @param now the current snapshot
     * @return the node for the retry
     */
    static NodeAddress retryTarget(
            ClusterTopology original, NodeAddress node, Routing.FanOut.Target target, ClusterTopology now) {
        if (target != Routing.FanOut.Target.ALL_PRIMARIES) {
            return node;
        }
        for (Shard shard : original.shards()) {
            if (shard.primary().address().equals(node) && !shard.slots().isEmpty()) {
                Shard current = now.shardForSlot(shard.slots().get(0).start());
                return current == null ? node : current.primary().address();
            }
        }
        return node;
    }

    /**
     * Runs a fanned-out command.
     *
     * @param command the command
     * @param fanOut its routing
     * @param topology the snapshot to take the nodes from
     * @param sendTo sends the command to one node, with that node's retries
     * @return the merged, undecoded reply
     */
    static CompletionStage<RespValue> run(
            Command<?> command,
            Routing.FanOut fanOut,
            ClusterTopology topology,
            Function<NodeAddress, CompletionStage<RespValue>> sendTo) {
        List<NodeAddress> nodes = targets(topology, fanOut.target());
        if (nodes.isEmpty()) {
            return CompletableFuture.failedFuture(new RedisConnectionException(
                    "Command " + command.name() + " has no node to go to: the topology knows no node", null, false));
        }
        List<CompletionStage<RespValue>> replies = new ArrayList<>(nodes.size());
        for (NodeAddress node : nodes) {
            replies.add(sendTo.apply(node));
        }
        return Replies.all(replies).thenApply(fanOut.merger()::merge);
    }
}
