package io.slotwise.sim.bus;

import io.netty.handler.codec.DecoderException;

/**
 * A bus frame violates the wire format (wrong magic, unsupported version or type, bad length, malformed field or
 * trailing bytes). The link that carried it is dropped; the node keeps running.
 */
public final class BusProtocolException extends DecoderException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, never {@code null}
     */
    public BusProtocolException(String message) {
        super(message);
    }
}
