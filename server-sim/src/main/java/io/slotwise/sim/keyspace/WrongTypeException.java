package io.slotwise.sim.keyspace;

/**
 * Thrown when a command addresses a key holding a value of another type. The message is exactly the error text Redis
 * replies with, so the command layer can send {@code "-" + getMessage()}. Carries no stack trace.
 */
public final class WrongTypeException extends RuntimeException {
    /** The exact Redis error text, including the {@code WRONGTYPE} prefix. */
    public static final String MESSAGE = "WRONGTYPE Operation against a key holding the wrong kind of value";

    private static final long serialVersionUID = 1L;

    /** Creates the exception with {@link #MESSAGE}. */
    public WrongTypeException() {
        super(MESSAGE, null, false, false);
    }
}
