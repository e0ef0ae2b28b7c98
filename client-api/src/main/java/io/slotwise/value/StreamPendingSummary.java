package io.slotwise.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The summary form of {@code XPENDING key group}: how many entries a consumer group has delivered but not yet
 * acknowledged, their lowest and highest IDs, and how many each consumer holds.
 *
 * @param count the number of pending entries, not negative
 * @param lowest the lowest pending ID, {@code null} when nothing is pending
 * @param highest the highest pending ID, {@code null} when nothing is pending
 * @param consumers the number of pending entries per consumer name, consumers without pending entries omitted, in
 *     reply order; copied into an unmodifiable map
 */
public record StreamPendingSummary(long count, StreamId lowest, StreamId highest, Map<String, Long> consumers) {

    /** Checks the components and copies the consumers. */
    public StreamPendingSummary {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        if ((lowest == null) != (highest == null)) {
            throw new IllegalArgumentException("lowest and highest must both be set or both be null");
        }
        consumers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(consumers, "consumers")));
    }
}
