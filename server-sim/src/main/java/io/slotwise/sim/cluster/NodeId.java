package io.slotwise.sim.cluster;

import java.util.random.RandomGenerator;

/**
 * Cluster node IDs: 40 characters. Redis generates them as lower-case hex and accepts any {@code [a-z0-9]{40}} when
 * looking a node up or loading nodes.conf; anything else is simply an unknown node. Stateless and thread-safe.
 */
public final class NodeId {

    /** The length of every node ID. */
    public static final int LENGTH = 40;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private NodeId() {}

    /**
     * Generates a fresh random node ID.
     *
     * @param random the source of randomness, never {@code null}; only this call's thread may use it meanwhile
     * @return 40 lower-case hex characters
     */
    public static String random(RandomGenerator random) {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = HEX[random.nextInt(16)];
        }
        return new String(id);
    }

    /**
     * Tells whether a string is shaped like a node ID: exactly 40 characters of {@code [a-z0-9]}.
     *
     * @param candidate the string, may be {@code null}
     * @return {@code true} if well formed
     */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = candidate.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
