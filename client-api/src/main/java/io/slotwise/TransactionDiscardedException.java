package io.slotwise;

/**
 * Completes the stage of each command queued in a transaction that Redis did not run because a key the transaction
 * watched ({@code WATCH}) changed before {@code EXEC}: {@code EXEC} answered with a null reply and nothing was applied.
 * The transaction's own stage completes normally with {@link io.slotwise.value.TransactionResult#discarded()}
 * {@code true}; this exception only tells each queued command why it has no result.
 */
public class TransactionDiscardedException extends RedisException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param command the name of the queued command it completes
     */
    public TransactionDiscardedException(String command) {
        super(command + " was not run: a watched key changed before EXEC, so Redis discarded the transaction");
    }
}
