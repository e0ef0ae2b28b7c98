package io.slotwise.sim.keyspace;

import java.util.Comparator;

/**
 * A sorted-set member with its score.
 *
 * @param member the member; never null
 * @param score the score; never NaN, may be infinite
 */
public record ZEntry(Bytes member, double score) {
    /** A probe member that sorts after every real member with the same score; recognised by identity, never stored. */
    static final Bytes AFTER_ALL_MEMBERS = Bytes.scanProbe(0);

    /**
     * Redis's sorted-set order: by score compared numerically (so {@code -0.0} equals {@code 0.0}), then by member bytes
     * (unsigned lexicographic). Redis lists sorted sets, and the results of ZUNION, ZINTER and ZDIFF, in this order.
     */
    public static final Comparator<ZEntry> ORDER = (a, b) -> {
        if (a.score < b.score) {
            return -1;
        }
        if (a.score > b.score) {
            return 1;
        }
        if (a.member == b.member) {
            return 0;
        }
        if (a.member == AFTER_ALL_MEMBERS) {
            return 1;
        }
        if (b.member == AFTER_ALL_MEMBERS) {
            return -1;
        }
        return a.member.compareTo(b.member);
    };

    /** Validates the components. */
    public ZEntry {
        if (member == null) {
            throw new NullPointerException("member");
        }
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score is NaN");
        }
    }
}
