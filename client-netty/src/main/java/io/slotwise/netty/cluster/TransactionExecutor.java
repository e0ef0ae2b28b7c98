package io.slotwise.netty.cluster;

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
import io.slotwise.resp.RespCommandArgs;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.Redirect;
import io.slotwise.routing.RedirectPolicy;
import io.slotwise.routing.RedirectTrail;
import io.slotwise.routing.SingleSlotRequirement;
import io.slotwise.topology.NodeAddress;
import io.slotwise.value.TransactionResult;
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
 * belong to a connection, and any {@code EXEC} on it ends the watch), so it runs on a dedicated connection
 * ({@link WatchedAttempts}): {@code WATCH}, the caller's reads, then the block. Dedicated connections are reused from
 * a small per-node pool ({@link ConnectionRegistry#leaseReusable}) rather than opened per transaction.
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
        WatchedAttempts<K, V> attempts = new WatchedAttempts<>(this, codec, slot, encoded, transaction);
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

    /** The connections, for {@link WatchedAttempts}. */
    ConnectionRegistry registry() {
        return registry;
    }

    /** How long a command may take, for {@link WatchedAttempts}' dedicated connections. */
    Duration commandTimeout() {
        return commandTimeout;
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
    static <K, V> TransactionBlock queue(RedisCodec<K, V> codec, int slot, Consumer<? super AsyncCommands<K, V>> body) {
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

    /** The result of a final outcome: the transaction's result, or its failure. */
    static CompletionStage<TransactionResult> finish(TransactionBlock.Outcome outcome) {
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

    /**
     * Writes commands as one batch on a watched attempt's connection, like {@link #write(NodeAddress, NodeConnection,
     * List)}, and notes in the session when one ends without a reply, so the connection is not reused.
     */
    CompletionStage<List<RespValue>> write(NodeAddress node, WatchSession session, List<RespCommandArgs> batch) {
        return write(node, session.connection(), batch).whenComplete((replies, failure) -> {
            if (failure != null) {
                session.failedWithoutReply();
            }
        });
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
}
