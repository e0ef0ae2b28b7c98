package io.slotwise.sim.cluster;

/**
 * The outcome of CLUSTER BUMPEPOCH.
 *
 * @param bumped whether my config epoch changed
 * @param configEpoch my config epoch afterwards
 */
public record BumpEpochResult(boolean bumped, long configEpoch) {

    /**
     * Returns the simple-string reply: {@code BUMPED <epoch>} or {@code STILL <epoch>}.
     *
     * @return the reply text, without {@code +} and CRLF
     */
    public String replyText() {
        return (bumped ? "BUMPED " : "STILL ") + configEpoch;
    }
}
