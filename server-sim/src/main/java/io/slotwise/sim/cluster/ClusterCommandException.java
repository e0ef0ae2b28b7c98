package io.slotwise.sim.cluster;

/**
 * A CLUSTER subcommand (or cluster-related argument) was rejected. The message is the exact Redis error text without the
 * leading {@code -}, error code included, e.g. {@code ERR Slot 5 is already busy}; the command layer replies
 * {@code -<message>\r\n}. The state is unchanged when this is thrown.
 */
public final class ClusterCommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param errorText the full Redis error text, e.g. {@code ERR Invalid or out of range slot}
     */
    public ClusterCommandException(String errorText) {
        super(errorText, null, false, false);
    }

    /**
     * Returns the error text to send to the client after {@code -}.
     *
     * @return the text, never {@code null}
     */
    public String errorText() {
        return getMessage();
    }
}
