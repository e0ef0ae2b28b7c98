package io.slotwise.api;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The two phases of an optimistic ({@code WATCH}) transaction, for {@link TransactionCommands#watchedTransaction}:
 * read the watched state, then decide what to queue. For example, an increment done by the client:
 *
 * <pre>{@code
 * c.watchedTransaction(List.of("{acct}:balance"), reads -> reads.get("{acct}:balance")
 *         .thenApply(balance -> tx -> tx.set("{acct}:balance", String.valueOf(Long.parseLong(balance) + 10))));
 * }</pre>
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface WatchedTransaction<K, V> {

    /**
     * Reads what the transaction depends on and returns the commands to queue.
     *
     * @param reads commands sent at once on the connection that holds the watch, to the slot's node; keys outside the
     *     transaction's slot are refused with {@link io.slotwise.CrossSlotException}. Stages complete on an I/O thread
     * @return completes with the body that queues the transaction's commands (as in {@link
     *     TransactionCommands#transaction}); completing exceptionally abandons the transaction with that failure
     */
    CompletionStage<Consumer<AsyncCommands<K, V>>> prepare(AsyncCommands<K, V> reads);
}
