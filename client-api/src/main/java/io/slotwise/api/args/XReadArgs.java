package io.slotwise.api.args;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@code XREAD} and {@code XREADGROUP}: {@code COUNT} (at most that many entries per stream), {@code BLOCK}
 * (wait up to a timeout for entries when there are none) and, for {@code XREADGROUP} only, {@code NOACK} (do not add
 * the delivered entries to the pending list). Immutable; {@code XReadArgs.none().count(10).block(Duration.ofSeconds(5))}.
 */
public final class XReadArgs {

    private static final XReadArgs NONE = new XReadArgs(0, null, false);

    private final long count;
    private final Duration block;
    private final boolean noAck;

    private XReadArgs(long count, Duration block, boolean noAck) {
        this.count = count;
        this.block = block;
        this.noAck = noAck;
    }

    /**
     * Returns the options that add nothing: no count limit, not blocking, acknowledged delivery.
     *
     * @return the default options
     */
    public static XReadArgs none() {
        return NONE;
    }

    /**
     * Returns these options reading at most {@code maxEntries} entries per stream.
     *
     * @param maxEntries the limit, at least 1
     * @return the new options
     */
    public XReadArgs count(long maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("COUNT must be at least 1, was " + maxEntries);
        }
        return new XReadArgs(maxEntries, block, noAck);
    }

    /**
     * Returns these options blocking up to {@code timeout} when no stream has entries to return. The command then gets
     * the {@link io.slotwise.command.CommandTrait#BLOCKING} trait: the client waits for the timeout (plus its command
     * timeout) on a dedicated connection.
     *
     * @param timeout how long to wait, {@link Duration#ZERO} for indefinitely; rounded up to whole milliseconds; not
     *     negative
     * @return the new options
     */
    public XReadArgs block(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("BLOCK must not be negative, was " + timeout);
        }
        Duration millis = Duration.ofMillis(timeout.toMillis());
        if (millis.compareTo(timeout) < 0) {
            millis = millis.plusMillis(1);
        }
        return new XReadArgs(count, millis, noAck);
    }

    /**
     * Returns these options with {@code NOACK}: entries delivered to the group are not added to its pending list, as if
     * acknowledged at once. Only {@code XREADGROUP} accepts it.
     *
     * @return the new options
     */
    public XReadArgs noAck() {
        return new XReadArgs(count, block, true);
    }

    /**
     * Returns the blocking timeout, if the options block.
     *
     * @return the timeout in whole milliseconds ({@link Duration#ZERO}: indefinitely), or empty when not blocking
     */
    public Optional<Duration> blockTimeout() {
        return Optional.ofNullable(block);
    }

    /**
     * Tells whether the options carry {@code NOACK}.
     *
     * @return {@code true} with {@link #noAck()}
     */
    public boolean isNoAck() {
        return noAck;
    }

    /**
     * Returns the RESP arguments of these options, which come before {@code STREAMS}.
     *
     * @return {@code [COUNT n] [BLOCK ms] [NOACK]}; fresh arrays
     */
    public List<byte[]> arguments() {
        List<byte[]> args = new ArrayList<>(5);
        if (count > 0) {
            args.add(Tokens.of("COUNT"));
            args.add(Tokens.of(count));
        }
        if (block != null) {
            args.add(Tokens.of("BLOCK"));
            args.add(Tokens.of(block.toMillis()));
        }
        if (noAck) {
            args.add(Tokens.of("NOACK"));
        }
        return args;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof XReadArgs that
                && count == that.count
                && Objects.equals(block, that.block)
                && noAck == that.noAck;
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, block, noAck);
    }

    @Override
    public String toString() {
        return "XReadArgs[count=" + count + ", block=" + block + ", noAck=" + noAck + "]";
    }
}
