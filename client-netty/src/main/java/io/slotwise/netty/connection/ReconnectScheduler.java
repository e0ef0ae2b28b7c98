package io.slotwise.netty.connection;

import io.netty.channel.EventLoop;
import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Schedules a connection's reconnect attempts on its event loop, with {@link ConnectionOptions#reconnectBackoff()} and
 * {@link ConnectionOptions#jitterSource()}: the n-th consecutive failure waits a random part of the n-th window. At
 * most one attempt is pending. Used on the event loop only.
 */
final class ReconnectScheduler {

    private final EventLoop loop;
    private final NodeAddress node;
    private final ConnectionOptions options;
    private final ConnectionListener listener;
    private ScheduledFuture<?> pending;
    private int consecutiveFailures;

    ReconnectScheduler(EventLoop loop, NodeAddress node, ConnectionOptions options, ConnectionListener listener) {
        this.loop = loop;
        this.node = node;
        this.options = options;
        this.listener = listener;
    }

    /** Schedules {@code attempt} after the next backoff delay, replacing any pending one. */
    void schedule(Runnable attempt) {
        cancel();
        int number = consecutiveFailures++;
        Duration delay =
                options.reconnectBackoff().delay(number, options.jitterSource().getAsDouble());
        listener.reconnectScheduled(node, number, delay);
        pending = loop.schedule(
                () -> {
                    pending = null;
                    attempt.run();
                },
                delay.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /** Cancels the pending attempt, if any. */
    void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** Starts the backoff over, after a successful connection. */
    void reset() {
        consecutiveFailures = 0;
    }
}
