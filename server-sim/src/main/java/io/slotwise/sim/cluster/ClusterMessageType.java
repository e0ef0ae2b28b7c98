package io.slotwise.sim.cluster;

/**
 * Cluster-bus message types in Redis's type-number order, with the names used by CLUSTER INFO's
 * {@code cluster_stats_messages_<name>_sent/received} fields.
 */
public enum ClusterMessageType {
    /** Type 0. */
    PING("ping"),
    /** Type 1. */
    PONG("pong"),
    /** Type 2. */
    MEET("meet"),
    /** Type 3. */
    FAIL("fail"),
    /** Type 4. */
    PUBLISH("publish"),
    /** Type 5. */
    FAILOVER_AUTH_REQUEST("auth-req"),
    /** Type 6. */
    FAILOVER_AUTH_ACK("auth-ack"),
    /** Type 7. */
    UPDATE("update"),
    /** Type 8. */
    MFSTART("mfstart"),
    /** Type 9. */
    MODULE("module"),
    /** Type 10. */
    PUBLISHSHARD("publishshard");

    private final String statName;

    ClusterMessageType(String statName) {
        this.statName = statName;
    }

    /**
     * Returns the name used inside CLUSTER INFO stat field names.
     *
     * @return e.g. {@code auth-req}
     */
    public String statName() {
        return statName;
    }
}
