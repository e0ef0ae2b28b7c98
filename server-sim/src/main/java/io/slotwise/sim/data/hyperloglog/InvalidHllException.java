package io.slotwise.sim.data.hyperloglog;

/**
 * Thrown when an HLL value passes the header check but its registers cannot be decoded (a sparse encoding that does
 * not cover exactly 2<sup>14</sup> registers); the commands answer it with Redis's {@link #REPLY}.
 */
final class InvalidHllException extends RuntimeException {
    /** The error Redis answers for a corrupted HLL, without the leading '-'. */
    static final String REPLY = "INVALIDOBJ Corrupted HLL object detected";

    private static final long serialVersionUID = 1L;

    InvalidHllException() {
        super(REPLY, null, false, false);
    }
}
