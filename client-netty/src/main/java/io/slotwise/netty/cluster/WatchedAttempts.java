package io.slotwise.netty.cluster;

import io.slotwise.RedisCommandException;
import io.slotwise.RedisException;
import io.slotwise.api.AsyncCommands;
import io.slotwise.api.WatchedTransaction;
import io.slotwise.codec.RedisCodec;
import io.slotwise.netty.connection.NodeConnection;
import io.slotwise.netty.retry.RetryClassifier;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespCommandArgs;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.Redirect;
import io.slotwise.routing.RedirectPolicy;
import io.slotwise.routing.RedirectTrail;
import io.slotwise.topology.NodeAddress;
import io.slotwise.value.TransactionResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The attempts of one watched transaction. Each attempt leases a dedicated connection to the slot's node
 * ({@link ConnectionRegistry#leaseReusable}), sends {@code WATCH}, lets the caller read, queues its body and sends the
 * block; a redirect at any step ends the attempt and starts a new one on the target. When an attempt ends, its
 * connection is given back for reuse, after {@code UNWATCH} when keys may still be watched, or closed when it cannot
 * be trusted ({@link WatchConnectionPolicy}). Thread-safe.
 */
final class WatchedAttempts<K, V> {

    private static final RespCommandArgs UNWATCH = RawCommand.of("UNWATCH");

    private final TransactionExecutor executor;
    private final RedisCodec<K, V> codec;
    private final int slot;
    private final List<byte[]> watchKeys;
    private final WatchedTransaction<K, V> transaction;
    private volatile TransactionBlock current;

    WatchedAttempts(
            TransactionExecutor executor,
            RedisCodec<K, V> codec,
            int slot,
            List<byte[]> watchKeys,
            WatchedTransaction<K, V> transaction) {
        this.executor = executor;
        this.codec = codec;
        this.slot = slot;
        this.watchKeys = watchKeys;
        this.transaction = transaction;
    }

    /** Fails the queued commands of the current attempt's block, if any are still pending. */
    void failAll(Throwable failure) {
        TransactionBlock block = current;
        if (block != null) {
            block.failAll(failure);
        }
    }

    /**
     * One attempt on {@code node}; its connection is handed back before the attempt completes, or before a redirect
     * starts the next attempt on the target.
     */
    CompletionStage<TransactionResult> on(NodeAddress node, boolean asking, RedirectTrail trail) {
        ConnectionRegistry registry = executor.registry();
        WatchSession session = new WatchSession(registry.leaseReusable(node, executor.commandTimeout()));
        CompletionStage<Object> step;
        try {
            step = watchThenRun(node, session, asking, trail);
        } catch (RuntimeException e) {
            step = CompletableFuture.failedFuture(e);
        }
        return step.handle((value, failure) -> handBack(registry, session).thenCompose(ignored -> {
                    if (failure != null) {
                        return CompletableFuture.<TransactionResult>failedFuture(RetryClassifier.unwrap(failure));
                    }
                    if (value instanceof RedirectPolicy.Decision.Follow follow) {
                        Redirect redirect = executor.followRedirect(node, follow);
                        return on(redirect.target(), redirect instanceof Redirect.Ask, follow.trail());
                    }
                    return CompletableFuture.completedFuture((TransactionResult) value);
                }))
                .thenCompose(Function.identity());
    }

    /**
     * Gives the attempt's connection back, resets it first, or closes it, as its session's verdict says; completes
     * (never exceptionally) once the connection is back or closing, so that a caller running transactions one after
     * another reuses it.
     */
    private static CompletionStage<Void> handBack(ConnectionRegistry registry, WatchSession session) {
        NodeConnection connection = session.connection();
        switch (session.verdict()) {
            case KEEP -> registry.giveBack(connection);
            case CLOSE -> registry.release(connection);
            case UNWATCH_THEN_KEEP -> {
                return connection.send(UNWATCH).handle((reply, failure) -> {
                    if (failure == null
                            && reply.withoutAttributes() instanceof RespValue.SimpleString ok
                            && ok.value().equals("OK")) {
                        registry.giveBack(connection);
                    } else {
                        registry.release(connection);
                    }
                    return null;
                });
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    /** WATCH, the reads, the block; completes with the {@link TransactionResult} or the redirect to follow. */
    private CompletionStage<Object> watchThenRun(
            NodeAddress node, WatchSession session, boolean asking, RedirectTrail trail) {
        return executor.write(node, session, PinnedCommands.withAsking(asking, RawCommand.ofBytes(watchCommand())))
                .thenCompose(replies -> {
                    RespValue reply = replies.get(replies.size() - 1).withoutAttributes();
                    if (reply instanceof RespValue.Error error) {
                        return onError(error.message(), node, trail);
                    }
                    PinnedCommands<K, V> reads =
                            new PinnedCommands<>(codec, slot, node, session, asking, trail, executor);
                    CompletionStage<Consumer<AsyncCommands<K, V>>> prepared;
                    try {
                        prepared = Objects.requireNonNull(transaction.prepare(reads), "prepare returned null");
                    } catch (RuntimeException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                    return prepared.handle((body, failure) -> {
                                reads.seal();
                                RedirectPolicy.Decision.Follow redirected = reads.redirect();
                                if (redirected != null) {
                                    return CompletableFuture.<Object>completedFuture(redirected);
                                }
                                if (failure != null) {
                                    return CompletableFuture.<Object>failedFuture(RetryClassifier.unwrap(failure));
                                }
                                return runBlock(node, session, asking, trail, body);
                            })
                            .thenCompose(Function.identity());
                });
    }

    private CompletionStage<Object> runBlock(
            NodeAddress node,
            WatchSession session,
            boolean asking,
            RedirectTrail trail,
            Consumer<AsyncCommands<K, V>> body) {
        TransactionBlock block =
                TransactionExecutor.queue(codec, slot, Objects.requireNonNull(body, "prepare completed with null"));
        current = block;
        return executor.write(node, session, block.wire(asking)).thenCompose(replies -> {
            session.execAnswered();
            TransactionBlock.Outcome outcome = block.interpret(replies, asking, node, trail, executor.redirects());
            if (outcome instanceof TransactionBlock.Outcome.Redirected redirected) {
                block.failAll(new RedisException("The transaction was not run on " + node
                        + ": its slot moved, so it started again on "
                        + redirected.follow().redirect().target()
                        + "; the new attempt's commands hold the results"));
                return CompletableFuture.completedFuture(redirected.follow());
            }
            return TransactionExecutor.finish(outcome).thenApply(Object.class::cast);
        });
    }

    private CompletionStage<Object> onError(String message, NodeAddress node, RedirectTrail trail) {
        RedirectPolicy.Decision decision = executor.redirects().decide(message, node, trail);
        if (decision instanceof RedirectPolicy.Decision.Follow follow) {
            return CompletableFuture.completedFuture(follow);
        }
        if (decision instanceof RedirectPolicy.Decision.Fail fail) {
            return CompletableFuture.failedFuture(fail.failure());
        }
        return CompletableFuture.failedFuture(new RedisCommandException("WATCH", message));
    }

    private byte[][] watchCommand() {
        byte[][] args = new byte[watchKeys.size() + 1][];
        args[0] = "WATCH".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < watchKeys.size(); i++) {
            args[i + 1] = watchKeys.get(i);
        }
        return args;
    }
}
