package io.slotwise.sim.bus;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Faults injected into one node's bus, for tests. Three independent knobs, each modelled on what TCP really does, so
 * that the bus recovers after a fault exactly as Redis does (a message is either delivered or its connection breaks):
 * <ul>
 *   <li><b>partition</b> ({@link #block}): this node refuses all contact with the blocked node IDs, like a firewall
 *       that rejects: its links to and from them are reset (within one cron tick, or when a packet arrives), its
 *       connection attempts to them fail at once, and packets from them are discarded. Blocking a node on one side
 *       cuts both directions between the pair; to split a cluster in two groups, block the other group on every node
 *       of one group. {@link #heal()} lets the cron reconnect.
 *   <li><b>latency</b> ({@link #setLatency}): every outgoing message is held back for a fixed delay; a link's messages
 *       keep their order.
 *   <li><b>pause</b> ({@link #pause}): the node behaves like a stopped process whose sockets stay open: its cron does
 *       nothing and it sends nothing, while received messages wait (in order, up to
 *       {@value LinkManager#MAX_PAUSED_MESSAGES}) and are processed on {@link #resume()}.
 * </ul>
 * Discarded messages count neither as sent nor as received, and never as liveness.
 *
 * <p>Thread-safe: setters may be called from any thread. Each setter publishes a new immutable snapshot atomically; the
 * bus reads the current snapshot on its event loop for every message and cron tick, so a change applies to every
 * message handled after the setter returns.
 */
public final class BusFaults {

    private static final Settings NONE = new Settings(Set.of(), 0, false);

    private final AtomicReference<Settings> settings = new AtomicReference<>(NONE);

    /** The faults in force at one moment. */
    record Settings(Set<String> blockedNodeIds, long latencyNanos, boolean paused) {}

    /**
     * Starts refusing all contact with the given nodes, in addition to nodes already blocked.
     *
     * @param nodeIds node IDs, never {@code null}
     */
    public void block(Collection<String> nodeIds) {
        Set<String> added = Set.copyOf(nodeIds);
        update(current -> {
            Set<String> blocked = new HashSet<>(current.blockedNodeIds());
            blocked.addAll(added);
            return new Settings(Set.copyOf(blocked), current.latencyNanos(), current.paused());
        });
    }

    /** Unblocks every node (the partition heals; links are reopened by the cron). */
    public void heal() {
        update(current -> new Settings(Set.of(), current.latencyNanos(), current.paused()));
    }

    /**
     * Delays every outgoing message by a fixed latency; {@link Duration#ZERO} sends immediately again.
     *
     * @param latency the delay, never {@code null} or negative
     * @throws IllegalArgumentException if negative
     */
    public void setLatency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("negative latency " + latency);
        }
        long nanos = latency.toNanos();
        update(current -> new Settings(current.blockedNodeIds(), nanos, current.paused()));
    }

    /** Freezes the bus: no cron work, nothing sent, received messages held, until {@link #resume()}. */
    public void pause() {
        update(current -> new Settings(current.blockedNodeIds(), current.latencyNanos(), true));
    }

    /** Unfreezes the bus; held messages are processed at its next cron tick, before anything else. */
    public void resume() {
        update(current -> new Settings(current.blockedNodeIds(), current.latencyNanos(), false));
    }

    /** Removes every fault. */
    public void clear() {
        settings.set(NONE);
    }

    /**
     * Returns the node IDs this node refuses contact with.
     *
     * @return an immutable set
     */
    public Set<String> blockedNodeIds() {
        return settings.get().blockedNodeIds();
    }

    /**
     * Returns the latency added to outgoing messages.
     *
     * @return the latency, {@link Duration#ZERO} when none
     */
    public Duration latency() {
        return Duration.ofNanos(settings.get().latencyNanos());
    }

    /**
     * Tells whether the bus is paused.
     *
     * @return {@code true} while paused
     */
    public boolean paused() {
        return settings.get().paused();
    }

    Settings snapshot() {
        return settings.get();
    }

    private void update(UnaryOperator<Settings> change) {
        Objects.requireNonNull(change);
        settings.updateAndGet(change);
    }

    @Override
    public String toString() {
        Settings current = settings.get();
        return "BusFaults{blocked=" + current.blockedNodeIds() + ", latencyNanos=" + current.latencyNanos()
                + ", paused=" + current.paused() + "}";
    }
}
