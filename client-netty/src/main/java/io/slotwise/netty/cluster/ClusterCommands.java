package io.slotwise.netty.cluster;

import io.slotwise.api.AsyncCommands;
import io.slotwise.api.WatchedTransaction;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.codec.RedisCodec;
import io.slotwise.command.Command;
import io.slotwise.value.ClusterScanCursor;
import io.slotwise.value.ClusterScanPage;
import io.slotwise.value.TransactionResult;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The asynchronous command catalogue of a cluster client, for one codec: every command goes to the dispatcher,
 * transactions to the {@link TransactionExecutor}, scans to the {@link ClusterScanner}.
 */
final class ClusterCommands<K, V> implements AsyncCommands<K, V> {

    private final ClusterDispatcher dispatcher;
    private final TransactionExecutor transactions;
    private final ClusterScanner scanner;
    private final RedisCodec<K, V> codec;

    ClusterCommands(
            ClusterDispatcher dispatcher,
            TransactionExecutor transactions,
            ClusterScanner scanner,
            RedisCodec<K, V> codec) {
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.scanner = scanner;
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public <T> CompletionStage<T> execute(Command<T> command) {
        return dispatcher.execute(Objects.requireNonNull(command, "command"));
    }

    @Override
    public CompletionStage<TransactionResult> transaction(List<K> keys, Consumer<? super AsyncCommands<K, V>> body) {
        return transactions.transaction(codec, keys, body);
    }

    @Override
    public CompletionStage<TransactionResult> watchedTransaction(
            List<K> watchKeys, WatchedTransaction<K, V> transaction) {
        return transactions.watchedTransaction(codec, watchKeys, transaction);
    }

    @Override
    public CompletionStage<ClusterScanPage<K>> scan(ClusterScanCursor cursor, ScanArgs args) {
        return scanner.scan(codec, cursor, args);
    }

    @Override
    public RedisCodec<K, V> codec() {
        return codec;
    }
}
