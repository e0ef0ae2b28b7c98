package io.slotwise.reactive;

import io.slotwise.api.AsyncCommands;
import io.slotwise.api.WatchedTransaction;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.codec.RedisCodec;
import io.slotwise.command.Command;
import io.slotwise.resp.RespValue;
import io.slotwise.value.ClusterScanCursor;
import io.slotwise.value.ClusterScanPage;
import io.slotwise.value.TransactionResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An {@link AsyncCommands} that sends nothing: every command gets a pending stage, recorded with it, which the test
 * completes when it wants, from the thread it wants.
 */
final class PendingCommands implements AsyncCommands<String, String> {

    /** A command that was sent, and the stage the facade got for it. */
    record Sent<T>(Command<T> command, CompletableFuture<T> stage) {

        /** Decodes a reply with the command and completes the stage, as the dispatcher would. */
        void replyWith(RespValue reply) {
            try {
                stage.complete(command.decode(reply));
            } catch (RuntimeException e) {
                stage.completeExceptionally(e);
            }
        }
    }

    /** A scan page requested, and the stage the facade got for it. */
    record Scan(ClusterScanCursor cursor, CompletableFuture<ClusterScanPage<String>> stage) {}

    private final List<Sent<?>> sent = new CopyOnWriteArrayList<>();
    final List<Scan> scans = new CopyOnWriteArrayList<>();

    @Override
    public <T> CompletionStage<T> execute(Command<T> command) {
        CompletableFuture<T> stage = new CompletableFuture<>();
        sent.add(new Sent<>(command, stage));
        return stage;
    }

    @Override
    public CompletionStage<TransactionResult> transaction(
            List<String> keys, Consumer<? super AsyncCommands<String, String>> body) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public CompletionStage<TransactionResult> watchedTransaction(
            List<String> watchKeys, WatchedTransaction<String, String> transaction) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public CompletionStage<ClusterScanPage<String>> scan(ClusterScanCursor cursor, ScanArgs args) {
        CompletableFuture<ClusterScanPage<String>> stage = new CompletableFuture<>();
        scans.add(new Scan(cursor, stage));
        return stage;
    }

    @Override
    public RedisCodec<String, String> codec() {
        return RedisCodec.utf8();
    }

    /** Returns every command sent so far, in order. */
    List<Sent<?>> sent() {
        return sent;
    }

    /** Returns the only command sent so far. */
    Sent<?> onlySent() {
        if (sent.size() != 1) {
            throw new AssertionError("expected exactly one command, got " + sent.size());
        }
        return sent.get(0);
    }
}
