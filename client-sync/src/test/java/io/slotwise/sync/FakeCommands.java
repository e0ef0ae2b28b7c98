package io.slotwise.sync;

import io.slotwise.api.AsyncCommands;
import io.slotwise.api.WatchedTransaction;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.codec.RedisCodec;
import io.slotwise.command.Command;
import io.slotwise.resp.RespValue;
import io.slotwise.value.ClusterScanCursor;
import io.slotwise.value.ClusterScanPage;
import io.slotwise.value.TransactionResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An {@link AsyncCommands} that sends nothing. It records every command and answers as scripted: by default it leaves
 * the stage pending; {@link #replyWith} decodes a reply with the command, as the dispatcher would; {@link #failWith}
 * completes the stage exceptionally; {@link #replyAfter} decodes a reply after a delay.
 */
final class FakeCommands implements AsyncCommands<String, String> {

    private final List<Command<?>> sent = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Command<?>> sentQueue = new LinkedBlockingQueue<>();
    private volatile RespValue reply;
    private volatile Throwable failure;
    private volatile Duration delay = Duration.ZERO;

    /** Answers the next commands by decoding this reply (an {@code Error} reply fails them as the server would). */
    FakeCommands replyWith(RespValue scripted) {
        this.reply = scripted;
        return this;
    }

    /** Answers the next commands by decoding this reply once the delay has passed, on another thread. */
    FakeCommands replyAfter(Duration after, RespValue scripted) {
        this.delay = after;
        return replyWith(scripted);
    }

    /** Completes the next commands' stages exceptionally with this failure, as given. */
    FakeCommands failWith(Throwable scripted) {
        this.failure = scripted;
        return this;
    }

    @Override
    public <T> CompletionStage<T> execute(Command<T> command) {
        sent.add(command);
        sentQueue.add(command);
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        RespValue scripted = reply;
        if (scripted == null) {
            return new CompletableFuture<>();
        }
        if (!delay.isZero()) {
            return CompletableFuture.supplyAsync(
                    () -> command.decode(scripted),
                    CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
        }
        try {
            return CompletableFuture.completedFuture(command.decode(scripted));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
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
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public RedisCodec<String, String> codec() {
        return RedisCodec.utf8();
    }

    /** Returns every command sent so far. */
    List<Command<?>> sent() {
        return sent;
    }

    /** Waits up to five seconds for the next command to be sent and returns it. */
    Command<?> awaitSent() throws InterruptedException {
        Command<?> command = sentQueue.poll(5, TimeUnit.SECONDS);
        if (command == null) {
            throw new AssertionError("no command was sent within 5 s");
        }
        return command;
    }
}
