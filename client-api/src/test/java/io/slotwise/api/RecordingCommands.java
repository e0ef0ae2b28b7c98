package io.slotwise.api;

import io.slotwise.api.args.ScanArgs;
import io.slotwise.codec.RedisCodec;
import io.slotwise.command.Command;
import io.slotwise.resp.RespValue;
import io.slotwise.value.ClusterScanCursor;
import io.slotwise.value.ClusterScanPage;
import io.slotwise.value.TransactionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * An {@link AsyncCommands} that sends nothing: it records each command and, when a reply has been scripted, completes
 * the stage by decoding that reply with the command, as the dispatcher would after merging.
 */
final class RecordingCommands<K, V> implements AsyncCommands<K, V> {

    private final RedisCodec<K, V> codec;
    private final List<Command<?>> sent = new ArrayList<>();
    private RespValue reply;

    RecordingCommands(RedisCodec<K, V> codec) {
        this.codec = codec;
    }

    static RecordingCommands<String, String> utf8() {
        return new RecordingCommands<>(RedisCodec.utf8());
    }

    /** Scripts the reply that completes the next commands' stages. */
    RecordingCommands<K, V> replyWith(RespValue scripted) {
        this.reply = scripted;
        return this;
    }

    @Override
    public <T> CompletionStage<T> execute(Command<T> command) {
        sent.add(command);
        if (reply == null) {
            return new CompletableFuture<>();
        }
        try {
            return CompletableFuture.completedFuture(command.decode(reply));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<TransactionResult> transaction(List<K> keys, Consumer<? super AsyncCommands<K, V>> body) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public CompletionStage<TransactionResult> watchedTransaction(
            List<K> watchKeys, WatchedTransaction<K, V> transaction) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public CompletionStage<ClusterScanPage<K>> scan(ClusterScanCursor cursor, ScanArgs args) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public RedisCodec<K, V> codec() {
        return codec;
    }

    List<Command<?>> sent() {
        return sent;
    }

    Command<?> onlySent() {
        if (sent.size() != 1) {
            throw new AssertionError("expected exactly one command, got " + sent.size());
        }
        return sent.get(0);
    }
}
