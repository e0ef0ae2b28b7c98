package io.slotwise.sim.keyspace;

/**
 * A consumer of a {@link StreamGroup}: its name and when it was last seen (Redis 7.0's {@code seen-time}); its pending
 * entries live in the group's PEL. Mutable and not thread-safe; owned by its group.
 */
public final class StreamConsumer {
    private final Bytes name;
    private long seenTimeMillis;
    private boolean isNew;

    StreamConsumer(Bytes name, long seenTimeMillis, boolean isNew) {
        this.name = name;
        this.seenTimeMillis = seenTimeMillis;
        this.isNew = isNew;
    }

    /** Returns the consumer's name. */
    public Bytes name() {
        return name;
    }

    /** Returns when the consumer was last seen, in ms since the epoch. */
    public long seenTimeMillis() {
        return seenTimeMillis;
    }

    /** Records that the consumer was seen (it read or claimed). */
    public void setSeenTimeMillis(long millis) {
        seenTimeMillis = millis;
    }

    /** Returns whether the last {@link StreamGroup#consumerOrCreate} call created this consumer. */
    public boolean isNew() {
        return isNew;
    }

    void markExisting() {
        isNew = false;
    }

    StreamConsumer copy() {
        return new StreamConsumer(name, seenTimeMillis, false);
    }
}
