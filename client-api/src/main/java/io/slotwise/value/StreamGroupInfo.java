package io.slotwise.value;

import java.util.Objects;

/**
 * One consumer group of a stream, as {@code XINFO GROUPS key} reports it.
 *
 * @param name the group's name, never {@code null}
 * @param consumers the number of consumers in the group
 * @param pending the number of delivered but unacknowledged entries
 * @param lastDeliveredId the ID of the last entry delivered to the group, never {@code null}
 * @param entriesRead the logical read counter of the group, {@code null} when the server cannot tell it or is older than
 *     Redis 7.0
 * @param lag the number of entries not yet delivered to the group, {@code null} when the server cannot tell it (after
 *     deletions) or is older than Redis 7.0
 */
public record StreamGroupInfo(
        String name, long consumers, long pending, StreamId lastDeliveredId, Long entriesRead, Long lag) {

    /** Checks the components. */
    public StreamGroupInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lastDeliveredId, "lastDeliveredId");
    }
}
