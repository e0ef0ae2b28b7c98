package io.slotwise;

/**
 * A command that must run on one slot (MSETNX, a transaction, a script) was given keys in several slots. Raised before
 * anything is sent; the message names the command, the keys and their slots, and how to co-locate keys.
 */
public class CrossSlotException extends RedisException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the description, naming keys and slots
     */
    public CrossSlotException(String message) {
        super(message);
    }
}
