package io.slotwise;

import java.util.Objects;
import java.util.Optional;

/**
 * What a connection authenticates with: an optional ACL user name and a password. Without a user name, Redis checks
 * the password of the {@code default} user (the {@code requirepass} password).
 *
 * <p>Secrets stay out of logs: {@link #toString()} shows neither the user name nor the password, and
 * {@link #password()} returns a copy. Immutable and thread-safe; {@code equals} and {@code hashCode} are those of
 * {@link Object}, so that credentials are never compared by content by accident.
 */
public final class RedisCredentials {

    private final String user;
    private final char[] password;

    private RedisCredentials(String user, char[] password) {
        this.user = user;
        this.password = password;
    }

    /**
     * Creates credentials for the {@code default} user ({@code AUTH <password>}).
     *
     * @param password the password, never {@code null}; copied
     * @return the credentials
     */
    public static RedisCredentials password(char[] password) {
        return new RedisCredentials(
                null, Objects.requireNonNull(password, "password").clone());
    }

    /**
     * Creates credentials for an ACL user ({@code AUTH <user> <password>}).
     *
     * @param user the user name, never {@code null} nor empty
     * @param password the password, never {@code null}; copied
     * @return the credentials
     */
    public static RedisCredentials of(String user, char[] password) {
        Objects.requireNonNull(user, "user");
        if (user.isEmpty()) {
            throw new IllegalArgumentException("user must not be empty; use RedisCredentials.password(...) instead");
        }
        return new RedisCredentials(
                user, Objects.requireNonNull(password, "password").clone());
    }

    /**
     * Returns the ACL user name.
     *
     * @return the user, or empty for the {@code default} user
     */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /**
     * Returns a copy of the password; callers should clear it when done.
     *
     * @return a new array the caller owns
     */
    public char[] password() {
        return password.clone();
    }

    /** Tells whether a user name is set, without revealing it. */
    @Override
    public String toString() {
        return "RedisCredentials[user=" + (user == null ? "default" : "<set>") + ", password=<hidden>]";
    }
}
