package io.slotwise.api.args;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The range of the extended form of {@code XPENDING}: an ID range and a count, optionally only entries idle at least
 * some time ({@code IDLE}) and only those of one consumer. Immutable;
 * {@code XPendingArgs.range(StreamBound.minimum(), StreamBound.maximum(), 10).idle(Duration.ofMinutes(1))}.
 */
public final class XPendingArgs {

    private final StreamBound start;
    private final StreamBound end;
    private final long count;
    private final Duration minIdle;
    private final String consumer;

    private XPendingArgs(StreamBound start, StreamBound end, long count, Duration minIdle, String consumer) {
        this.start = start;
        this.end = end;
        this.count = count;
        this.minIdle = minIdle;
        this.consumer = consumer;
    }

    /**
     * Selects at most {@code count} pending entries with IDs from {@code start} to {@code end}.
     *
     * @param start the lowest ID
     * @param end the highest ID
     * @param count the maximum number of entries, not negative
     * @return the range, of all consumers, regardless of idle time
     */
    public static XPendingArgs range(StreamBound start, StreamBound end, long count) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (count < 0) {
            throw new IllegalArgumentException("XPENDING count must not be negative, was " + count);
        }
        return new XPendingArgs(start, end, count, null, null);
    }

    /**
     * Returns this range limited to entries delivered at least {@code idle} ago ({@code IDLE}).
     *
     * @param idle the minimum idle time, in whole milliseconds; not negative
     * @return the new range
     */
    public XPendingArgs idle(Duration idle) {
        Objects.requireNonNull(idle, "idle");
        if (idle.isNegative()) {
            throw new IllegalArgumentException("XPENDING IDLE must not be negative, was " + idle);
        }
        return new XPendingArgs(start, end, count, idle, consumer);
    }

    /**
     * Returns this range limited to the entries of one consumer.
     *
     * @param name the consumer's name, never {@code null}
     * @return the new range
     */
    public XPendingArgs consumer(String name) {
        return new XPendingArgs(start, end, count, minIdle, Objects.requireNonNull(name, "name"));
    }

    /**
     * Returns the RESP arguments of this range, which come after the group.
     *
     * @return {@code [IDLE ms] start end count [consumer]}; fresh arrays
     */
    public List<byte[]> arguments() {
        List<byte[]> args = new ArrayList<>(6);
        if (minIdle != null) {
            args.add(Tokens.of("IDLE"));
            args.add(Tokens.of(minIdle.toMillis()));
        }
        args.add(start.argument());
        args.add(end.argument());
        args.add(Tokens.of(count));
        if (consumer != null) {
            args.add(Tokens.of(consumer));
        }
        return args;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof XPendingArgs that
                && start.equals(that.start)
                && end.equals(that.end)
                && count == that.count
                && Objects.equals(minIdle, that.minIdle)
                && Objects.equals(consumer, that.consumer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, count, minIdle, consumer);
    }

    @Override
    public String toString() {
        return "XPendingArgs[" + start + " " + end + " " + count + ", idle=" + minIdle + ", consumer=" + consumer + "]";
    }
}
