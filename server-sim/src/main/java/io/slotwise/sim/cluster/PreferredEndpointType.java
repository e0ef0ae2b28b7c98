package io.slotwise.sim.cluster;

/**
 * The {@code cluster-preferred-endpoint-type} option: what a node announces as a peer's endpoint in MOVED/ASK, CLUSTER
 * SLOTS and CLUSTER SHARDS.
 */
public enum PreferredEndpointType {
    /** The node's IP address (the default). */
    IP,
    /** The node's announced hostname, or {@code ?} when it has none. */
    HOSTNAME,
    /** An empty endpoint in MOVED/ASK/SHARDS and a null bulk in CLUSTER SLOTS: clients reuse the address they used. */
    UNKNOWN_ENDPOINT;

    /**
     * Returns the endpoint text used in MOVED/ASK redirects and CLUSTER SHARDS.
     *
     * @param node the node, never {@code null}
     * @return the IP, the hostname, {@code ?} (hostname wanted but unset) or the empty string (unknown endpoint)
     */
    public String endpointOf(ClusterNode node) {
        return switch (this) {
            case IP -> node.ip();
            case HOSTNAME -> node.hostname() == null ? "?" : node.hostname();
            case UNKNOWN_ENDPOINT -> "";
        };
    }
}
