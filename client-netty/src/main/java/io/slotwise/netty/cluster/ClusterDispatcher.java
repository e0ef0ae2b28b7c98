package io.slotwise.netty.cluster;

import io.slotwise.RedisCommandException;
import io.slotwise.RedisException;
import io.slotwise.RedisTimeoutException;
import io.slotwise.UncoveredSlotException;
import io.slotwise.command.Command;
import io.slotwise.command.CommandTrait;
import io.slotwise.command.Routing;
import io.slotwise.event.ClientEventListener;
import io.slotwise.event.RedirectKind;
import io.slotwise.netty.caching.CachingReads;
import io.slotwise.netty.connection.NodeConnection;
import io.slotwise.netty.retry.RetryClassifier;
import io.slotwise.netty.retry.TransientRetry;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespCommandArgs;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.Redirect;
import io.slotwise.routing.RedirectPolicy;
import io.slotwise.routing.RedirectTrail;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The one class that joins routing and I/O. For each command:
 *
 * <ol>
 *   <li>read the topology once ({@link TopologyRefresher#current()}) and never again for that attempt;
 *   <li>route: by the command's slot ({@link NodeSelector}), to any node, to the node the command names, to every
 *       primary or node ({@link
 *       FanOutExecutor}), or per slot for a split multi-key command ({@link SplitExecutor}, one pipelined batch per
 *       node);
 *   <li>write to the node's connection ({@link ConnectionRegistry});
 *   <li>on an error reply, ask {@link RedirectPolicy} and act on its decision: {@code MOVED} patches the slot and
 *       triggers a refresh, then the command goes to the new owner; {@code ASK} sends {@code ASKING} and the command to
 *       the target as one batch; {@code RetryLater} and retryable connection failures end the attempt, and {@link
 *       TransientRetry} starts a new one, from step 1, after a backoff; anything else fails the command (a timeout
 *       also triggers a refresh);
 *   <li>merge (split, fan-out) and decode once.
 * </ol>
 *
 * With client-side caching ({@link CachingReads}), a cacheable command is first looked up in the cache, and a hit
 * completes without any of the above; a miss is sent as usual and its reply cached. A write drops the cached replies of
 * its keys when it is sent and again before its caller sees it complete.
 *
 * <p>Every returned stage completes: each request has the command timeout, redirects and retries are bounded, and
 * {@link #failPending} completes whatever is left when the client closes. Thread-safe.
 */
final class ClusterDispatcher {

    private static final RespCommandArgs ASKING = RawCommand.of("ASKING");

    private final TopologyRefresher topology;
    private final ConnectionRegistry registry;
    private final NodeSelector selector;
    private final RedirectPolicy redirects;
    private final TransientRetry retry;
    private final ClientEventListener listener;
    private final Duration commandTimeout;
    private final CachingReads cache;
    /** Whether anyone listens; if not, command latencies are not measured. */
    private final boolean observed;

    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    ClusterDispatcher(
            TopologyRefresher topology,
            ConnectionRegistry registry,
            NodeSelector selector,
            RedirectPolicy redirects,
            TransientRetry retry,
            ClientEventListener listener,
            Duration commandTimeout,
            CachingReads cache) {
        this.topology = topology;
        this.registry = registry;
        this.selector = selector;
        this.redirects = redirects;
        this.retry = retry;
        this.listener = listener;
        this.commandTimeout = commandTimeout;
        this.cache = cache;
        this.observed = listener != ClientEventListener.NONE;
    }

    /**
     * Sends a command and decodes its final reply.
     *
     * @param command the command
     * @param <T> the decoded type
     * @return completes with the decoded reply or the failure the caller should see
     */
    <T> CompletionStage<T> execute(Command<T> command) {
        long start = observed ? System.nanoTime() : 0L;
        CompletableFuture<T> result = new CompletableFuture<>();
        pending.add(result);
        if (closed) {
            complete(command, start, result, null, new RedisException("The client is closed"));
            return result;
        }
        try {
            cache.written(command);
            RespValue hit = cache.cached(command);
            if (hit != null) {
                complete(command, start, result, hit, null);
            } else if (isSingleSlot(command)) {
                // The common case: the retry hands its outcome straight to complete(), with no stage in between.
                retry.run(
                        command,
                        keyedAttempt(command, command.slot().getAsInt()),
                        (value, failure) -> complete(command, start, result, value, failure));
            } else {
                dispatch(command).whenComplete((value, failure) -> complete(command, start, result, value, failure));
            }
        } catch (RuntimeException e) {
            complete(command, start, result, null, e);
        }
        return result;
    }

    private static boolean isSingleSlot(Command<?> command) {
        return command.routing() instanceof Routing.ByKeys && command.slot().isPresent();
    }

    /** Routes by the command's {@link Routing}; the caller decodes. */
    private CompletionStage<RespValue> dispatch(Command<?> command) {
        Routing routing = command.routing();
        if (routing instanceof Routing.FanOut fanOut) {
            ClusterTopology planned = topology.current();
            return FanOutExecutor.run(
                    command,
                    fanOut,
                    planned,
                    node -> retry.run(
                            command,
                            attempt -> follow(
                                    command,
                                    attempt == 1
                                            ? node
                                            : FanOutExecutor.retryTarget(
                                                    planned, node, fanOut.target(), topology.current()))));
        }
        if (routing instanceof Routing.ToNode toNode) {
            return retry.run(command, attempt -> follow(command, toNode.node()));
        }
        if (routing instanceof Routing.AnyNode) {
            return retry.run(command, attempt -> follow(command, selector.forAnyNode(command, topology.current())));
        }
        return command.slot().isPresent()
                ? keyed(command, command.slot().getAsInt())
                : SplitExecutor.run(command, this::parts);
    }

    /** Fails every command still pending; called once the client's connections are closed. */
    void failPending(String why) {
        closed = true;
        for (CompletableFuture<?> future : List.copyOf(pending)) {
            future.completeExceptionally(new RedisException(why));
            pending.remove(future);
        }
    }

    /** Stops accepting commands; those pending are no longer retried. */
    void close() {
        closed = true;
    }

    private <T> void complete(
            Command<T> command, long start, CompletableFuture<T> result, RespValue value, Throwable failure) {
        pending.remove(result);
        cache.written(command);
        if (result.isDone()) {
            return;
        }
        Duration latency = observed ? Duration.ofNanos(System.nanoTime() - start) : Duration.ZERO;
        // Events first, so that metrics include a command by the time its caller sees it complete.
        if (failure == null) {
            try {
                T decoded = command.decode(value);
                listener.commandSucceeded(command.name(), latency);
                result.complete(decoded);
                return;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        Throwable cause = RetryClassifier.unwrap(failure);
        listener.commandFailed(command.name(), latency, cause);
        result.completeExceptionally(cause);
    }

    /**
     * A command whose keys share one slot: routed against a fresh snapshot on each attempt. While the slot's node is
     * unresponsive (a request to it timed out and nothing has been heard since), the command first waits for the next
     * topology refresh, which may hand the slot to a promoted replica, instead of queueing behind requests that are
     * likely to time out; after that refresh it goes wherever the topology says, so a node that merely stalled gets
     * its traffic back, and answering it makes it responsive again.
     */
    private CompletionStage<RespValue> keyed(Command<?> command, int slot) {
        return retry.run(command, keyedAttempt(command, slot));
    }

    /** One attempt of {@link #keyed}. */
    private IntFunction<CompletionStage<RespValue>> keyedAttempt(Command<?> command, int slot) {
        return attempt -> {
            NodeAddress node = route(command, slot, topology.current());
            if (!registry.isUnresponsive(node)) {
                return follow(command, node);
            }
            return topology.afterNextRefresh()
                    .thenCompose(refreshed -> follow(command, route(command, slot, topology.current())));
        };
    }

    private NodeAddress route(Command<?> command, int slot, ClusterTopology snapshot) {
        try {
            return selector.forSlot(command, slot, snapshot);
        } catch (UncoveredSlotException e) {
            topology.trigger();
            throw e;
        }
    }

    /**
     * The parts of a split command: routed against one snapshot, sent to each node as one batch, each part then
     * handling its redirects and retries on its own (a retry routes that part alone against a fresh snapshot). Parts
     * for an unresponsive node take the single-slot path, which waits for the next refresh first.
     */
    private List<CompletionStage<RespValue>> parts(List<Command<RespValue>> parts) {
        ClusterTopology snapshot = topology.current();
        List<CompletionStage<RespValue>> replies = new ArrayList<>(parts.size());
        Map<NodeAddress, List<Integer>> byNode = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            replies.add(null);
            Command<RespValue> part = parts.get(i);
            int slot = part.slot().orElseThrow();
            try {
                NodeAddress node = route(part, slot, snapshot);
                if (registry.isUnresponsive(node)) {
                    replies.set(i, keyed(part, slot));
                } else {
                    byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(i);
                }
            } catch (RuntimeException e) {
                replies.set(i, keyed(part, slot));
            }
        }
        byNode.forEach((node, indexes) -> {
            List<Command<RespValue>> batch = new ArrayList<>(indexes.size());
            for (int index : indexes) {
                batch.add(parts.get(index));
            }
            List<CompletionStage<RespValue>> sent = sendBatch(node, batch);
            for (int j = 0; j < indexes.size(); j++) {
                Command<RespValue> part = batch.get(j);
                CompletionStage<RespValue> first = afterReply(part, node, null, sent.get(j), null);
                int slot = part.slot().orElseThrow();
                replies.set(
                        indexes.get(j),
                        retry.run(
                                part,
                                attempt -> attempt == 1 ? first : follow(part, route(part, slot, topology.current()))));
            }
        });
        return replies;
    }

    /** Sends a command to a node and follows its redirects. */
    private CompletionStage<RespValue> follow(Command<?> command, NodeAddress node) {
        return send(node, command, false, null);
    }

    /**
     * Waits for the reply to one request, records the request as finished (and releases a dedicated connection), and
     * completes with the reply, or with what following its redirect gives. One callback per request: the common case,
     * a reply that is not an error, builds no further stage.
     *
     * @param trail the nodes the command went to so far, or {@code null} if {@code node} was the first
     * @param dedicated the leased connection to give back (or close, after a failure), or {@code null} for a shared one
     */
    private CompletionStage<RespValue> afterReply(
            Command<?> command,
            NodeAddress node,
            RedirectTrail trail,
            CompletionStage<RespValue> reply,
            NodeConnection dedicated) {
        CompletableFuture<RespValue> outcome = new CompletableFuture<>();
        reply.whenComplete((value, failure) -> {
            try {
                try {
                    finished(node, failure);
                } finally {
                    if (dedicated != null) {
                        // A reply (even an error) leaves the connection clean; after a timeout or a lost connection
                        // the server may still be blocking for it, so it is closed, never reused.
                        if (failure == null) {
                            registry.giveBack(dedicated);
                        } else {
                            registry.release(dedicated);
                        }
                    }
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    outcome.completeExceptionally(e);
                    return;
                }
            }
            if (failure != null) {
                outcome.completeExceptionally(failure);
            } else if (!(value.withoutAttributes() instanceof RespValue.Error error)) {
                outcome.complete(value);
            } else {
                CompletionStage<RespValue> next;
                try {
                    next = onError(command, node, trail == null ? RedirectTrail.startingAt(node) : trail, error);
                } catch (RuntimeException e) {
                    next = CompletableFuture.failedFuture(e);
                }
                next.whenComplete((nextValue, nextFailure) -> {
                    if (nextFailure == null) {
                        outcome.complete(nextValue);
                    } else {
                        outcome.completeExceptionally(nextFailure);
                    }
                });
            }
        });
        return outcome;
    }

    private CompletionStage<RespValue> onError(
            Command<?> command, NodeAddress node, RedirectTrail trail, RespValue.Error error) {
        RedirectPolicy.Decision decision = redirects.decide(error.message(), node, trail);
        if (decision instanceof RedirectPolicy.Decision.Follow follow) {
            return redirect(command, node, follow);
        }
        if (decision instanceof RedirectPolicy.Decision.Fail fail) {
            return CompletableFuture.failedFuture(fail.failure());
        }
        // RetryLater (transient: TransientRetry retries it by its code) and ReturnError both reach the caller as the
        // server's error once no retry is left.
        return CompletableFuture.failedFuture(new RedisCommandException(command.name(), error.message()));
    }

    private CompletionStage<RespValue> redirect(
            Command<?> command, NodeAddress from, RedirectPolicy.Decision.Follow follow) {
        Redirect redirect = follow.redirect();
        NodeAddress target = redirect.target();
        boolean ask = redirect instanceof Redirect.Ask;
        listener.redirected(command.name(), ask ? RedirectKind.ASK : RedirectKind.MOVED, redirect.slot(), from, target);
        if (ask) {
            if (topology.current().nodeAt(target).isEmpty()) {
                topology.trigger();
            }
        } else {
            topology.applyMoved(redirect.slot(), target);
            topology.trigger();
        }
        return send(target, command, ask, follow.trail());
    }

    /**
     * Sends a command to a node ({@code ASKING} first if asked) and follows its redirects. A blocking command gets a
     * connection no other command uses while it waits, leased from the registry's pool of reusable dedicated
     * connections (so a consumer calling {@code BLPOP} in a loop does not open a connection per call), with its
     * blocking timeout plus the command timeout ({@link Duration#ZERO}, for ever, when it blocks indefinitely).
     *
     * @param trail the nodes the command went to before, ending with {@code node}; {@code null} if this is the first
     */
    private CompletionStage<RespValue> send(NodeAddress node, Command<?> command, boolean asking, RedirectTrail trail) {
        if (command.has(CommandTrait.BLOCKING)) {
            Duration blocking = command.blockingTimeout().orElse(Duration.ZERO);
            Duration timeout = blocking.isZero() ? Duration.ZERO : blocking.plus(commandTimeout);
            NodeConnection leased = registry.leaseReusable(node, commandTimeout);
            listener.requestStarted(node);
            CompletionStage<RespValue> reply =
                    asking ? leased.send(List.of(ASKING, command), timeout).get(1) : leased.send(command, timeout);
            return afterReply(command, node, trail, reply, leased);
        }
        NodeConnection connection = registry.get(node);
        listener.requestStarted(node);
        CompletionStage<RespValue> reply =
                asking ? connection.send(List.of(ASKING, command)).get(1) : cache.send(connection, command);
        return afterReply(command, node, trail, reply, null);
    }

    /** Sends a batch to a node as one write; the replies are raw, for {@link #afterReply}. */
    private List<CompletionStage<RespValue>> sendBatch(NodeAddress node, List<Command<RespValue>> batch) {
        NodeConnection connection = registry.get(node);
        List<CompletionStage<RespValue>> replies = connection.send(batch);
        for (int i = 0; i < replies.size(); i++) {
            listener.requestStarted(node);
        }
        return replies;
    }

    /**
     * A request to a node ended. A timeout marks the node unresponsive until it answers again and triggers a topology
     * refresh: the node may hang while a replica is promoted in its place (the refresh gate makes a burst of timeouts
     * cost one refresh).
     */
    private void finished(NodeAddress node, Throwable failure) {
        listener.requestFinished(node);
        if (failure == null) {
            registry.recordResponsiveness(node, true);
        } else if (RetryClassifier.unwrap(failure) instanceof RedisTimeoutException) {
            registry.recordResponsiveness(node, false);
            topology.trigger();
        }
    }
}
