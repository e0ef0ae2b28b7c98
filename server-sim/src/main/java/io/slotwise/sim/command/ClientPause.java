package io.slotwise.sim.command;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.slotwise.sim.server.ClientSession;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * CLIENT PAUSE and UNPAUSE of one node. While a pause is in effect, a client's command waits (inside the dispatcher,
 * without blocking the event loop or other connections' replies) until the pause ends: every command in mode ALL, and
 * in mode WRITE every command that may write or replicate (EXEC when a queued command may). A second pause keeps the
 * more restrictive mode and the later end, as Redis does. Commands a replica receives from its master are never paused.
 *
 * <p>Threading: used on the node's event loop only.
 */
final class ClientPause {
    /** What a pause holds back. */
    enum Mode {
        /** Commands that may write or replicate. */
        WRITE,
        /** Every command. */
        ALL
    }

    private Mode mode;
    private long endMillis;
    private ScheduledFuture<?> timer;
    private CompletableFuture<Void> lifted;

    /**
     * Pauses clients until {@code nowMillis + timeoutMillis}, or extends the current pause.
     *
     * @param requested the mode
     * @param timeoutMillis how long, at least 0
     * @param loop the node's event loop, which ends the pause
     */
    void pause(Mode requested, long timeoutMillis, EventLoop loop) {
        long end = System.currentTimeMillis() + timeoutMillis;
        if (mode == null || requested.compareTo(mode) > 0) {
            mode = requested;
        }
        if (lifted == null || end > endMillis) {
            endMillis = end;
            if (timer != null) {
                timer.cancel(false);
            }
            timer = loop.schedule(this::unpause, timeoutMillis, TimeUnit.MILLISECONDS);
        }
        if (lifted == null) {
            lifted = new CompletableFuture<>();
        }
    }

    /** Ends the pause at once; the commands that waited run in the order they arrived. */
    void unpause() {
        CompletableFuture<Void> waiting = lifted;
        mode = null;
        lifted = null;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (waiting != null) {
            waiting.complete(null);
        }
    }

    /** Whether a pause is in effect. */
    boolean active() {
        return lifted != null;
    }

    /**
     * Returns what a command must wait for, or null if it may run now.
     *
     * @param invocation the command
     * @param session its client
     * @return a future completed when the pause ends, or null
     */
    CompletableFuture<Void> holdBack(Invocation invocation, ClientSession session) {
        if (lifted == null) {
            return null;
        }
        if (mode == Mode.ALL || mayReplicate(invocation.spec())) {
            return lifted;
        }
        if (invocation.spec().name().equals("exec") && session.inMulti()) {
            for (Invocation queued : session.transaction().queued()) {
                if (mayReplicate(queued.spec())) {
                    return lifted;
                }
            }
        }
        return null;
    }

    private static boolean mayReplicate(CommandSpec spec) {
        return spec.has(CommandFlag.WRITE) || spec.has(CommandFlag.MAY_REPLICATE);
    }
}
