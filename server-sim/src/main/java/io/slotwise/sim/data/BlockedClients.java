package io.slotwise.sim.data;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.slotwise.sim.NodeSetup;
import io.slotwise.sim.command.ClientUnblocker;
import io.slotwise.sim.command.PropagationHook;
import io.slotwise.sim.command.ScriptGate;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.KeyChange;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.KeyspaceListener;
import io.slotwise.sim.keyspace.WrongTypeException;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.server.ClientRegistry;
import io.slotwise.sim.server.ClientSession;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The clients of one node blocked on keys (BLPOP, BRPOP, BLMOVE, XREAD, XREADGROUP), served as Redis 7.0 serves them.
 *
 * <p>A client blocks on one or more keys with a {@link Service} that knows how to serve it. A key becomes ready when
 * the keyspace reports it written (created by a push, LMOVE, RENAME, RESTORE, ...) or removed (a stream reader in a
 * consumer group is then answered with an error) while clients wait on it. Ready keys
 * are served by {@link #serveReadyKeys()}, in the order they became ready; on each key the clients are served in the
 * order they blocked (the longest-waiting first) until the key can serve no more. The collection handlers call it
 * before and after every command outside a transaction, so a push wakes waiters once the pushing command has finished
 * (LPUSH's reply counts the elements before any is handed out), and a push inside MULTI wakes them after EXEC; a task
 * queued on the event loop serves keys made ready by other commands. Served clients get their replies in a later task,
 * as Redis answers unblocked clients before it sleeps, so their pipelined commands run after this serving pass.
 *
 * <p>Serving a client is reported to the node's {@link PropagationHook} as a side effect, so that replication
 * propagates what it changed even though the command running at the time (a push) did not change it itself.
 *
 * <p>A client waits until served, until its timeout (answered with a null array, RESP2 {@code *-1}), or until it
 * disconnects: a disconnected client is never served and is dropped from the queues within {@value
 * #SWEEP_PERIOD_MILLIS} ms. The cluster layer ends waits with errors through {@link #unblockWithError}.
 *
 * <p>Threading: confined to the node's event loop, like the keyspace.
 */
public final class BlockedClients {
    /** How often disconnected waiters are looked for while any client is blocked. */
    static final long SWEEP_PERIOD_MILLIS = 100;

    private final EventLoop loop;
    private final ClientRegistry clients;
    private final Supplier<PropagationHook> propagation;
    private final Supplier<ScriptGate> scriptGate;
    private final Map<Key, Deque<Waiter>> waitersByKey = new HashMap<>();
    private final Set<Waiter> waiters = new LinkedHashSet<>();
    private final Set<Key> readyKeys = new LinkedHashSet<>();
    private boolean serving;
    private boolean serveQueued;
    private ScheduledFuture<?> sweep;

    /**
     * @param keyspace the node's keyspace
     * @param loop the node's event loop
     * @param clients the node's clients
     * @param propagation the node's replication hook, looked up when a client is served (a module may provide it after
     *     the keyspace module installed this)
     * @param scriptGate the node's script gate (null without scripting), looked up when keys become ready
     */
    BlockedClients(
            Keyspace keyspace,
            EventLoop loop,
            ClientRegistry clients,
            Supplier<PropagationHook> propagation,
            Supplier<ScriptGate> scriptGate) {
        this.loop = loop;
        this.scriptGate = scriptGate;
        this.clients = clients;
        this.propagation = propagation;
        keyspace.addListener(new KeyspaceListener() {
            @Override
            public void keyChanged(Key key, KeyChange change) {
                if (change != KeyChange.TTL_CHANGED && waitersByKey.containsKey(key)) {
                    readyKeys.add(key);
                    queueServe();
                }
            }

            @Override
            public void keyspaceFlushed(Set<Key> removedKeys) {
                for (Key key : removedKeys) {
                    if (waitersByKey.containsKey(key)) {
                        readyKeys.add(key);
                        queueServe();
                    }
                }
            }
        });
    }

    /**
     * Creates the node's blocked clients, makes them a node service and releases them when the node closes.
     *
     * @param setup the node being built
     * @param keyspace the node's keyspace
     * @return the new instance
     */
    static BlockedClients install(NodeSetup setup, Keyspace keyspace) {
        BlockedClients blocked = new BlockedClients(
                keyspace,
                setup.eventLoop(),
                setup.node().clients(),
                () -> setup.node().service(PropagationHook.class).orElse(PropagationHook.NONE),
                () -> setup.node().service(ScriptGate.class).orElse(null));
        setup.provide(BlockedClients.class, blocked);
        setup.provide(ClientUnblocker.class, blocked::unblock);
        setup.onClose(blocked::close);
        return blocked;
    }

    /** Serves one blocked client from a key that became ready. */
    @FunctionalInterface
    public interface Service {
        /**
         * Tries to serve the client from {@code key}.
         *
         * @return the client's reply, or null if the key cannot serve anyone now (absent, or of another type)
         * @throws WrongTypeException to answer this client with WRONGTYPE and end its wait
         */
        Reply serve(Key key);

        /**
         * Whether a client this service cannot serve keeps the clients behind it waiting (true, for pops: what one
         * cannot take, no one can), or they are tried in turn (false, for stream reads, which wait for different IDs).
         */
        default boolean unservedWaiterStopsTheQueue() {
            return true;
        }
    }

    /**
     * Blocks a client.
     *
     * @param session the client
     * @param keys the keys it waits on, in the order of its command; duplicates are ignored
     * @param timeoutMillis how long it waits, 0 for ever
     * @param service how to serve it
     * @return its reply, completed on the event loop
     */
    public CompletionStage<Reply> block(ClientSession session, List<Key> keys, long timeoutMillis, Service service) {
        Waiter waiter = new Waiter(session, List.copyOf(new LinkedHashSet<>(keys)), service);
        waiters.add(waiter);
        waiter.keys.forEach(key ->
                waitersByKey.computeIfAbsent(key, k -> new ArrayDeque<>()).add(waiter));
        if (timeoutMillis > 0) {
            waiter.timeout =
                    loop.schedule(() -> finish(waiter, Reply.nullArray()), timeoutMillis, TimeUnit.MILLISECONDS);
        }
        if (sweep == null) {
            sweep = loop.scheduleAtFixedRate(
                    this::dropDisconnected, SWEEP_PERIOD_MILLIS, SWEEP_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
        return waiter.reply;
    }

    /**
     * Serves the clients blocked on keys that became ready, until no ready key can serve anyone; does nothing when
     * called while serving. Redis does this after every command ({@code handleClientsBlockedOnKeys}); a dispatcher may
     * call it after each top-level command. Call on the event loop, never from inside a transaction's commands.
     */
    public void serveReadyKeys() {
        if (serving || readyKeys.isEmpty()) {
            return;
        }
        serving = true;
        List<Runnable> replies = new ArrayList<>();
        try {
            while (!readyKeys.isEmpty()) {
                Iterator<Key> next = readyKeys.iterator();
                Key key = next.next();
                next.remove();
                serveKey(key, replies);
            }
        } finally {
            serving = false;
        }
        deliverLater(replies);
    }

    /**
     * Ends the wait of blocked clients with an error reply. For the cluster layer, which in Redis checks blocked
     * clients periodically: when the cluster fails every client gets {@code CLUSTERDOWN The cluster is down}; when the
     * slot of a client's first key is no longer served here (and not being imported), it gets {@code MOVED slot
     * host:port}, or {@code CLUSTERDOWN Hash slot not served} if the slot has no owner (behaviour reference §2.5).
     * Call on the event loop.
     *
     * @param errorFor given the keys a client waits on, in its command's order, returns the full error text (for
     *     example {@code MOVED 3999 127.0.0.1:7001}), or null to leave the client blocked
     * @return how many clients were unblocked
     */
    public int unblockWithError(Function<List<Key>, String> errorFor) {
        List<Runnable> replies = new ArrayList<>();
        for (Waiter waiter : List.copyOf(waiters)) {
            String error = errorFor.apply(waiter.keys);
            if (error != null && release(waiter)) {
                Reply reply = Reply.error(error);
                replies.add(() -> waiter.reply.complete(reply));
            }
        }
        deliverLater(replies);
        return replies.size();
    }

    /**
     * Ends a client's wait as CLIENT UNBLOCK does: with the reply its timeout would give, or with {@code -UNBLOCKED}.
     *
     * @param session the client
     * @param error whether to answer the error
     * @return whether the client was blocked here
     */
    boolean unblock(ClientSession session, boolean error) {
        for (Waiter waiter : List.copyOf(waiters)) {
            if (waiter.session == session && release(waiter)) {
                Reply reply = error ? ClientUnblocker.UNBLOCKED : Reply.nullArray();
                deliverLater(List.of(() -> waiter.reply.complete(reply)));
                return true;
            }
        }
        return false;
    }

    /** Returns how many clients are blocked (INFO's {@code blocked_clients}). */
    public int blockedClientCount() {
        return waiters.size();
    }

    /** Returns on how many distinct keys clients are blocked (INFO's {@code total_blocking_keys}). */
    public int blockedKeyCount() {
        return waitersByKey.size();
    }

    private void serveKey(Key key, List<Runnable> replies) {
        Deque<Waiter> queue = waitersByKey.get(key);
        if (queue == null) {
            return;
        }
        for (Waiter waiter : List.copyOf(queue)) {
            if (!waiters.contains(waiter)) {
                continue;
            }
            if (!isConnected(waiter)) {
                finish(waiter, null);
                continue;
            }
            Reply reply;
            PropagationHook hook = propagation.get();
            hook.sideEffectsStarting();
            try {
                reply = waiter.service.serve(key);
            } catch (WrongTypeException e) {
                reply = Reply.error(e.getMessage());
            } finally {
                hook.sideEffectsFinished();
            }
            if (reply == null) {
                if (waiter.service.unservedWaiterStopsTheQueue()) {
                    return;
                }
                continue;
            }
            release(waiter);
            Reply served = reply;
            replies.add(() -> waiter.reply.complete(served));
        }
    }

    private boolean isConnected(Waiter waiter) {
        return clients.find(waiter.session.id()).orElse(null) == waiter.session;
    }

    private void dropDisconnected() {
        for (Waiter waiter : List.copyOf(waiters)) {
            if (!isConnected(waiter)) {
                finish(waiter, null);
            }
        }
    }

    /** Ends a wait now; a null reply writes nothing (the connection is gone). */
    private void finish(Waiter waiter, Reply reply) {
        if (release(waiter)) {
            waiter.reply.complete(reply);
        }
    }

    /** Removes a waiter from every queue; returns false if it was not waiting any more. */
    private boolean release(Waiter waiter) {
        if (!waiters.remove(waiter)) {
            return false;
        }
        for (Key key : waiter.keys) {
            Deque<Waiter> queue = waitersByKey.get(key);
            queue.remove(waiter);
            if (queue.isEmpty()) {
                waitersByKey.remove(key);
                readyKeys.remove(key);
            }
        }
        if (waiter.timeout != null) {
            waiter.timeout.cancel(false);
        }
        if (waiters.isEmpty() && sweep != null) {
            sweep.cancel(false);
            sweep = null;
        }
        return true;
    }

    private void queueServe() {
        if (serving || serveQueued) {
            return;
        }
        serveQueued = true;
        execute(() -> {
            Runnable serve = () -> {
                serveQueued = false;
                serveReadyKeys();
            };
            // Never in the middle of a script: clients it made ready are served once it has ended, as in Redis.
            ScriptGate gate = scriptGate.get();
            if (gate == null) {
                serve.run();
            } else {
                gate.whenIdle(serve);
            }
        });
    }

    private void deliverLater(List<Runnable> replies) {
        if (!replies.isEmpty()) {
            execute(() -> replies.forEach(Runnable::run));
        }
    }

    private void execute(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // The node is shutting down: its connections are closing and nobody is left to answer.
        }
    }

    /** Ends every wait without a reply and stops the timers: the node is closing. */
    private void close() {
        List.copyOf(waiters).forEach(waiter -> finish(waiter, null));
        readyKeys.clear();
    }

    /** One blocked client. */
    private static final class Waiter {
        final ClientSession session;
        final List<Key> keys;
        final Service service;
        final CompletableFuture<Reply> reply = new CompletableFuture<>();
        ScheduledFuture<?> timeout;

        Waiter(ClientSession session, List<Key> keys, Service service) {
            this.session = session;
            this.keys = keys;
            this.service = service;
        }
    }
}
