package io.slotwise.api.args;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@code XCLAIM}: set the claimed entries' idle time ({@code IDLE}) or last delivery time ({@code TIME}),
 * their delivery counter ({@code RETRYCOUNT}), and {@code FORCE} (claim IDs that are not pending yet, if the entries
 * exist). {@code JUSTID} changes the reply type, so it has its own method ({@code xclaimJustId}). Immutable;
 * {@code XClaimArgs.none().retryCount(3)}.
 */
public final class XClaimArgs {

    private static final XClaimArgs NONE = new XClaimArgs(null, null, -1, false);

    private final Duration idle;
    private final Instant time;
    private final long retryCount;
    private final boolean force;

    private XClaimArgs(Duration idle, Instant time, long retryCount, boolean force) {
        this.idle = idle;
        this.time = time;
        this.retryCount = retryCount;
        this.force = force;
    }

    /**
     * Returns the options that add nothing.
     *
     * @return the default options
     */
    public static XClaimArgs none() {
        return NONE;
    }

    /**
     * Returns these options setting the claimed entries' idle time ({@code IDLE}); excludes {@link #time}.
     *
     * @param sinceDelivery the idle time to set, in whole milliseconds; not negative
     * @return the new options
     * @throws IllegalStateException if {@link #time} is set
     */
    public XClaimArgs idle(Duration sinceDelivery) {
        Objects.requireNonNull(sinceDelivery, "sinceDelivery");
        if (sinceDelivery.isNegative()) {
            throw new IllegalArgumentException("XCLAIM IDLE must not be negative, was " + sinceDelivery);
        }
        if (time != null) {
            throw new IllegalStateException("XCLAIM takes IDLE or TIME, not both");
        }
        return new XClaimArgs(sinceDelivery, null, retryCount, force);
    }

    /**
     * Returns these options setting the claimed entries' last delivery time ({@code TIME}); excludes {@link #idle}.
     *
     * @param lastDelivery the time, in whole milliseconds since the epoch; not before the epoch
     * @return the new options
     * @throws IllegalStateException if {@link #idle} is set
     */
    public XClaimArgs time(Instant lastDelivery) {
        Objects.requireNonNull(lastDelivery, "lastDelivery");
        if (lastDelivery.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("XCLAIM TIME must not be before the epoch, was " + lastDelivery);
        }
        if (idle != null) {
            throw new IllegalStateException("XCLAIM takes IDLE or TIME, not both");
        }
        return new XClaimArgs(null, lastDelivery, retryCount, force);
    }

    /**
     * Returns these options setting the claimed entries' delivery counter ({@code RETRYCOUNT}).
     *
     * @param deliveries the counter, not negative
     * @return the new options
     */
    public XClaimArgs retryCount(long deliveries) {
        if (deliveries < 0) {
            throw new IllegalArgumentException("XCLAIM RETRYCOUNT must not be negative, was " + deliveries);
        }
        return new XClaimArgs(idle, time, deliveries, force);
    }

    /**
     * Returns these options with {@code FORCE}: IDs not in the pending list are claimed if their entries exist.
     *
     * @return the new options
     */
    public XClaimArgs force() {
        return new XClaimArgs(idle, time, retryCount, true);
    }

    /**
     * Returns the RESP arguments of these options, which come after the IDs.
     *
     * @return {@code [IDLE ms] [TIME ms] [RETRYCOUNT n] [FORCE]}; fresh arrays
     */
    public List<byte[]> arguments() {
        List<byte[]> args = new ArrayList<>(5);
        if (idle != null) {
            args.add(Tokens.of("IDLE"));
            args.add(Tokens.of(idle.toMillis()));
        }
        if (time != null) {
            args.add(Tokens.of("TIME"));
            args.add(Tokens.of(time.toEpochMilli()));
        }
        if (retryCount >= 0) {
            args.add(Tokens.of("RETRYCOUNT"));
            args.add(Tokens.of(retryCount));
        }
        if (force) {
            args.add(Tokens.of("FORCE"));
        }
        return args;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof XClaimArgs that
                && Objects.equals(idle, that.idle)
                && Objects.equals(time, that.time)
                && retryCount == that.retryCount
                && force == that.force;
    }

    @Override
    public int hashCode() {
        return Objects.hash(idle, time, retryCount, force);
    }

    @Override
    public String toString() {
        return "XClaimArgs[idle=" + idle + ", time=" + time + ", retryCount=" + retryCount + ", force=" + force + "]";
    }
}
