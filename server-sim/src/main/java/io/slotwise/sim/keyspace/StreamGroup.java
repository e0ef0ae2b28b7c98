package io.slotwise.sim.keyspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A consumer group of a {@link StreamValue}: its last delivered ID, its logical read counter, its pending entries list
 * (PEL: delivered but not acknowledged entries, in ID order) and its consumers in name order. Mutable and not
 * thread-safe; owned by its stream.
 */
public final class StreamGroup {
    /** The read counter of a group whose position among the stream's entries is unknown (Redis's -1). */
    public static final long UNKNOWN_ENTRIES_READ = -1;

    private final Bytes name;
    private final TreeMap<StreamId, PendingEntry> pending = new TreeMap<>();
    private final TreeMap<Bytes, StreamConsumer> consumers = new TreeMap<>();
    private StreamId lastDelivered;
    private long entriesRead;

    StreamGroup(Bytes name, StreamId lastDelivered, long entriesRead) {
        this.name = name;
        this.lastDelivered = lastDelivered;
        this.entriesRead = entriesRead;
    }

    /** Returns the group's name. */
    public Bytes name() {
        return name;
    }

    /** Returns the ID of the last entry delivered to the group. */
    public StreamId lastDelivered() {
        return lastDelivered;
    }

    /** Sets the last delivered ID. */
    public void setLastDelivered(StreamId id) {
        lastDelivered = id;
    }

    /** Returns the logical read counter, or {@link #UNKNOWN_ENTRIES_READ}. */
    public long entriesRead() {
        return entriesRead;
    }

    /** Sets the logical read counter. */
    public void setEntriesRead(long count) {
        entriesRead = count;
    }

    /** Returns an unmodifiable live view of the group's PEL in ID order. */
    public NavigableMap<StreamId, PendingEntry> pending() {
        return Collections.unmodifiableNavigableMap(pending);
    }

    /** Returns the pending entries owned by {@code consumer}, in ID order. */
    public List<PendingEntry> pendingOf(Bytes consumer) {
        List<PendingEntry> owned = new ArrayList<>();
        for (PendingEntry entry : pending.values()) {
            if (entry.consumer().equals(consumer)) {
                owned.add(entry);
            }
        }
        return owned;
    }

    /** Returns the number of pending entries owned by {@code consumer}. */
    public int pendingCount(Bytes consumer) {
        int count = 0;
        for (PendingEntry entry : pending.values()) {
            if (entry.consumer().equals(consumer)) {
                count++;
            }
        }
        return count;
    }

    /** Adds or replaces the pending entry of {@code entry.id()}. */
    public void putPending(PendingEntry entry) {
        pending.put(entry.id(), entry);
    }

    /** Removes a pending entry (XACK); returns whether it was pending. */
    public boolean acknowledge(StreamId id) {
        return pending.remove(id) != null;
    }

    /** Returns an unmodifiable live view of the consumers in name order. */
    public NavigableMap<Bytes, StreamConsumer> consumers() {
        return Collections.unmodifiableNavigableMap(consumers);
    }

    /** Returns the consumer called {@code name}, or {@code null}. */
    public StreamConsumer consumer(Bytes consumerName) {
        return consumers.get(consumerName);
    }

    /**
     * Returns the consumer called {@code consumerName}, creating it (seen at {@code nowMillis}) if absent.
     *
     * @return the consumer; {@link StreamConsumer#isNew()} tells whether it was created by this call
     */
    public StreamConsumer consumerOrCreate(Bytes consumerName, long nowMillis) {
        StreamConsumer existing = consumers.get(consumerName);
        if (existing != null) {
            existing.markExisting();
            return existing;
        }
        StreamConsumer created = new StreamConsumer(consumerName, nowMillis, true);
        consumers.put(consumerName, created);
        return created;
    }

    /** Restores a consumer as read from a payload. */
    void restoreConsumer(StreamConsumer consumer) {
        consumers.put(consumer.name(), consumer);
    }

    /**
     * Removes a consumer and its pending entries (XGROUP DELCONSUMER).
     *
     * @return how many entries it had pending, or -1 if it did not exist
     */
    public long deleteConsumer(Bytes consumerName) {
        if (consumers.remove(consumerName) == null) {
            return -1;
        }
        long removed = 0;
        var iterator = pending.values().iterator();
        while (iterator.hasNext()) {
            if (iterator.next().consumer().equals(consumerName)) {
                iterator.remove();
                removed++;
            }
        }
        return removed;
    }

    StreamGroup copy() {
        StreamGroup copy = new StreamGroup(name, lastDelivered, entriesRead);
        pending.forEach((id, entry) -> copy.pending.put(id, entry.copy()));
        consumers.forEach((consumerName, consumer) -> copy.consumers.put(consumerName, consumer.copy()));
        return copy;
    }
}
