package io.slotwise.sim.keyspace;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link DumpPayload} body of a stream, with len and str as there and id = two 8-byte big-endian longs (ms, seq):
 *
 * <pre>
 * id(last generated) id(max deleted) long(entries added)
 * len(entry count) (id, len(field count), (str field, str value)*fields)*entries      ID order
 * len(node count) (id(node's first ID), len(deleted entries in the node))*nodes      ID order
 * len(group count) group*groups                                                       name order
 * group: str(name) id(last delivered) long(entries read, -1 unknown)
 *        len(pending count) (id, str consumer, long delivery time, long delivery count)*pending   ID order
 *        len(consumer count) (str name, long seen time)*consumers                                 name order
 * </pre>
 *
 * Counts may be zero (a stream may have no entries). Stateless.
 */
final class StreamPayload {
    private StreamPayload() {}

    static void write(ByteArrayOutputStream out, StreamValue stream) {
        writeId(out, stream.lastId());
        writeId(out, stream.maxDeletedId());
        DumpPayload.writeLong(out, stream.entriesAdded(), false);
        DumpPayload.writeLength(out, stream.size());
        for (Map.Entry<StreamId, List<Bytes>> entry : stream.entries().entrySet()) {
            writeId(out, entry.getKey());
            DumpPayload.writeLength(out, entry.getValue().size() / 2);
            entry.getValue().forEach(item -> DumpPayload.writeString(out, item));
        }
        DumpPayload.writeLength(out, stream.nodes().size());
        for (Map.Entry<StreamId, int[]> node : stream.nodes().entrySet()) {
            writeId(out, node.getKey());
            DumpPayload.writeLength(out, node.getValue()[1]);
        }
        DumpPayload.writeLength(out, stream.groups().size());
        for (StreamGroup group : stream.groups().values()) {
            DumpPayload.writeString(out, group.name());
            writeId(out, group.lastDelivered());
            DumpPayload.writeLong(out, group.entriesRead(), false);
            DumpPayload.writeLength(out, group.pending().size());
            for (PendingEntry pending : group.pending().values()) {
                writeId(out, pending.id());
                DumpPayload.writeString(out, pending.consumer());
                DumpPayload.writeLong(out, pending.deliveryTimeMillis(), false);
                DumpPayload.writeLong(out, pending.deliveryCount(), false);
            }
            DumpPayload.writeLength(out, group.consumers().size());
            for (StreamConsumer consumer : group.consumers().values()) {
                DumpPayload.writeString(out, consumer.name());
                DumpPayload.writeLong(out, consumer.seenTimeMillis(), false);
            }
        }
    }

    static StreamValue read(DumpBodyReader in) throws DumpPayloadException {
        StreamValue stream = new StreamValue();
        StreamId lastId = readId(in);
        StreamId maxDeleted = readId(in);
        long entriesAdded = in.readLongBigEndian();
        StreamId previous = null;
        for (int i = in.readLength(); i > 0; i--) {
            StreamId id = readId(in);
            if (previous != null && id.compareTo(previous) <= 0) {
                throw DumpBodyReader.bad();
            }
            int fields = in.readCount();
            List<Bytes> items = new ArrayList<>(2 * fields);
            for (int f = 0; f < 2 * fields; f++) {
                items.add(in.readString());
            }
            stream.append(id, items);
            previous = id;
        }
        if (previous != null && previous.compareTo(lastId) > 0) {
            throw DumpBodyReader.bad();
        }
        Map<StreamId, Integer> nodes = new TreeMap<>();
        for (int n = in.readLength(); n > 0; n--) {
            nodes.put(readId(in), in.readLength());
        }
        try {
            stream.restoreNodes(nodes);
        } catch (IllegalArgumentException e) {
            throw DumpBodyReader.bad();
        }
        stream.setLastId(lastId);
        stream.setMaxDeletedId(maxDeleted);
        stream.setEntriesAdded(entriesAdded);
        for (int g = in.readLength(); g > 0; g--) {
            StreamGroup group = stream.createGroup(in.readString(), readId(in), in.readLongBigEndian());
            if (group == null) {
                throw DumpBodyReader.bad();
            }
            for (int p = in.readLength(); p > 0; p--) {
                group.putPending(
                        new PendingEntry(readId(in), in.readString(), in.readLongBigEndian(), in.readLongBigEndian()));
            }
            for (int c = in.readLength(); c > 0; c--) {
                group.restoreConsumer(new StreamConsumer(in.readString(), in.readLongBigEndian(), false));
            }
        }
        return stream;
    }

    private static void writeId(ByteArrayOutputStream out, StreamId id) {
        DumpPayload.writeLong(out, id.ms(), false);
        DumpPayload.writeLong(out, id.seq(), false);
    }

    private static StreamId readId(DumpBodyReader in) throws DumpPayloadException {
        return new StreamId(in.readLongBigEndian(), in.readLongBigEndian());
    }
}
