package io.slotwise.api;

import io.slotwise.value.TransactionResult;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Single-slot {@code MULTI}/{@code EXEC} transactions. A transaction runs on one slot, fixed by the keys given up
 * front, on the node serving it: {@code MULTI}, the queued commands and {@code EXEC} are written as one batch on one
 * connection, with no other caller's command in between, so a shared, pipelined connection never mixes another
 * caller's command into the transaction.
 *
 * <p>The {@code body} receives a transaction-scoped {@link AsyncCommands}: each command method queues the command and
 * returns a stage that completes once {@code EXEC} has answered, with that command's own decoded reply (or its own
 * error). Commands with a key outside the transaction's slot, and commands that go to several nodes ({@code KEYS},
 * {@code FLUSHALL}, ...), are refused at once with {@link io.slotwise.CrossSlotException} or {@link
 * IllegalArgumentException}, and nothing is sent. The body runs on the calling thread before anything is sent, must
 * not block, and must not wait for the stages it gets (they complete only after {@code EXEC}).
 *
 * <p>Outcomes: the returned stage completes with a {@link TransactionResult} when {@code EXEC} answered (run, or
 * discarded because a watched key changed); exceptionally with the server's {@link io.slotwise.RedisCommandException}
 * when Redis refused the transaction ({@code EXECABORT}: each queued command's stage then fails with its own queuing
 * error, or with the {@code EXECABORT} error if it queued fine); and like any command for connection failures and
 * timeouts. {@code MOVED} or {@code ASK} on a queued command (Redis then refuses the whole transaction, nothing is
 * applied) makes the client send the whole transaction again to the new owner, preceded by {@code ASKING} for {@code
 * ASK}; transient errors ({@code TRYAGAIN}, {@code CLUSTERDOWN}) retry it with backoff, like a single command. A
 * transaction whose outcome is unknown (connection lost after sending) is not replayed unless the client replays
 * writes with unknown outcome.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface TransactionCommands<K, V> {

    /**
     * Runs {@code MULTI}, the commands {@code body} queues, and {@code EXEC} on the node serving the slot of {@code
     * keys}.
     *
     * @param keys the keys fixing the transaction's slot; at least one, all in one slot
     * @param body queues the commands on the transaction-scoped commands it receives; runs once, on the calling thread;
     *     queuing nothing is allowed (an empty transaction)
     * @return completes with the result once {@code EXEC} answered; see the class comment
     * @throws io.slotwise.CrossSlotException if {@code keys}, or a queued command's keys, span several slots; nothing
     *     is sent
     * @throws IllegalArgumentException if {@code keys} is empty, or the body queues a command that cannot run in a
     *     transaction; nothing is sent
     * @throws NullPointerException if an argument is {@code null}
     */
    CompletionStage<TransactionResult> transaction(List<K> keys, Consumer<? super AsyncCommands<K, V>> body);

    /**
     * Runs an optimistic transaction: {@code WATCH} on {@code watchKeys}, then the reads of {@code transaction}, then
     * {@code MULTI}, the commands it queues, and {@code EXEC}. If a watched key changes after {@code WATCH}, Redis
     * discards the transaction and the result says {@link TransactionResult#discarded()}; the caller decides whether to
     * try again. The watch needs a connection of its own for its duration (watched keys belong to a connection, and
     * another caller's {@code EXEC} on a shared connection would end the watch), so each call opens and closes one
     * connection to the slot's node.
     *
     * <p>If the slot moves to another node before {@code EXEC} ({@code MOVED}/{@code ASK} on {@code WATCH}, a read or a
     * queued command), the client starts again on the new node: {@code WATCH}, the reads (so {@code transaction} may be
     * called more than once: it must not have effects other than through the commands it is given), the queue.
     *
     * @param watchKeys the keys to watch; they also fix the transaction's slot; at least one, all in one slot
     * @param transaction reads through the commands it receives, which run at once on the watching connection, then
     *     returns what to queue
     * @return completes with the result once {@code EXEC} answered; exceptionally as {@link #transaction} does, or with
     *     the failure of the stage {@code transaction} returned (nothing is then queued)
     * @throws io.slotwise.CrossSlotException if {@code watchKeys} span several slots; nothing is sent
     * @throws IllegalArgumentException if {@code watchKeys} is empty
     * @throws NullPointerException if an argument is {@code null}
     */
    CompletionStage<TransactionResult> watchedTransaction(List<K> watchKeys, WatchedTransaction<K, V> transaction);
}
