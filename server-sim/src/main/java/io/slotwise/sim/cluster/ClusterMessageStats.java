package io.slotwise.sim.cluster;

/**
 * Counters of cluster-bus messages sent and received per type, and of links dropped for exceeding their buffer limit,
 * as reported by CLUSTER INFO. Mutable; confined to the node's thread like the rest of the state.
 */
public final class ClusterMessageStats {

    private final long[] sent = new long[ClusterMessageType.values().length];
    private final long[] received = new long[ClusterMessageType.values().length];
    private long linksBufferLimitExceeded;

    /**
     * Counts one message sent.
     *
     * @param type the message type, never {@code null}
     */
    public void recordSent(ClusterMessageType type) {
        sent[type.ordinal()]++;
    }

    /**
     * Counts one message received.
     *
     * @param type the message type, never {@code null}
     */
    public void recordReceived(ClusterMessageType type) {
        received[type.ordinal()]++;
    }

    /** Counts one link freed because its send buffer exceeded the limit. */
    public void recordLinkBufferLimitExceeded() {
        linksBufferLimitExceeded++;
    }

    /**
     * Returns the number of messages of a type sent so far.
     *
     * @param type the message type, never {@code null}
     * @return the count
     */
    public long sent(ClusterMessageType type) {
        return sent[type.ordinal()];
    }

    /**
     * Returns the number of messages of a type received so far.
     *
     * @param type the message type, never {@code null}
     * @return the count
     */
    public long received(ClusterMessageType type) {
        return received[type.ordinal()];
    }

    /**
     * Returns the total of messages sent, all types.
     *
     * @return the sum
     */
    public long totalSent() {
        long total = 0;
        for (long count : sent) {
            total += count;
        }
        return total;
    }

    /**
     * Returns the total of messages received, all types.
     *
     * @return the sum
     */
    public long totalReceived() {
        long total = 0;
        for (long count : received) {
            total += count;
        }
        return total;
    }

    /**
     * Returns how many links were freed for exceeding their buffer limit.
     *
     * @return the count
     */
    public long linksBufferLimitExceeded() {
        return linksBufferLimitExceeded;
    }
}
