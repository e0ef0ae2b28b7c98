package io.slotwise.sim;

import io.netty.channel.EventLoop;
import io.slotwise.sim.bus.BusFaults;
import io.slotwise.sim.command.DatasetLoading;
import io.slotwise.sim.server.ClientFaults;
import io.slotwise.sim.server.NodeServer;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

/**
 * The faults a test injects into one {@link SimNode}, modelled on what happens to a real process and its network:
 * <ul>
 *   <li>{@link #pause()}/{@link #resume()}: like SIGSTOP/SIGCONT. The node stops reading from its clients and
 *       accepting connections (what clients send waits in the kernel and is served on resume, in order) and its
 *       cluster bus freezes (no cron, nothing sent, received messages held). Connections stay open, so clients time
 *       out rather than see a disconnect, and peers eventually flag the node PFAIL/FAIL. Timers that do not read input
 *       (active expiry, a blocked command's timeout) keep running.
 *   <li>{@link #setLatency(Duration)}: every reply to a client and every message on the cluster bus leaves that much
 *       later, in order.
 *   <li>{@link #blockBusPeers(Collection)}/{@link #healBus()}: the cluster bus refuses all contact with the given
 *       node IDs (see {@link BusFaults#block}); client connections are not affected.
 *   <li>{@link #setLoading(boolean)}: the node acts as if it were loading its dataset (a replica loading a full
 *       sync, a restarted node reading its RDB): commands without Redis's {@code loading} flag are answered {@code
 *       LOADING Redis is loading the dataset in memory} (see {@link DatasetLoading}); the cluster bus, replication
 *       and the keyspace are unaffected.
 * </ul>
 * A node without a cluster bus supports the client-side faults only.
 *
 * <p>Thread-safe. {@link #pause()} and {@link #resume()} have taken effect when they return (unless called on the
 * node's own event loop, where they take effect once the current task finishes).
 */
public final class NodeFaults {
    private final EventLoop loop;
    private final NodeServer server;
    private final ClientFaults clients;
    private final BusFaults bus;
    private final DatasetLoading loading;

    NodeFaults(EventLoop loop, NodeServer server, ClientFaults clients, BusFaults bus, DatasetLoading loading) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.server = Objects.requireNonNull(server, "server");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.bus = bus;
        this.loading = Objects.requireNonNull(loading, "loading");
    }

    /** Stops processing input from clients and the cluster bus, keeping every connection open. Idempotent. */
    public synchronized void pause() {
        if (bus != null) {
            bus.pause();
        }
        onLoop(() -> server.setInputPaused(true));
    }

    /** Processes input again: what was queued while paused first, in order. Idempotent. */
    public synchronized void resume() {
        onLoop(() -> server.setInputPaused(false));
        if (bus != null) {
            bus.resume();
        }
    }

    /**
     * Tells whether the node is paused.
     *
     * @return {@code true} between {@link #pause()} and {@link #resume()}
     */
    public boolean isPaused() {
        return clients.paused();
    }

    /**
     * Delays every reply to a client and every cluster bus message by a fixed latency; {@link Duration#ZERO} removes
     * the delay for what is sent from now on.
     *
     * @param latency the delay, never {@code null} or negative
     * @throws IllegalArgumentException if negative
     */
    public void setLatency(Duration latency) {
        clients.setLatency(latency);
        if (bus != null) {
            bus.setLatency(latency);
        }
    }

    /**
     * Returns the latency in force.
     *
     * @return the latency, {@link Duration#ZERO} when none
     */
    public Duration latency() {
        return clients.latency();
    }

    /**
     * Makes the cluster bus refuse all contact with the given nodes, in addition to those already blocked (one half
     * of a partition: block the other side on every node of one side).
     *
     * @param nodeIds the node IDs, never {@code null}
     * @throws IllegalStateException if the node has no cluster bus
     */
    public void blockBusPeers(Collection<String> nodeIds) {
        requireBus().block(nodeIds);
    }

    /**
     * Lets the cluster bus talk to every node again; links are reopened by its cron.
     *
     * @throws IllegalStateException if the node has no cluster bus
     */
    public void healBus() {
        requireBus().heal();
    }

    /**
     * Makes the node answer as if it were loading its dataset, or ends that. Takes effect for the next command read.
     *
     * @param value {@code true} to start loading, {@code false} to end it
     */
    public void setLoading(boolean value) {
        loading.set(value);
    }

    /**
     * Tells whether the node acts as if it were loading its dataset.
     *
     * @return {@code true} between {@code setLoading(true)} and {@code setLoading(false)}
     */
    public boolean isLoading() {
        return loading.isLoading();
    }

    /**
     * Returns the cluster bus's own fault knobs, for finer control.
     *
     * @return the bus faults, or empty without a cluster bus
     */
    public Optional<BusFaults> bus() {
        return Optional.ofNullable(bus);
    }

    private BusFaults requireBus() {
        if (bus == null) {
            throw new IllegalStateException("this node has no cluster bus");
        }
        return bus;
    }

    private void onLoop(Runnable action) {
        if (loop.inEventLoop()) {
            action.run();
            return;
        }
        try {
            loop.submit(action).syncUninterruptibly();
        } catch (RejectedExecutionException e) {
            // the node's own loop has shut down: a closed node has no input to pause
        }
    }
}
