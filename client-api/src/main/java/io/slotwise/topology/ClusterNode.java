package io.slotwise.topology;

import java.util.Objects;

/**
 * One node of a cluster as a topology snapshot sees it.
 *
 * @param id the 40-character node ID, or an empty string when the node is known only by address (for example the
 *     target of a {@code MOVED} that the last refresh had not seen)
 * @param address where clients reach the node
 * @param role whether the node serves a shard as its primary or as a replica
 * @param healthy false when the cluster reports the node as failing or still loading; unhealthy nodes are not chosen
 *     for replica reads
 */
public record ClusterNode(String id, NodeAddress address, Role role, boolean healthy) {

    /** Validates the node. */
    public ClusterNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(role, "role");
    }

    /**
     * A healthy primary known only by its address.
     *
     * @param address the address
     * @return the node
     */
    public static ClusterNode primaryAt(NodeAddress address) {
        return new ClusterNode("", address, Role.PRIMARY, true);
    }

    /** The role of a node within its shard. */
    public enum Role {
        /** Owns the shard's slots and takes writes. */
        PRIMARY,
        /** Copies a primary; serves reads only to clients that asked for replica reads. */
        REPLICA
    }
}
