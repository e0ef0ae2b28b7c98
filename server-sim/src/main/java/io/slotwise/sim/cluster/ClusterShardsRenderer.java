package io.slotwise.sim.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the CLUSTER SHARDS reply (Redis 7.0): one map per node that is a master in my view, slot-less and failed
 * masters included, in insertion order. Each map is {@code slots} → flat integer array {@code [s1, e1, s2, e2, ...]}
 * and {@code nodes} → node maps, master first, then its replicas (failed ones included). A node map has, in order:
 * {@code id}, {@code port} (when non-zero), {@code ip}, {@code endpoint}, {@code hostname} (when set), {@code role}
 * ({@code master}/{@code replica}), {@code replication-offset}, {@code health} ({@code fail} when FAIL,
 * {@code loading} for a replica with offset 0, else {@code online}). TLS ports are not modelled. Stateless; call on the
 * node's thread.
 */
public final class ClusterShardsRenderer {

    private ClusterShardsRenderer() {}

    /**
     * Builds the reply tree.
     *
     * @param state the state, never {@code null}
     * @return an {@link ClusterReply.Array} of shard maps
     */
    public static ClusterReply.Array render(ClusterState state) {
        List<ClusterReply> shards = new ArrayList<>();
        for (ClusterNode node : state.nodes()) {
            if (node.isMaster()) {
                shards.add(shard(state, node));
            }
        }
        return new ClusterReply.Array(shards);
    }

    private static ClusterReply shard(ClusterState state, ClusterNode master) {
        List<ClusterReply> slotBounds = new ArrayList<>();
        for (SlotRange range : SlotRange.coalesce(master.slots())) {
            slotBounds.add(new ClusterReply.Int(range.start()));
            slotBounds.add(new ClusterReply.Int(range.end()));
        }
        List<ClusterReply> members = new ArrayList<>();
        members.add(nodeDetails(state, master));
        for (ClusterNode replica : state.replicasOf(master)) {
            members.add(nodeDetails(state, replica));
        }
        return new ClusterReply.Dict(List.of(
                new ClusterReply.Entry("slots", new ClusterReply.Array(slotBounds)),
                new ClusterReply.Entry("nodes", new ClusterReply.Array(members))));
    }

    private static ClusterReply nodeDetails(ClusterState state, ClusterNode node) {
        List<ClusterReply.Entry> details = new ArrayList<>();
        details.add(new ClusterReply.Entry("id", new ClusterReply.Bulk(node.id())));
        if (node.port() != 0) {
            details.add(new ClusterReply.Entry("port", new ClusterReply.Int(node.port())));
        }
        details.add(new ClusterReply.Entry("ip", new ClusterReply.Bulk(node.ip())));
        String endpoint = state.config().preferredEndpointType().endpointOf(node);
        details.add(new ClusterReply.Entry("endpoint", new ClusterReply.Bulk(endpoint)));
        if (node.hostname() != null) {
            details.add(new ClusterReply.Entry("hostname", new ClusterReply.Bulk(node.hostname())));
        }
        String role = node.isReplica() ? "replica" : "master";
        details.add(new ClusterReply.Entry("role", new ClusterReply.Bulk(role)));
        details.add(new ClusterReply.Entry("replication-offset", new ClusterReply.Int(node.replicationOffset())));
        details.add(new ClusterReply.Entry("health", new ClusterReply.Bulk(health(node))));
        return new ClusterReply.Dict(details);
    }

    private static String health(ClusterNode node) {
        if (node.isFailed()) {
            return "fail";
        }
        if (node.isReplica() && node.replicationOffset() == 0) {
            return "loading";
        }
        return "online";
    }
}
