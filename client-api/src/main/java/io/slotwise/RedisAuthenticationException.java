package io.slotwise;

/**
 * The connection handshake was refused because of credentials: wrong password, unknown or disabled user
 * ({@code WRONGPASS}), or a node that requires authentication while none is configured ({@code NOAUTH}). The message
 * names the node and quotes the server's error; it never contains the password or the user name.
 *
 * <p>A connection exception that never executed anything: {@link #mayHaveExecuted()} is always {@code false}.
 */
public class RedisAuthenticationException extends RedisConnectionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message the description, naming the node; never a secret
     */
    public RedisAuthenticationException(String message) {
        super(message, null, false);
    }
}
