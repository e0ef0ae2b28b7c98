package io.slotwise.sim.cluster;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The node flags a Redis 7 node prints in CLUSTER NODES and nodes.conf. The declaration order is the fixed print order
 * ({@code myself,master,slave,fail?,fail,handshake,noaddr,nofailover}); a node without flags prints {@code noflags}.
 * Internal-only flags are not modelled here and are never printed: MEET is {@link ClusterNode#meetPending()}, MIGRATE_TO
 * is {@link ClusterState#isMigrationTarget(ClusterNode)}.
 */
public enum NodeFlag {
    /** This node is the one holding the state. */
    MYSELF("myself"),
    /** The node is a master. */
    MASTER("master"),
    /** The node is a replica (Redis keeps the word {@code slave} on the wire). */
    SLAVE("slave"),
    /** Possible failure: this node alone cannot reach it ({@code fail?}). */
    PFAIL("fail?"),
    /** Failure agreed by a majority of masters. */
    FAIL("fail"),
    /** First contact in progress; the node's real ID is not known yet. */
    HANDSHAKE("handshake"),
    /** The node's address is unknown. */
    NOADDR("noaddr"),
    /** The replica will never try to fail over its master. */
    NOFAILOVER("nofailover");

    /** The token printed when a node has no flag at all. */
    public static final String NO_FLAGS = "noflags";

    private final String label;

    NodeFlag(String label) {
        this.label = label;
    }

    /**
     * Returns the token Redis prints for this flag.
     *
     * @return the token, never {@code null}
     */
    public String label() {
        return label;
    }

    /**
     * Renders a flag set as Redis does: comma-separated in declaration order, or {@code noflags} when empty.
     *
     * @param flags the flags, never {@code null}
     * @return the rendering, never empty
     */
    public static String render(Set<NodeFlag> flags) {
        if (flags.isEmpty()) {
            return NO_FLAGS;
        }
        StringBuilder out = new StringBuilder();
        for (NodeFlag flag : values()) {
            if (flags.contains(flag)) {
                if (out.length() > 0) {
                    out.append(',');
                }
                out.append(flag.label);
            }
        }
        return out.toString();
    }

    /**
     * Parses a comma-separated flag list as found in nodes.conf (case-insensitive; {@code noflags} contributes nothing).
     *
     * @param text the list, never {@code null}
     * @return a new mutable set
     * @throws IllegalArgumentException naming the first unknown token
     */
    public static EnumSet<NodeFlag> parse(String text) {
        EnumSet<NodeFlag> flags = EnumSet.noneOf(NodeFlag.class);
        for (String token : text.split(",", -1)) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.equals(NO_FLAGS)) {
                continue;
            }
            flags.add(fromLabel(lower, token));
        }
        return flags;
    }

    private static NodeFlag fromLabel(String lower, String original) {
        for (NodeFlag flag : values()) {
            if (flag.label.equals(lower)) {
                return flag;
            }
        }
        throw new IllegalArgumentException("unknown node flag '" + original + "'");
    }
}
