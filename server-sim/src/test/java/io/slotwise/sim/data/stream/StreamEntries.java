package io.slotwise.sim.data.stream;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;

/** Wire texts of stream entries for the stream tests. */
final class StreamEntries {
    private StreamEntries() {}

    /** Returns {@code [id, [field, value, ...]]}. */
    static String entry(String id, String... fieldsAndValues) {
        String[] items = new String[fieldsAndValues.length];
        for (int i = 0; i < items.length; i++) {
            items[i] = bulk(fieldsAndValues[i]);
        }
        return array(bulk(id), array(items));
    }
}
