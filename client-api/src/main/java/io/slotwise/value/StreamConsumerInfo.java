package io.slotwise.value;

import java.time.Duration;
import java.util.Objects;

/**
 * One consumer of a consumer group, as {@code XINFO CONSUMERS key group} reports it.
 *
 * @param name the consumer's name, never {@code null}
 * @param pending the number of entries delivered to it and not yet acknowledged
 * @param idle the time since its last attempted interaction (read, claim), never {@code null}
 * @param inactive the time since its last successful interaction, {@code null} before Redis 7.2 or when it never had
 *     one
 */
public record StreamConsumerInfo(String name, long pending, Duration idle, Duration inactive) {

    /** Checks the components. */
    public StreamConsumerInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idle, "idle");
    }
}
