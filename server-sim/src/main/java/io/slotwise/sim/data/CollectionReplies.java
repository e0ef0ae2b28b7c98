package io.slotwise.sim.data;

import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Builds the replies of collection commands from keyspace values. Stateless. */
final class CollectionReplies {
    /** The null RESP2 writes as {@code $-1}: a missing field, member or element. */
    static final Reply NULL_BULK = Reply.nullBulk();

    /** The null RESP2 writes as {@code *-1}: a missing key where an array was asked for, a blocking timeout. */
    static final Reply NULL_ARRAY = Reply.nullArray();

    /** {@code *0}, also in RESP3. */
    static final Reply EMPTY_ARRAY = new Reply.Array(List.of());

    /** {@code ~0} in RESP3, {@code *0} in RESP2. */
    static final Reply EMPTY_SET = new Reply.Set(List.of());

    private CollectionReplies() {}

    /** Returns a bulk string of the bytes. */
    static Reply bulk(Bytes bytes) {
        return new Reply.Bulk(bytes.toByteArray());
    }

    /** Returns a bulk string of the bytes, or the null bulk if {@code bytes} is null. */
    static Reply bulkOrNull(Bytes bytes) {
        return bytes == null ? NULL_BULK : bulk(bytes);
    }

    /** Returns bulk strings of the elements, in order. */
    static List<Reply> bulks(Collection<Bytes> elements) {
        List<Reply> replies = new ArrayList<>(elements.size());
        elements.forEach(element -> replies.add(bulk(element)));
        return replies;
    }

    /** Returns an array of bulk strings. */
    static Reply array(Collection<Bytes> elements) {
        return new Reply.Array(bulks(elements));
    }

    /** Returns a set of bulk strings ({@code ~} in RESP3, an array in RESP2). */
    static Reply set(Collection<Bytes> members) {
        return new Reply.Set(bulks(members));
    }

    /** Returns the integer 1 or 0, as Redis answers yes/no questions such as HEXISTS. */
    static Reply flag(boolean value) {
        return Reply.integer(value ? 1 : 0);
    }
}
