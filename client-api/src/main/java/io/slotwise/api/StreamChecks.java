package io.slotwise.api;

import io.slotwise.api.args.StreamOffset;
import io.slotwise.api.args.StreamPosition;
import io.slotwise.api.args.XReadArgs;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Checks of stream command arguments that only some stream commands accept, done before a command is built. */
final class StreamChecks {

    private StreamChecks() {}

    /** The offsets of XREAD: at least one, none reading from {@code >}; no NOACK in the options. */
    static <K> List<StreamOffset<K>> xreadOffsets(XReadArgs args, List<StreamOffset<K>> offsets) {
        Objects.requireNonNull(args, "args");
        if (args.isNoAck()) {
            throw new IllegalArgumentException("XREAD does not accept NOACK; only XREADGROUP does");
        }
        for (StreamOffset<K> offset : atLeastOne("XREAD", offsets)) {
            if (offset.position().equals(StreamPosition.undelivered())) {
                throw new IllegalArgumentException(
                        "XREAD does not accept > (undelivered); it is only for XREADGROUP. Use an ID or lastEntry()");
            }
        }
        return offsets;
    }

    /** The offsets of XREADGROUP: at least one, none reading from {@code $}. */
    static <K> List<StreamOffset<K>> xreadgroupOffsets(List<StreamOffset<K>> offsets) {
        for (StreamOffset<K> offset : atLeastOne("XREADGROUP", offsets)) {
            if (offset.position().equals(StreamPosition.lastEntry())) {
                throw new IllegalArgumentException("XREADGROUP does not accept $ (lastEntry); use undelivered() (>)"
                        + " for new entries or an ID for the consumer's pending entries");
            }
        }
        return offsets;
    }

    /** The start of a group (XGROUP CREATE, SETID): an ID or {@code $}. */
    static StreamPosition groupStart(String command, StreamPosition position) {
        Objects.requireNonNull(position, "position");
        if (position.equals(StreamPosition.undelivered())) {
            throw new IllegalArgumentException(
                    command + " does not accept > (undelivered); use an ID or lastEntry() ($)");
        }
        return position;
    }

    /** A group or consumer name, never null. */
    static String name(String what, String name) {
        return Objects.requireNonNull(name, () -> "the " + what + " name must not be null");
    }

    /** The minimum idle time of XCLAIM and XAUTOCLAIM, in milliseconds. */
    static long minIdleMillis(Duration minIdle) {
        Objects.requireNonNull(minIdle, "minIdle");
        if (minIdle.isNegative()) {
            throw new IllegalArgumentException("min-idle-time must not be negative, was " + minIdle);
        }
        return minIdle.toMillis();
    }

    /** A positive count (XAUTOCLAIM's COUNT). */
    static long positiveCount(String command, long count) {
        if (count < 1) {
            throw new IllegalArgumentException(command + " COUNT must be at least 1, was " + count);
        }
        return count;
    }

    /** A non-negative count (XRANGE's COUNT). */
    static long nonNegativeCount(String command, long count) {
        if (count < 0) {
            throw new IllegalArgumentException(command + " COUNT must not be negative, was " + count);
        }
        return count;
    }

    private static <T> List<T> atLeastOne(String command, List<T> items) {
        Objects.requireNonNull(items, "offsets");
        if (items.isEmpty()) {
            throw new IllegalArgumentException(command + " needs at least one stream");
        }
        return items;
    }
}
