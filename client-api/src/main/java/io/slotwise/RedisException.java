package io.slotwise;

/**
 * The root of every exception the Slotwise client raises. Unchecked, so that it can complete a
 * {@link java.util.concurrent.CompletionStage} and cross API flavours unchanged.
 *
 * <p>Messages never contain secrets: no password, no ACL user name, no AUTH argument.
 */
public class RedisException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, phrased so that a user can act on it
     */
    public RedisException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, phrased so that a user can act on it
     * @param cause the underlying failure, or {@code null}
     */
    public RedisException(String message, Throwable cause) {
        super(message, cause);
    }
}
