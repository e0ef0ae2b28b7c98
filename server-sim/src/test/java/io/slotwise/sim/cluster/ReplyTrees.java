package io.slotwise.sim.cluster;

import java.util.ArrayList;
import java.util.List;

/** Short constructors for expected {@link ClusterReply} trees in tests. */
final class ReplyTrees {

    private ReplyTrees() {}

    static ClusterReply integer(long value) {
        return new ClusterReply.Int(value);
    }

    static ClusterReply bulk(String value) {
        return new ClusterReply.Bulk(value);
    }

    static ClusterReply array(ClusterReply... items) {
        return new ClusterReply.Array(List.of(items));
    }

    /** A map from alternating key (String) and value (ClusterReply) arguments. */
    static ClusterReply map(Object... keysAndValues) {
        List<ClusterReply.Entry> entries = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.add(new ClusterReply.Entry((String) keysAndValues[i], (ClusterReply) keysAndValues[i + 1]));
        }
        return new ClusterReply.Dict(entries);
    }
}
