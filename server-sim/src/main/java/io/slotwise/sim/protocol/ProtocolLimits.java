package io.slotwise.sim.protocol;

/**
 * The fixed limits of Redis 7.0's request parser, and the default of its one configurable limit. Numbers only; {@link
 * RequestDecoder} documents how each is applied.
 */
public final class ProtocolLimits {
    /**
     * The longest line that may still be waiting for its terminator: an inline request, a {@code *count} or a {@code
     * $length} line (Redis's PROTO_INLINE_MAX_SIZE, 64 KiB).
     */
    public static final int MAX_INLINE_SIZE = 64 * 1024;

    /** The largest multibulk count accepted ({@code *count}): INT_MAX, as in Redis 7.0. */
    public static final long MAX_MULTIBULK_LENGTH = Integer.MAX_VALUE;

    /** The largest multibulk count accepted from a client that still has to authenticate. */
    public static final long MAX_UNAUTHENTICATED_MULTIBULK_LENGTH = 10;

    /** The largest bulk length accepted from a client that still has to authenticate. */
    public static final long MAX_UNAUTHENTICATED_BULK_LENGTH = 16 * 1024;

    /** The default of the {@code proto-max-bulk-len} setting: 512 MiB. */
    public static final long DEFAULT_PROTO_MAX_BULK_LEN = 512L * 1024 * 1024;

    /**
     * The largest bulk a Java array can hold; a larger {@code proto-max-bulk-len} is capped to it (Redis would accept
     * such a bulk).
     */
    public static final long MAX_STORABLE_BULK_LENGTH = Integer.MAX_VALUE - 8;

    private ProtocolLimits() {}
}
