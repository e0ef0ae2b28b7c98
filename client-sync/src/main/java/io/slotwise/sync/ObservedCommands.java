package io.slotwise.sync;

import io.slotwise.api.AsyncCommands;
import io.slotwise.api.WatchedTransaction;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.codec.RedisCodec;
import io.slotwise.command.Command;
import io.slotwise.value.ClusterScanCursor;
import io.slotwise.value.ClusterScanPage;
import io.slotwise.value.TransactionResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The {@link AsyncCommands} a {@link SyncRedisCluster#call} operation runs against: passes every command through to
 * the wrapped client and notes what the wait needs to know, the name of the first command (for messages) and the
 * longest blocking timeout (so that a {@code BLPOP} is not cut short by the facade's deadline).
 *
 * <p>Thread-safe: an operation may send further commands from callbacks on an I/O thread.
 */
final class ObservedCommands<K, V> implements AsyncCommands<K, V> {

    private final AsyncCommands<K, V> delegate;
    private String firstName;
    private int count;
    private Duration longestBlocking = Duration.ZERO;
    private boolean blocksIndefinitely;

    ObservedCommands(AsyncCommands<K, V> delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> CompletionStage<T> execute(Command<T> command) {
        note(command);
        return delegate.execute(command);
    }

    @Override
    public CompletionStage<TransactionResult> transaction(List<K> keys, Consumer<? super AsyncCommands<K, V>> body) {
        return delegate.transaction(keys, body);
    }

    @Override
    public CompletionStage<TransactionResult> watchedTransaction(
            List<K> watchKeys, WatchedTransaction<K, V> transaction) {
        return delegate.watchedTransaction(watchKeys, transaction);
    }

    @Override
    public CompletionStage<ClusterScanPage<K>> scan(ClusterScanCursor cursor, ScanArgs args) {
        return delegate.scan(cursor, args);
    }

    @Override
    public RedisCodec<K, V> codec() {
        return delegate.codec();
    }

    private synchronized void note(Command<?> command) {
        if (firstName == null) {
            firstName = command.name();
        }
        count++;
        Optional<Duration> blocking = command.blockingTimeout();
        if (blocking.isPresent()) {
            Duration timeout = blocking.get();
            if (timeout.isZero()) {
                blocksIndefinitely = true;
            } else if (timeout.compareTo(longestBlocking) > 0) {
                longestBlocking = timeout;
            }
        }
    }

    /** Describes what was sent so far, for messages: {@code "GET"}, {@code "GET (and 2 more commands)"}. */
    synchronized String description() {
        if (firstName == null) {
            return "the operation";
        }
        return count == 1 ? firstName : firstName + " (and " + (count - 1) + " more commands)";
    }

    /** Tells whether a command sent so far may block on the server for ever ({@code BLPOP key 0}). */
    synchronized boolean blocksIndefinitely() {
        return blocksIndefinitely;
    }

    /** Returns the longest finite blocking timeout of the commands sent so far; zero if none blocks. */
    synchronized Duration longestBlocking() {
        return longestBlocking;
    }
}
