package io.slotwise.sim.cluster;

import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/** Short constructor for expected map replies with text keys in tests; the other shapes use {@link Reply}'s. */
final class ReplyTrees {

    private ReplyTrees() {}

    /** A map from alternating key (String, sent as a bulk string) and value (Reply) arguments. */
    static Reply map(Object... keysAndValues) {
        List<Reply.Entry> entries = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.add(Reply.entry(Reply.bulk((String) keysAndValues[i]), (Reply) keysAndValues[i + 1]));
        }
        return new Reply.Map(entries);
    }
}
