package io.slotwise.sim.data.stream;

import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.PendingEntry;
import io.slotwise.sim.keyspace.StreamConsumer;
import io.slotwise.sim.keyspace.StreamGroup;
import io.slotwise.sim.keyspace.StreamId;
import io.slotwise.sim.keyspace.StreamValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What XREADGROUP does to a group, as Redis 7.0 does it: delivering new entries moves the group's last delivered ID and
 * read counter and (without NOACK) puts each entry in the PEL, owned by the reading consumer with a delivery count of 1,
 * taking it from another consumer if it was pending there; reading a consumer's history re-delivers its pending
 * entries (counting the delivery) and shows deleted ones as {@code [id, nil]}. Stateless.
 */
final class GroupDelivery {
    private GroupDelivery() {}

    /** Returns the consumer, created if absent, marked as seen now. */
    static StreamConsumer seen(StreamGroup group, Bytes consumerName, long nowMillis) {
        StreamConsumer consumer = group.consumerOrCreate(consumerName, nowMillis);
        consumer.setSeenTimeMillis(nowMillis);
        return consumer;
    }

    /**
     * Delivers up to {@code count} entries after the group's last delivered ID ({@code count <= 0} for all).
     *
     * @return the entries delivered, as an array reply
     */
    static Reply deliverNew(
            StreamValue stream, StreamGroup group, Bytes consumer, long count, boolean noAck, long nowMillis) {
        StreamId after = group.lastDelivered();
        List<Reply> replies = new ArrayList<>();
        for (Map.Entry<StreamId, List<Bytes>> entry :
                stream.entries().tailMap(after, false).entrySet()) {
            if (count > 0 && replies.size() >= count) {
                break;
            }
            StreamId id = entry.getKey();
            advance(stream, group, id);
            replies.add(StreamReplies.entry(id, entry.getValue()));
            if (!noAck) {
                group.putPending(new PendingEntry(id, consumer, nowMillis, 1));
            }
        }
        return new Reply.Array(replies);
    }

    /** Moves the group's last delivered ID to {@code id} (if above it), keeping the read counter as Redis does. */
    static void advance(StreamValue stream, StreamGroup group, StreamId id) {
        if (id.compareTo(group.lastDelivered()) <= 0) {
            return;
        }
        if (group.entriesRead() != StreamGroup.UNKNOWN_ENTRIES_READ && !stream.hasTombstonesFrom(id)) {
            group.setEntriesRead(group.entriesRead() + 1);
        } else if (stream.entriesAdded() != 0) {
            group.setEntriesRead(stream.estimateEntriesRead(id));
        }
        group.setLastDelivered(id);
    }

    /**
     * Re-delivers the consumer's pending entries after {@code after}, up to {@code count} ({@code count <= 0} for all).
     */
    static Reply history(
            StreamValue stream, StreamGroup group, Bytes consumer, StreamId after, long count, long nowMillis) {
        List<Reply> replies = new ArrayList<>();
        for (PendingEntry pending : group.pending().tailMap(after, false).values()) {
            if (!pending.consumer().equals(consumer)) {
                continue;
            }
            if (count > 0 && replies.size() >= count) {
                break;
            }
            List<Bytes> fields = stream.entries().get(pending.id());
            replies.add(StreamReplies.entry(pending.id(), fields));
            if (fields != null) {
                pending.setDeliveryTimeMillis(nowMillis);
                pending.setDeliveryCount(pending.deliveryCount() + 1);
            }
        }
        return new Reply.Array(replies);
    }
}
