package io.slotwise.sim.cluster;

/**
 * Whether this node has an outbound cluster-bus link to a peer, as printed in the last fixed column of CLUSTER NODES.
 * The myself line always prints {@code connected}.
 */
public enum LinkState {
    /** An outbound bus link exists. */
    CONNECTED("connected"),
    /** No outbound bus link. */
    DISCONNECTED("disconnected");

    private final String label;

    LinkState(String label) {
        this.label = label;
    }

    /**
     * Returns the word Redis prints.
     *
     * @return {@code connected} or {@code disconnected}
     */
    public String label() {
        return label;
    }
}
