package io.slotwise.sim.keyspace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Counts the nodes of the radix tree Redis keeps a stream's nodes in ({@code radix-tree-nodes} of XINFO STREAM): keys
 * are the 16-byte big-endian node IDs; a run of bytes shared by all keys below a point is one compressed node, a point
 * where keys part is one branching node, and every key ends in a leaf. An empty tree is its root alone. Stateless.
 */
final class RaxShape {
    private static final int KEY_LENGTH = 16;

    private RaxShape() {}

    /** Returns the number of nodes of a radix tree holding the given IDs. */
    static int nodeCount(Collection<StreamId> ids) {
        if (ids.isEmpty()) {
            return 1;
        }
        List<byte[]> keys = new ArrayList<>(ids.size());
        for (StreamId id : ids) {
            byte[] key = new byte[KEY_LENGTH];
            for (int i = 0; i < 8; i++) {
                key[i] = (byte) (id.ms() >>> (56 - 8 * i));
                key[8 + i] = (byte) (id.seq() >>> (56 - 8 * i));
            }
            keys.add(key);
        }
        return count(keys, 0);
    }

    /** Counts the nodes below (and including) the node reached after {@code depth} bytes, for keys in ID order. */
    private static int count(List<byte[]> keys, int depth) {
        if (depth == KEY_LENGTH) {
            return 1;
        }
        int shared = depth;
        while (shared < KEY_LENGTH && allEqualAt(keys, shared)) {
            shared++;
        }
        if (shared > depth) {
            return 1 + count(keys, shared);
        }
        int nodes = 1;
        int from = 0;
        for (int i = 1; i <= keys.size(); i++) {
            if (i == keys.size() || keys.get(i)[depth] != keys.get(from)[depth]) {
                nodes += count(keys.subList(from, i), depth + 1);
                from = i;
            }
        }
        return nodes;
    }

    private static boolean allEqualAt(List<byte[]> keys, int index) {
        byte first = keys.get(0)[index];
        for (byte[] key : keys) {
            if (key[index] != first) {
                return false;
            }
        }
        return true;
    }
}
