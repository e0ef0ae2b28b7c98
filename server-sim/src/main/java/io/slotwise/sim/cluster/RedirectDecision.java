package io.slotwise.sim.cluster;

/**
 * The outcome of {@link RedirectDecider}: serve the command here, or reject it with a redirect or cluster error. Every
 * {@link Rejection} carries the exact error text to send after {@code -}. Immutable.
 */
public sealed interface RedirectDecision {

    /** The singleton "serve locally" decision. */
    Serve SERVE = new Serve();

    /** Execute the command on this node. */
    record Serve() implements RedirectDecision {}

    /** Any decision other than {@link Serve}. */
    sealed interface Rejection extends RedirectDecision {
        /**
         * Returns the error text, starting with its code (e.g. {@code MOVED 3999 127.0.0.1:6381}).
         *
         * @return the text without {@code -} and CRLF
         */
        String errorText();
    }

    /**
     * The slot lives on another node: {@code MOVED <slot> <endpoint>:<port>}.
     *
     * @param slot the first key's slot
     * @param nodeId the owner's ID
     * @param endpoint the owner's endpoint per {@code cluster-preferred-endpoint-type} (may be empty)
     * @param port the owner's client port
     */
    record Moved(int slot, String nodeId, String endpoint, int port) implements Rejection {
        @Override
        public String errorText() {
            return "MOVED " + slot + " " + endpoint + ":" + port;
        }
    }

    /**
     * The slot is migrating and the keys are not here: {@code ASK <slot> <endpoint>:<port>}.
     *
     * @param slot the first key's slot
     * @param nodeId the migration target's ID
     * @param endpoint the target's endpoint per {@code cluster-preferred-endpoint-type} (may be empty)
     * @param port the target's client port
     */
    record Ask(int slot, String nodeId, String endpoint, int port) implements Rejection {
        @Override
        public String errorText() {
            return "ASK " + slot + " " + endpoint + ":" + port;
        }
    }

    /** Some keys of a multi-key command are here and some are not, during a migration. */
    record TryAgain() implements Rejection {
        /** The exact text. */
        public static final String TEXT = "TRYAGAIN Multiple keys request during rehashing of slot";

        @Override
        public String errorText() {
            return TEXT;
        }
    }

    /** The keys hash to different slots. */
    record CrossSlot() implements Rejection {
        /** The exact text. */
        public static final String TEXT = "CROSSSLOT Keys in request don't hash to the same slot";

        @Override
        public String errorText() {
            return TEXT;
        }
    }

    /**
     * The cluster cannot serve the command.
     *
     * @param reason which CLUSTERDOWN error
     */
    record ClusterDown(Reason reason) implements Rejection {
        @Override
        public String errorText() {
            return reason.text();
        }
    }

    /** The three CLUSTERDOWN errors. */
    enum Reason {
        /** {@code cluster_state} is fail. */
        DOWN("CLUSTERDOWN The cluster is down"),
        /** {@code cluster_state} is fail, reads are allowed when down, and this is a write. */
        READ_ONLY("CLUSTERDOWN The cluster is down and only accepts read commands"),
        /** The first key's slot has no owner. */
        UNBOUND("CLUSTERDOWN Hash slot not served");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /**
         * Returns the exact error text.
         *
         * @return the text
         */
        public String text() {
            return text;
        }
    }
}
