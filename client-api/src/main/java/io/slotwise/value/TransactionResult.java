package io.slotwise.value;

import io.slotwise.RedisCommandException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of a {@code MULTI}/{@code EXEC} transaction that reached {@code EXEC}: either Redis ran it ({@link
 * #executed()}) and {@link #results()} holds one entry per queued command, in queue order, or Redis discarded it because
 * a watched key changed ({@link #discarded()}) and nothing was applied.
 *
 * <p>Each entry of {@link #results()} is the command's decoded reply (possibly {@code null}, for example {@code GET} of a
 * missing key) or, for a command that failed while running (Redis runs the others regardless, for example a
 * {@code WRONGTYPE} error), the {@link RedisCommandException} that also completed that command's stage. Transactions that
 * never reached {@code EXEC}, or that Redis refused ({@code EXECABORT}), complete their stage exceptionally instead.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows counts only: results are application data.
 */
public final class TransactionResult {

    private static final TransactionResult DISCARDED = new TransactionResult(false, List.of());

    private final boolean executed;
    private final List<Object> results;

    private TransactionResult(boolean executed, List<Object> results) {
        this.executed = executed;
        this.results = results;
    }

    /**
     * A transaction Redis ran.
     *
     * @param results one entry per queued command, in queue order; {@code null} entries allowed; copied
     * @return the result
     */
    public static TransactionResult executed(List<?> results) {
        return new TransactionResult(true, Collections.unmodifiableList(new ArrayList<>(results)));
    }

    /**
     * A transaction Redis discarded because a watched key changed.
     *
     * @return the result, with no entries
     */
    public static TransactionResult discardedByWatch() {
        return DISCARDED;
    }

    /**
     * Tells whether Redis ran the queued commands.
     *
     * @return {@code true} if {@code EXEC} ran them
     */
    public boolean executed() {
        return executed;
    }

    /**
     * Tells whether Redis discarded the transaction because a watched key changed; then nothing was applied and the
     * caller may read again and retry.
     *
     * @return {@code true} if discarded
     */
    public boolean discarded() {
        return !executed;
    }

    /**
     * Returns the decoded reply or the failure of each queued command, in queue order.
     *
     * @return an unmodifiable list that may contain {@code null}; empty when {@link #discarded()}
     */
    public List<Object> results() {
        return results;
    }

    /**
     * Returns one command's decoded reply.
     *
     * @param index the command's position in the queue, from 0
     * @return its decoded reply, possibly {@code null}
     * @throws RedisCommandException if that command failed while running
     * @throws IndexOutOfBoundsException if there is no such command, or the transaction was discarded
     */
    public Object get(int index) {
        Object result = results.get(index);
        if (result instanceof RedisCommandException failure) {
            throw failure;
        }
        return result;
    }

    /**
     * Tells whether any queued command failed while running.
     *
     * @return {@code true} if an entry of {@link #results()} is a {@link RedisCommandException}
     */
    public boolean hasErrors() {
        return results.stream().anyMatch(RedisCommandException.class::isInstance);
    }

    /** Shows whether the transaction ran, and how many results and errors it has. */
    @Override
    public String toString() {
        if (!executed) {
            return "TransactionResult[discarded: a watched key changed]";
        }
        long errors =
                results.stream().filter(RedisCommandException.class::isInstance).count();
        return "TransactionResult[executed, results=" + results.size() + ", errors=" + errors + "]";
    }
}
