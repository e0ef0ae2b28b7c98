package io.slotwise.sim.keyspace;

/**
 * One entry of a consumer group's PEL: the entry delivered, the consumer that owns it, when it was last delivered and
 * how many times. Mutable and not thread-safe; owned by its group.
 */
public final class PendingEntry {
    private final StreamId id;
    private Bytes consumer;
    private long deliveryTimeMillis;
    private long deliveryCount;

    /**
     * @param id the entry's ID
     * @param consumer the owning consumer's name
     * @param deliveryTimeMillis the last delivery, in ms since the epoch
     * @param deliveryCount how many times it was delivered
     */
    public PendingEntry(StreamId id, Bytes consumer, long deliveryTimeMillis, long deliveryCount) {
        this.id = id;
        this.consumer = consumer;
        this.deliveryTimeMillis = deliveryTimeMillis;
        this.deliveryCount = deliveryCount;
    }

    /** Returns the entry's ID. */
    public StreamId id() {
        return id;
    }

    /** Returns the owning consumer's name. */
    public Bytes consumer() {
        return consumer;
    }

    /** Hands the entry to another consumer. */
    public void setConsumer(Bytes owner) {
        consumer = owner;
    }

    /** Returns the time of the last delivery, in ms since the epoch. */
    public long deliveryTimeMillis() {
        return deliveryTimeMillis;
    }

    /** Sets the time of the last delivery. */
    public void setDeliveryTimeMillis(long millis) {
        deliveryTimeMillis = millis;
    }

    /** Returns how many times the entry was delivered. */
    public long deliveryCount() {
        return deliveryCount;
    }

    /** Sets the delivery count. */
    public void setDeliveryCount(long count) {
        deliveryCount = count;
    }

    PendingEntry copy() {
        return new PendingEntry(id, consumer, deliveryTimeMillis, deliveryCount);
    }
}
