package io.slotwise.netty.connection;

import io.netty.channel.EventLoop;
import io.slotwise.topology.NodeAddress;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The command timeouts of one connection, served by a single scheduled task instead of one per command. Commands are
 * tracked in the order the connection takes them; since they all get the same timeout, that is (almost exactly) the
 * order of their deadlines, and in a healthy connection they also complete in that order. Completed commands are
 * dropped from the front whenever a command is tracked, so the queue holds about what is in flight. The task runs at
 * the earliest deadline of the queue: it times out every command whose deadline has passed, drops the completed
 * ones, and schedules itself again for the earliest deadline left. Under steady traffic that is one scheduled task
 * per timeout period, not one per command; every command still times out at its own deadline.
 *
 * <p>Confined to the connection's event loop.
 */
final class CommandDeadlines {

    private final EventLoop loop;
    private final NodeAddress node;
    private final Runnable expiry = this::expire;
    private ArrayDeque<PendingCommand> tracked = new ArrayDeque<>();
    private ScheduledFuture<?> timer;
    private long timerDeadline;
    private int clears;

    /**
     * Creates the deadlines of one connection.
     *
     * @param loop the connection's event loop, where the timeouts fire
     * @param node the connection's node, for timeout messages
     */
    CommandDeadlines(EventLoop loop, NodeAddress node) {
        this.loop = loop;
        this.node = node;
    }

    /**
     * Starts watching a command's deadline (counted from its creation); a command whose deadline has already passed
     * times out at once. Commands without a timeout, or already completed, are ignored.
     *
     * @param command the command the connection just took
     */
    void track(PendingCommand command) {
        if (!command.hasTimeout() || command.isDone()) {
            return;
        }
        long now = System.nanoTime();
        long deadline = command.deadlineNanos();
        if (deadline - now <= 0) {
            command.timeOut(node);
            return;
        }
        PendingCommand head;
        while ((head = tracked.peekFirst()) != null && head.isDone()) {
            tracked.pollFirst();
        }
        tracked.addLast(command);
        if (timer == null || deadline - timerDeadline < 0) {
            arm(deadline, now);
        }
    }

    /** Stops watching: cancels the task and forgets every command (the connection has failed them all). */
    void clear() {
        clears++;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        tracked.clear();
    }

    /** How many commands are watched, completed ones not yet dropped included; for tests. */
    int size() {
        return tracked.size();
    }

    private void expire() {
        timer = null;
        long now = System.nanoTime();
        ArrayDeque<PendingCommand> due = tracked;
        tracked = new ArrayDeque<>();
        PendingCommand earliest = null;
        int clearsBefore = clears;
        for (PendingCommand command : due) {
            if (command.isDone()) {
                continue;
            }
            if (command.deadlineNanos() - now <= 0) {
                // Its callbacks may send (tracked in the new queue) or close the connection, which clears: then the
                // rest is failed by the close and nothing is tracked or armed again.
                command.timeOut(node);
                if (clears != clearsBefore) {
                    return;
                }
                continue;
            }
            tracked.addLast(command);
            if (earliest == null || command.deadlineNanos() - earliest.deadlineNanos() < 0) {
                earliest = command;
            }
        }
        if (earliest != null && (timer == null || earliest.deadlineNanos() - timerDeadline < 0)) {
            arm(earliest.deadlineNanos(), now);
        }
    }

    private void arm(long deadline, long now) {
        if (timer != null) {
            timer.cancel(false);
        }
        timerDeadline = deadline;
        try {
            timer = loop.schedule(expiry, deadline - now, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            timer = null; // the event loop is shutting down; the connection fails its commands on close
        }
    }
}
