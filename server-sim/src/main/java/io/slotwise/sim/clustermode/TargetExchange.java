package io.slotwise.sim.clustermode;

import java.util.List;

/**
 * What came back from one round of commands sent to a MIGRATE target: the replies read, in order (possibly fewer than
 * the commands sent), and the socket failure that stopped it, if any. Immutable.
 *
 * @param replies the replies read
 * @param failure the failure, or {@code null} when every reply arrived
 * @param timedOut whether the failure was the MIGRATE timeout running out (Redis retries other failures)
 */
record TargetExchange(List<TargetReply> replies, Failure failure, boolean timedOut) {

    /** Copies the replies. */
    TargetExchange {
        replies = List.copyOf(replies);
    }

    /** The socket failures of MIGRATE, with Redis's replies. */
    enum Failure {
        /** The connection could not even be attempted (an unresolvable host). */
        CONNECT("IOERR error or timeout connecting to the client"),
        /** The connection or a write failed (Redis also reports a refused connection this way). */
        WRITE("IOERR error or timeout writing to target instance"),
        /** Reading a reply failed or timed out (the text is Redis's, grammar included). */
        READ("IOERR error or timeout reading to target instance");

        private final String errorText;

        Failure(String errorText) {
            this.errorText = errorText;
        }

        /** Returns the error reply's text. */
        String errorText() {
            return errorText;
        }
    }

    /**
     * Returns an exchange that failed before any reply.
     *
     * @param failure the failure
     * @param timedOut whether the timeout ran out
     * @return the exchange
     */
    static TargetExchange failed(Failure failure, boolean timedOut) {
        return new TargetExchange(List.of(), failure, timedOut);
    }

    /**
     * Returns the reply at a position, or {@code null} if it did not arrive.
     *
     * @param index the position among the commands sent
     * @return the reply or {@code null}
     */
    TargetReply reply(int index) {
        return index < replies.size() ? replies.get(index) : null;
    }
}
