package io.slotwise.sim.server;

import java.time.Duration;

/**
 * The faults injected into one node's client side, for tests: input paused (like a process stopped with SIGSTOP, the
 * node reads nothing from its clients and accepts no connection, while the connections stay open and the kernel
 * queues what clients send) and reply latency (every reply leaves that much later, in order). Changed through {@link
 * NodeServer#setInputPaused(boolean)} and {@link #setLatency(Duration)}.
 *
 * <p>Thread-safe: the values are volatile and read on the node's event loop for every read and reply.
 */
public final class ClientFaults {
    private volatile boolean paused;
    private volatile long latencyNanos;

    /** Creates the faults of a healthy node: not paused, no latency. */
    public ClientFaults() {}

    /**
     * Tells whether client input is paused.
     *
     * @return {@code true} while paused
     */
    public boolean paused() {
        return paused;
    }

    void setPaused(boolean paused) {
        this.paused = paused;
    }

    /**
     * Returns the delay added to every reply.
     *
     * @return the latency, {@link Duration#ZERO} when none
     */
    public Duration latency() {
        return Duration.ofNanos(latencyNanos);
    }

    long latencyNanos() {
        return latencyNanos;
    }

    /**
     * Delays every reply written from now on by a fixed latency; {@link Duration#ZERO} answers at once again (replies
     * already delayed keep their time). Replies of one connection keep their order.
     *
     * @param latency the delay, never {@code null} or negative
     * @throws IllegalArgumentException if negative
     */
    public void setLatency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("negative latency " + latency);
        }
        this.latencyNanos = latency.toNanos();
    }

    /** The user event fired at every client channel when input resumes, so its handler reads again. */
    static final Object INPUT_RESUMED = new Object() {
        @Override
        public String toString() {
            return "INPUT_RESUMED";
        }
    };
}
