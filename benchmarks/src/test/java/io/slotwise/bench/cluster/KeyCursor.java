package io.slotwise.bench.cluster;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Walks the benchmark keys round-robin, one cursor per benchmark thread. */
@State(Scope.Thread)
public class KeyCursor {

    private int next;

    /** The next key of {@code cluster}'s key list. */
    String next(ClusterUnderTest cluster) {
        String key = cluster.keys.get(next);
        next = (next + 1) % cluster.keys.size();
        return key;
    }
}
