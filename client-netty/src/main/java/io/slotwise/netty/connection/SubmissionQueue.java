package io.slotwise.netty.connection;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands commands from any thread to a connection's event loop, coalescing: however many entries are offered in a
 * burst, one drain task is scheduled, and it takes them all, so the connection can write them and flush once.
 *
 * <p>Also bounds how many commands are accepted but not yet written: callers {@link #reserve(int)} before offering,
 * and the connection {@link #release(int)}s when a command leaves its hands (written, failed or skipped). Entries are
 * arrays, so that a batch stays together.
 *
 * <p>{@link #reserve}, {@link #offer} and {@link #release} are thread-safe; {@link #poll()} is for the event loop.
 */
final class SubmissionQueue {

    private final ConcurrentLinkedQueue<PendingCommand[]> entries = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicInteger unwritten = new AtomicInteger();
    private final Executor loop;
    private final int limit;
    private final Runnable drainTask;

    /**
     * Creates a queue.
     *
     * @param loop the event loop that drains
     * @param limit the most commands reserved at once
     * @param drain called on the loop to take the entries with {@link #poll()}
     */
    SubmissionQueue(Executor loop, int limit, Runnable drain) {
        this.loop = loop;
        this.limit = limit;
        this.drainTask = () -> {
            drainScheduled.set(false);
            drain.run();
        };
    }

    /** Reserves room for {@code count} commands; returns {@code false}, reserving nothing, if over the limit. */
    boolean reserve(int count) {
        if (unwritten.addAndGet(count) > limit) {
            unwritten.addAndGet(-count);
            return false;
        }
        return true;
    }

    /** Returns room reserved for {@code count} commands. */
    void release(int count) {
        unwritten.addAndGet(-count);
    }

    /**
     * Queues an entry and makes sure a drain is scheduled.
     *
     * @throws java.util.concurrent.RejectedExecutionException if the event loop is shut down; the entry stays queued
     */
    void offer(PendingCommand[] entry) {
        entries.offer(entry);
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                loop.execute(drainTask);
            } catch (RuntimeException e) {
                drainScheduled.set(false);
                throw e;
            }
        }
    }

    /** Takes the oldest entry, or {@code null}. */
    PendingCommand[] poll() {
        return entries.poll();
    }
}
