package io.slotwise.value;

import java.time.Duration;
import java.util.Objects;

/**
 * One entry of a consumer group's pending entries list, as the extended form of {@code XPENDING} returns it.
 *
 * @param id the entry's ID, never {@code null}
 * @param consumer the consumer that holds it, never {@code null}
 * @param idle the time since it was last delivered, never {@code null}
 * @param deliveries how many times it was delivered
 */
public record StreamPendingEntry(StreamId id, String consumer, Duration idle, long deliveries) {

    /** Checks the components. */
    public StreamPendingEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(idle, "idle");
    }
}
