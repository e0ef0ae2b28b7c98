package io.slotwise.sim.data.stream;

import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.StreamId;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds stream replies as Redis 7.0 shapes them: an entry is {@code [id, [field, value, ...]]} (an array in both
 * protocols), a deleted entry still pending in a group is {@code [id, nil]}. Stateless.
 */
final class StreamReplies {
    private StreamReplies() {}

    /** Returns the ID as a bulk string. */
    static Reply id(StreamId id) {
        return Reply.bulk(id.toString());
    }

    /** Returns the bytes as a bulk string. */
    static Reply bulk(Bytes bytes) {
        return new Reply.Bulk(bytes.toByteArray());
    }

    /** Returns one entry; {@code fields} null for an entry that no longer exists. */
    static Reply entry(StreamId id, List<Bytes> fields) {
        if (fields == null) {
            return Reply.array(id(id), Reply.nullArray());
        }
        List<Reply> items = new ArrayList<>(fields.size());
        fields.forEach(item -> items.add(bulk(item)));
        return Reply.array(id(id), new Reply.Array(items));
    }

    /** Returns the entries in the given order. */
    static Reply entries(Iterable<Map.Entry<StreamId, List<Bytes>>> entries) {
        List<Reply> replies = new ArrayList<>();
        entries.forEach(entry -> replies.add(entry(entry.getKey(), entry.getValue())));
        return new Reply.Array(replies);
    }

    /** Returns a key with its entries, one element of XREAD's reply (a map entry in RESP3, a pair in RESP2). */
    static Reply.Entry keyEntries(byte[] key, Reply entries) {
        return Reply.entry(new Reply.Bulk(key), entries);
    }
}
