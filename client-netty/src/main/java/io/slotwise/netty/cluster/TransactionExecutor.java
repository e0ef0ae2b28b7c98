package io.slotwise.netty.cluster;

import io.slotwise.RedisCommandException;
import io.slotwise.RedisException;
import io.slotwise.RedisTimeoutException;
import io.slotwise.UncoveredSlotException;
import io.slotwise.api.AsyncCommands;
import io.slotwise.api.WatchedTransaction;
import io.slotwise.codec.RedisCodec;
import io.slotwise.command.Command;
import io.slotwise.event.ClientEventListener;
import io.slotwise.event.RedirectKind;
import io.slotwise.netty.connection.NodeConnection;
import io.slotwise.netty.retry.RetryClassifier;
import io.slotwise.netty.retry.TransientRetry;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespCommandArgs;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.Redirect;
import io.slotwise.routing.RedirectPolicy;
import io.slotwise.routing.RedirectTrail;
import io.slotwise.routing.SingleSlotRequirement;
import io.slotwise.topology.NodeAddress;
import io.slotwise.value.TransactionResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs single-slot {@code MULTI}/{@code EXEC} transactions. A plain transaction is written as one batch ({@code [ASKING]
 * MULTI command... EXEC}) on the slot owner's shared connection: a batch is written with no other caller's command in
 * between, so nothing foreign is queued into it. A watched transaction needs the connection to itself (watched keys
 * belong to a connection, and any {@code EXEC} on it ends the watch), so it runs on a {@linkplain
 * ConnectionRegistry#dedicated dedicated} connection: {@code WATCH}, the caller's reads, then the block.
 *
 * <p>A redirect on a queued command (Redis refuses the whole block, nothing ran) sends the block again to the target:
 * {@code MOVED} after patching the topology and triggering a refresh, {@code ASK} preceded by {@code ASKING}. A watched
 * transaction starts again from {@code WATCH} on the target. Transient errors and connection failures are retried by
 * {@link TransientRetry} like any write (so a block whose outcome is unknown is replayed only when writes with unknown
 * outcome may be). Thread-safe.
 */
final class TransactionExecutor {

    /** Stands for a transaction in retry decisions and events: a write, named EXEC. */
    private static final Command<RespValue> TRANSACTION =
            Command.builder("EXEC").build();

    private final TopologyRefresher topology;
    private final ConnectionRegistry registry;
    private final NodeSelector selector;
    private final RedirectPolicy redirects;
    private final TransientRetry retry;
    private final ClientEventListener listener;
    private final Duration commandTimeout;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    TransactionExecutor(
            TopologyRefresher topology,
            ConnectionRegistry registry,
            NodeSelector selector,
            RedirectPolicy redirects,
            TransientRetry retry,
            ClientEventListener listener,
            Duration commandTimeout) {
        this.topology = topology;
        this.registry = registry;
        this.selector = selector;
        this.redirects = redirects;
        this.retry = retry;
        this.listener = listener;
        this.commandTimeout = commandTimeout;
    }

    /** Runs a plain transaction; see {@link io.slotwise.api.TransactionCommands#transaction}. */
    <K, V> CompletionStage<TransactionResult> transaction(
            RedisCodec<K, V> codec, List<K> keys, Consumer<? super AsyncCommands<K, V>> body) {
        Objects.requireNonNull(body, "body");
        int slot = slotOf("MULTI", codec, keys);
        TransactionBlock block = queue(codec, slot, body);
        return track(
                block,
                () -> retry.run(
                        TRANSACTION,
                        attempt -> onOwner(slot, node -> send(block, node, false, RedirectTrail.startingAt(node)))));
    }

    /** Runs a watched transaction; see {@link io.slotwise.api.TransactionCommands#watchedTransaction}. */
    <K, V> CompletionStage<TransactionResult> watchedTransaction(
            RedisCodec<K, V> codec, List<K> watchKeys, WatchedTransaction<K, V> transaction) {
        Objects.requireNonNull(transaction, "transaction");
        int slot = slotOf("WATCH", codec, watchKeys);
        List<byte[]> encoded = encode(codec, watchKeys);
        WatchedAttempts<K, V> attempts = new WatchedAttempts<>(codec, slot, encoded, transaction);
        return track(
                attempts,
                () -> retry.run(
                        TRANSACTION,
                        attempt -> onOwner(slot, node -> attempts.on(node, false, RedirectTrail.startingAt(node)))));
    }

    /** The redirect policy, for {@link PinnedCommands}. */
    RedirectPolicy redirects() {
        return redirects;
    }

    /** Stops accepting transactions. */
    void close() {
        closed = true;
    }

    /** Fails every transaction still pending; called once the client's connections are closed. */
    void failPending(String why) {
        closed = true;
        for (CompletableFuture<?> future : List.copyOf(pending)) {
            future.completeExceptionally(new RedisException(why));
        }
    }

    private static <K> int slotOf(String command, RedisCodec<K, ?> codec, List<K> keys) {
        return SingleSlotRequirement.slotOf(command, encode(codec, keys));
    }

    private static <K> List<byte[]> encode(RedisCodec<K, ?> codec, List<K> keys) {
        Objects.requireNonNull(keys, "keys");
        List<byte[]> encoded = new ArrayList<>(keys.size());
        for (K key : keys) {
            encoded.add(codec.encodeKey(Objects.requireNonNull(key, "key")));
        }
        return encoded;
    }

    /** Runs the body on the calling thread; if it throws, what it queued fails with the same exception. */
    private static <K, V> TransactionBlock queue(
            RedisCodec<K, V> codec, int slot, Consumer<? super AsyncCommands<K, V>> body) {
        QueuedCommands<K, V> queued = new QueuedCommands<>(codec, slot);
        try {
            body.accept(queued);
        } catch (RuntimeException | Error e) {
            queued.seal().failAll(e);
            throw e;
        }
        return queued.seal();
    }

    private CompletionStage<TransactionResult> track(Object subject, Supplier<CompletionStage<TransactionResult>> run) {
        long start = System.nanoTime();
        CompletableFuture<TransactionResult> result = new CompletableFuture<>();
        pending.add(result);
        CompletionStage<TransactionResult> outcome =
                closed ? CompletableFuture.failedFuture(new RedisException("The client is closed")) : run.get();
        outcome.whenComplete((value, failure) -> {
            pending.remove(result);
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            if (failure == null) {
                listener.commandSucceeded(TRANSACTION.name(), latency);
                result.complete(value);
            } else {
                Throwable cause = RetryClassifier.unwrap(failure);
                if (subject instanceof TransactionBlock block) {
                    block.failAll(cause);
                } else if (subject instanceof WatchedAttempts<?, ?> attempts) {
                    attempts.failAll(cause);
                }
                listener.commandFailed(TRANSACTION.name(), latency, cause);
                result.completeExceptionally(cause);
            }
        });
        return result;
    }

    private <T> CompletionStage<T> onOwner(int slot, Function<NodeAddress, CompletionStage<T>> attempt) {
        NodeAddress node;
        try {
            node = selector.forSlot(TRANSACTION, slot, topology.current());
        } catch (UncoveredSlotException e) {
            topology.trigger();
            return CompletableFuture.failedFuture(e);
        }
        return attempt.apply(node);
    }

    /** Sends a plain transaction's block on the node's shared connection and follows redirects. */
    private CompletionStage<TransactionResult> send(
            TransactionBlock block, NodeAddress node, boolean asking, RedirectTrail trail) {
        return write(node, registry.get(node), block.wire(asking)).thenCompose(replies -> {
            TransactionBlock.Outcome outcome = block.interpret(replies, asking, node, trail, redirects);
            if (outcome instanceof TransactionBlock.Outcome.Redirected redirected) {
                Redirect redirect = follow(node, redirected.follow());
                return send(
                        block,
                        redirect.target(),
                        redirect instanceof Redirect.Ask,
                        redirected.follow().trail());
            }
            return finish(outcome);
        });
    }

    private static CompletionStage<TransactionResult> finish(TransactionBlock.Outcome outcome) {
        if (outcome instanceof TransactionBlock.Outcome.Done done) {
            return CompletableFuture.completedFuture(done.result());
        }
        return CompletableFuture.failedFuture(((TransactionBlock.Outcome.Failed) outcome).failure());
    }

    /** Reports a redirect and updates the topology for MOVED; returns the redirect to follow. */
    Redirect followRedirect(NodeAddress from, RedirectPolicy.Decision.Follow follow) {
        return follow(from, follow);
    }

    private Redirect follow(NodeAddress from, RedirectPolicy.Decision.Follow follow) {
        Redirect redirect = follow.redirect();
        boolean ask = redirect instanceof Redirect.Ask;
        listener.redirected(
                TRANSACTION.name(),
                ask ? RedirectKind.ASK : RedirectKind.MOVED,
                redirect.slot(),
                from,
                redirect.target());
        if (ask) {
            if (topology.current().nodeAt(redirect.target()).isEmpty()) {
                topology.trigger();
            }
        } else {
            topology.applyMoved(redirect.slot(), redirect.target());
            topology.trigger();
        }
        return redirect;
    }

    /** Writes commands as one batch and completes with all their replies, or with the first failure. */
    CompletionStage<List<RespValue>> write(NodeAddress node, NodeConnection connection, List<RespCommandArgs> batch) {
        listener.requestStarted(node);
        List<CompletionStage<RespValue>> sent = connection.send(batch);
        CompletableFuture<?>[] all =
                sent.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all).handle((ignored, failure) -> {
            listener.requestFinished(node);
            if (failure != null) {
                Throwable cause = RetryClassifier.unwrap(failure);
                if (cause instanceof RedisTimeoutException) {
                    registry.recordResponsiveness(node, false);
                    topology.trigger();
                }
                throw new CompletionException(cause);
            }
            registry.recordResponsiveness(node, true);
            List<RespValue> replies = new ArrayList<>(all.length);
            for (CompletableFuture<?> reply : all) {
                replies.add((RespValue) reply.join());
            }
            return replies;
        });
    }

    /**
     * The attempts of one watched transaction. Each attempt opens a dedicated connection to the slot's node, sends
     * {@code WATCH}, lets the caller read, queues its body and sends the block; a redirect at any step closes the
     * connection and starts a new attempt on the target.
     */
    private final class WatchedAttempts<K, V> {

        private final RedisCodec<K, V> codec;
        private final int slot;
        private final List<byte[]> watchKeys;
        private final WatchedTransaction<K, V> transaction;
        private volatile TransactionBlock current;

        WatchedAttempts(
                RedisCodec<K, V> codec, int slot, List<byte[]> watchKeys, WatchedTransaction<K, V> transaction) {
            this.codec = codec;
            this.slot = slot;
            this.watchKeys = watchKeys;
            this.transaction = transaction;
        }

        void failAll(Throwable failure) {
            TransactionBlock block = current;
            if (block != null) {
                block.failAll(failure);
            }
        }

        /**
         * One attempt on {@code node}; a redirect releases its connection first, then starts the next attempt on the
         * target.
         */
        CompletionStage<TransactionResult> on(NodeAddress node, boolean asking, RedirectTrail trail) {
            NodeConnection connection = registry.dedicated(node, commandTimeout);
            CompletionStage<Object> step;
            try {
                step = watchThenRun(node, connection, asking, trail);
            } catch (RuntimeException e) {
                step = CompletableFuture.failedFuture(e);
            }
            return step.handle((value, failure) -> {
                        registry.release(connection);
                        if (failure != null) {
                            return CompletableFuture.<TransactionResult>failedFuture(RetryClassifier.unwrap(failure));
                        }
                        if (value instanceof RedirectPolicy.Decision.Follow follow) {
                            Redirect redirect = TransactionExecutor.this.follow(node, follow);
                            return on(redirect.target(), redirect instanceof Redirect.Ask, follow.trail());
                        }
                        return CompletableFuture.completedFuture((TransactionResult) value);
                    })
                    .thenCompose(Function.identity());
        }

        /** WATCH, the reads, the block; completes with the {@link TransactionResult} or the redirect to follow. */
        private CompletionStage<Object> watchThenRun(
                NodeAddress node, NodeConnection connection, boolean asking, RedirectTrail trail) {
            return write(node, connection, PinnedCommands.withAsking(asking, RawCommand.ofBytes(watchCommand())))
                    .thenCompose(replies -> {
                        RespValue reply = replies.get(replies.size() - 1).withoutAttributes();
                        if (reply instanceof RespValue.Error error) {
                            return onError(error.message(), node, trail);
                        }
                        PinnedCommands<K, V> reads = new PinnedCommands<>(
                                codec, slot, node, connection, asking, trail, TransactionExecutor.this);
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
                                    return runBlock(node, connection, asking, trail, body);
                                })
                                .thenCompose(Function.identity());
                    });
        }

        private CompletionStage<Object> runBlock(
                NodeAddress node,
                NodeConnection connection,
                boolean asking,
                RedirectTrail trail,
                Consumer<AsyncCommands<K, V>> body) {
            TransactionBlock block = queue(codec, slot, Objects.requireNonNull(body, "prepare completed with null"));
            current = block;
            return write(node, connection, block.wire(asking)).thenCompose(replies -> {
                TransactionBlock.Outcome outcome = block.interpret(replies, asking, node, trail, redirects);
                if (outcome instanceof TransactionBlock.Outcome.Redirected redirected) {
                    block.failAll(new RedisException("The transaction was not run on " + node
                            + ": its slot moved, so it started again on "
                            + redirected.follow().redirect().target()
                            + "; the new attempt's commands hold the results"));
                    return CompletableFuture.completedFuture(redirected.follow());
                }
                return finish(outcome).thenApply(Object.class::cast);
            });
        }

        private CompletionStage<Object> onError(String message, NodeAddress node, RedirectTrail trail) {
            RedirectPolicy.Decision decision = redirects.decide(message, node, trail);
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
}
