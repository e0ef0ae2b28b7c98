package io.slotwise.sim.cluster;

import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the CLUSTER SHARDS reply (Redis 7.0): one map per node that is a master in my view, slot-less and failed
 * masters included, in insertion order. Each map is {@code slots} → flat integer array {@code [s1, e1, s2, e2, ...]}
 * and {@code nodes} → node maps, master first, then its replicas (failed ones included). A node map has, in order:
 * {@code id}, {@code port} (when non-zero), {@code ip}, {@code endpoint}, {@code hostname} (when set), {@code role}
 * ({@code master}/{@code replica}), {@code replication-offset}, {@code health} ({@code fail} when FAIL,
 * {@code loading} for a replica with offset 0, else {@code online}). The map keys are bulk strings; RESP2 connections receive each map as a flat
 * key/value array. TLS ports are not modelled. Stateless; call on the
 * node's thread.
 */
public final class ClusterShardsRenderer {

    private ClusterShardsRenderer() {}

    /**
     * Builds the reply tree.
     *
     * @param state the state, never {@code null}
     * @return an array of shard maps
     */
    public static Reply.Array render(ClusterState state) {
        List<Reply> shards = new ArrayList<>();
        for (ClusterNode node : state.nodes()) {
            if (node.isMaster()) {
                shards.add(shard(state, node));
            }
        }
        return new Reply.Array(shards);
    }

    private static Reply shard(ClusterState state, ClusterNode master) {
        List<Reply> slotBounds = new ArrayList<>();
        for (SlotRange range : SlotRange.coalesce(master.slots())) {
            slotBounds.add(Reply.integer(range.start()));
            slotBounds.add(Reply.integer(range.end()));
        }
        List<Reply> members = new ArrayList<>();
        members.add(nodeDetails(state, master));
        for (ClusterNode replica : state.replicasOf(master)) {
            members.add(nodeDetails(state, replica));
        }
        return Reply.map(
                Reply.entry(Reply.bulk("slots"), new Reply.Array(slotBounds)),
                Reply.entry(Reply.bulk("nodes"), new Reply.Array(members)));
    }

    private static Reply nodeDetails(ClusterState state, ClusterNode node) {
        List<Reply.Entry> details = new ArrayList<>();
        details.add(Reply.entry(Reply.bulk("id"), Reply.bulk(node.id())));
        if (node.port() != 0) {
            details.add(Reply.entry(Reply.bulk("port"), Reply.integer(node.port())));
        }
        details.add(Reply.entry(Reply.bulk("ip"), Reply.bulk(node.ip())));
        String endpoint = state.config().preferredEndpointType().endpointOf(node);
        details.add(Reply.entry(Reply.bulk("endpoint"), Reply.bulk(endpoint)));
        if (node.hostname() != null) {
            details.add(Reply.entry(Reply.bulk("hostname"), Reply.bulk(node.hostname())));
        }
        String role = node.isReplica() ? "replica" : "master";
        details.add(Reply.entry(Reply.bulk("role"), Reply.bulk(role)));
        details.add(Reply.entry(Reply.bulk("replication-offset"), Reply.integer(node.replicationOffset())));
        details.add(Reply.entry(Reply.bulk("health"), Reply.bulk(health(node))));
        return new Reply.Map(details);
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
