package io.slotwise.sim.keyspace;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A stream: entries (an ID and an even-length list of fields and values) in ID order, the stream's bookkeeping (last
 * generated ID, largest deleted ID, number of entries ever added) and its consumer groups ordered by name. Unlike the
 * other collections a stream is not removed when it has no entries.
 *
 * <p>Entries are grouped into nodes as Redis groups them into listpacks: a node holds at most {@value #NODE_MAX_ENTRIES}
 * entries counting deleted ones (Redis's default {@code stream-node-max-entries}; its byte limit is not modelled), is
 * removed when its last live entry is deleted, and is what approximate trimming ({@code ~}) removes whole. Mutable and not thread-safe; see {@link Value} for
 * the write protocol.
 */
public final class StreamValue implements Value {
    private final TreeMap<StreamId, List<Bytes>> entries = new TreeMap<>();
    private final TreeMap<Bytes, StreamGroup> groups = new TreeMap<>();
    private final TreeMap<StreamId, int[]> nodes = new TreeMap<>();
    private StreamId lastId = StreamId.MIN;
    private StreamId maxDeletedId = StreamId.MIN;
    private long entriesAdded;

    /** The most entries (live or deleted) one node holds. */
    public static final int NODE_MAX_ENTRIES = 100;

    /** Creates an empty stream without groups. */
    public StreamValue() {}

    /** Returns the number of entries ({@code XLEN}). */
    public int size() {
        return entries.size();
    }

    /** Returns an unmodifiable live view of the entries in ID order; each value is fields and values alternating. */
    public NavigableMap<StreamId, List<Bytes>> entries() {
        return Collections.unmodifiableNavigableMap(entries);
    }

    /**
     * Appends an entry and makes its ID the last generated one.
     *
     * @param id the ID; must be greater than {@link #lastId()}
     * @param fieldsAndValues fields and values alternating, at least one pair
     */
    public void append(StreamId id, List<Bytes> fieldsAndValues) {
        if (id.compareTo(lastId) <= 0) {
            throw new IllegalArgumentException("ID " + id + " is not above the last ID " + lastId);
        }
        entries.put(id, List.copyOf(fieldsAndValues));
        Map.Entry<StreamId, int[]> tail = nodes.lastEntry();
        if (tail == null || tail.getValue()[0] + tail.getValue()[1] >= NODE_MAX_ENTRIES) {
            nodes.put(id, new int[] {1, 0});
        } else {
            tail.getValue()[0]++;
        }
        lastId = id;
        entriesAdded++;
    }

    /** Removes the entry {@code id} as XDEL does (recording it as the largest deleted ID if it is); returns whether it existed. */
    public boolean delete(StreamId id) {
        if (entries.remove(id) == null) {
            return false;
        }
        removeFromNode(id);
        if (id.compareTo(maxDeletedId) > 0) {
            maxDeletedId = id;
        }
        return true;
    }

    /** Removes the first entry as trimming does (not counted as a deletion); returns its ID, or null if empty. */
    public StreamId trimFirst() {
        Map.Entry<StreamId, List<Bytes>> first = entries.pollFirstEntry();
        if (first == null) {
            return null;
        }
        removeFromNode(first.getKey());
        return first.getKey();
    }

    /** Returns the number of nodes ({@code radix-tree-keys}). */
    public int nodeCount() {
        return nodes.size();
    }

    /** Returns the number of nodes of the radix tree indexing the stream's nodes ({@code radix-tree-nodes}). */
    public int radixTreeNodeCount() {
        return RaxShape.nodeCount(nodes.keySet());
    }

    /** Returns the live entries of the first node, or 0 when the stream has no entries. */
    public int firstNodeSize() {
        return nodes.isEmpty() ? 0 : nodes.firstEntry().getValue()[0];
    }

    /** Returns the ID of the last live entry of the first node, or {@code null} when the stream has no entries. */
    public StreamId firstNodeLastId() {
        if (nodes.isEmpty()) {
            return null;
        }
        StreamId next = nodes.higherKey(nodes.firstKey());
        return next == null ? entries.lastKey() : entries.lowerKey(next);
    }

    /** Removes the first node with all its entries, as approximate trimming does; returns how many entries it held. */
    public int trimFirstNode() {
        Map.Entry<StreamId, int[]> first = nodes.pollFirstEntry();
        if (first == null) {
            return 0;
        }
        StreamId next = nodes.isEmpty() ? null : nodes.firstKey();
        var doomed = next == null ? entries : entries.headMap(next, false);
        int removed = doomed.size();
        doomed.clear();
        return removed;
    }

    /** Returns each node's first ID and deleted-entry count, for the payload. */
    Map<StreamId, int[]> nodes() {
        return nodes;
    }

    /** Replaces the node layout as read from a payload: first IDs and deleted counts; live counts are recomputed. */
    void restoreNodes(Map<StreamId, Integer> deletedByFirstId) {
        nodes.clear();
        deletedByFirstId.forEach((first, deleted) -> nodes.put(first, new int[] {0, deleted}));
        for (StreamId id : entries.keySet()) {
            Map.Entry<StreamId, int[]> node = nodes.floorEntry(id);
            if (node == null) {
                throw new IllegalArgumentException("entry " + id + " lies before every node");
            }
            node.getValue()[0]++;
        }
        nodes.values().removeIf(node -> node[0] == 0);
    }

    private void removeFromNode(StreamId id) {
        Map.Entry<StreamId, int[]> node = nodes.floorEntry(id);
        int[] counts = node.getValue();
        counts[0]--;
        counts[1]++;
        if (counts[0] == 0) {
            nodes.remove(node.getKey());
        }
    }

    /** Returns the ID of the first entry, or {@code 0-0} when empty ({@code recorded-first-entry-id}). */
    public StreamId firstId() {
        return entries.isEmpty() ? StreamId.MIN : entries.firstKey();
    }

    /** Returns the last generated ID, {@code 0-0} for a new stream. */
    public StreamId lastId() {
        return lastId;
    }

    /** Sets the last generated ID (XSETID); the caller checks it is not below the last entry. */
    public void setLastId(StreamId id) {
        lastId = id;
    }

    /** Returns the largest ID ever removed by XDEL, {@code 0-0} if none. */
    public StreamId maxDeletedId() {
        return maxDeletedId;
    }

    /** Sets the largest deleted ID (XSETID MAXDELETEDID). */
    public void setMaxDeletedId(StreamId id) {
        maxDeletedId = id;
    }

    /** Returns how many entries were ever appended. */
    public long entriesAdded() {
        return entriesAdded;
    }

    /** Sets the count of entries ever appended (XSETID ENTRIESADDED). */
    public void setEntriesAdded(long count) {
        entriesAdded = count;
    }

    /** Returns an unmodifiable live view of the consumer groups by name, in name order (unsigned bytes). */
    public NavigableMap<Bytes, StreamGroup> groups() {
        return Collections.unmodifiableNavigableMap(groups);
    }

    /** Returns the group called {@code name}, or {@code null}. */
    public StreamGroup group(Bytes name) {
        return groups.get(name);
    }

    /**
     * Creates a group.
     *
     * @return the new group, or {@code null} if one of that name exists
     */
    public StreamGroup createGroup(Bytes name, StreamId lastDelivered, long entriesRead) {
        if (groups.containsKey(name)) {
            return null;
        }
        StreamGroup group = new StreamGroup(name, lastDelivered, entriesRead);
        groups.put(name, group);
        return group;
    }

    /** Removes a group; returns whether it existed. */
    public boolean destroyGroup(Bytes name) {
        return groups.remove(name) != null;
    }

    /**
     * Estimates the logical position (how many entries were added up to and including it) of {@code id} as Redis 7.0
     * does; -1 when it cannot be known because of deletions or because {@code id} lies in the future.
     */
    public long estimateEntriesRead(StreamId id) {
        if (entriesAdded == 0) {
            return 0;
        }
        int vsLast = id.compareTo(lastId);
        if (entries.isEmpty() && vsLast <= 0) {
            return entriesAdded;
        }
        if (vsLast == 0) {
            return entriesAdded;
        } else if (vsLast > 0) {
            return StreamGroup.UNKNOWN_ENTRIES_READ;
        }
        StreamId first = firstId();
        int vsFirst = id.compareTo(first);
        if (maxDeletedId.isZero() || maxDeletedId.compareTo(first) < 0) {
            if (vsFirst < 0) {
                return entriesAdded - entries.size();
            } else if (vsFirst == 0) {
                return entriesAdded - entries.size() + 1;
            }
        }
        return StreamGroup.UNKNOWN_ENTRIES_READ;
    }

    /** Returns whether an XDEL tombstone may lie at or after {@code from}, as Redis 7.0's range check decides. */
    public boolean hasTombstonesFrom(StreamId from) {
        if (entries.isEmpty() || maxDeletedId.isZero()) {
            return false;
        }
        if (firstId().compareTo(maxDeletedId) > 0) {
            return false;
        }
        return from.compareTo(maxDeletedId) <= 0;
    }

    /** Returns the lag of a group as XINFO reports it, or -1 when it cannot be computed (a null reply). */
    public long lag(StreamGroup group) {
        if (entriesAdded == 0) {
            return 0;
        }
        if (group.entriesRead() != StreamGroup.UNKNOWN_ENTRIES_READ && !hasTombstonesFrom(group.lastDelivered())) {
            return entriesAdded - group.entriesRead();
        }
        long estimate = estimateEntriesRead(group.lastDelivered());
        return estimate == StreamGroup.UNKNOWN_ENTRIES_READ ? -1 : entriesAdded - estimate;
    }

    @Override
    public ValueType type() {
        return ValueType.STREAM;
    }

    @Override
    public StreamValue copy() {
        StreamValue copy = new StreamValue();
        copy.entries.putAll(entries);
        nodes.forEach((first, counts) -> copy.nodes.put(first, counts.clone()));
        copy.lastId = lastId;
        copy.maxDeletedId = maxDeletedId;
        copy.entriesAdded = entriesAdded;
        groups.forEach((name, group) -> copy.groups.put(name, group.copy()));
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamValue
                && Arrays.equals(DumpPayload.encode(this), DumpPayload.encode((StreamValue) other));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(DumpPayload.encode(this));
    }

    @Override
    public String toString() {
        return "stream(" + entries.size() + " entries, " + groups.size() + " groups)";
    }
}
