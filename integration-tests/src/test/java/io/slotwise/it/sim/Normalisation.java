package io.slotwise.it.sim;

/**
 * Normalisations a script step may ask for on top of the ones {@link ReplyNormaliser} always applies, for replies
 * whose differences between two correct nodes are not about correctness.
 */
enum Normalisation {

    /**
     * The top-level elements are compared as a multiset: Redis lists the members of hash-table-encoded sets and the
     * keys of its keyspace in an order that depends on a per-process random hash seed.
     */
    UNORDERED,

    /**
     * Like {@link #UNORDERED} for a map or for an array of alternating fields and values (HGETALL in RESP2): pairs are
     * compared as a multiset. Redis lists hash-table-encoded hashes in random-seeded order.
     */
    UNORDERED_PAIRS,

    /**
     * Integers equal to the node's client port become {@code <port>} (CLUSTER SLOTS and SHARDS show the port as an
     * integer); the two nodes listen on different ports.
     */
    PORT_INTEGERS,

    /**
     * In CLUSTER NODES lines, a non-zero {@code ping-sent} or {@code pong-recv} becomes {@code <ms>}: they are wall-clock
     * times of bus messages.
     */
    NODE_TIMES,

    /** The value after an {@code id} key becomes {@code <client-id>} (HELLO): client IDs count connections. */
    CLIENT_ID,

    /**
     * In INFO text, the times of {@code cmdstat_} lines ({@code usec}, {@code usec_per_call}) and the values of {@code
     * latency_percentiles_usec_} lines become {@code <t>}, and the lines of each section are sorted: times are the
     * nodes' own, and Redis lists commands in its hash table's order.
     */
    COMMAND_STATS
}
