package io.slotwise.resp;

import io.slotwise.RedisException;

/**
 * The bytes received from a server are not valid RESP, or exceed a {@link RespLimits} limit. The message names what
 * was wrong, for example {@code Invalid bulk length -5} or {@code Bulk length 600000000 exceeds limit 536870912}.
 *
 * <p>After this exception the connection's byte stream can no longer be trusted: the decoder that raised it discards
 * all further input and the connection is closed, never reused. Commands in flight on it fail.
 */
public class RespProtocolException extends RedisException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what was wrong with the input, never {@code null}
     */
    public RespProtocolException(String message) {
        super(message);
    }
}
