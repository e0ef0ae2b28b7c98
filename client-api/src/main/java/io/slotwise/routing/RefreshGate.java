package io.slotwise.routing;

/**
 * Coalesces topology refresh triggers: at most one refresh runs at a time, and refreshes start at most once per
 * interval. A trigger that arrives while a refresh runs joins it; one that arrives too soon after the last start
 * schedules a single refresh for when the interval has passed, and later triggers join that.
 *
 * <p>An immutable state: every transition returns the next state and what to do. The I/O side keeps the state in an
 * atomic reference and applies transitions with compare-and-set, so no lock is needed. Times are
 * {@link System#nanoTime()} values passed in by the caller.
 *
 * @param minIntervalNanos the least time between two refresh starts
 * @param inFlight whether a refresh is running
 * @param scheduled whether a refresh is scheduled to start later
 * @param lastStartNanos when the last refresh started; meaningless until one has started
 * @param started whether any refresh has started
 */
public record RefreshGate(
        long minIntervalNanos, boolean inFlight, boolean scheduled, long lastStartNanos, boolean started) {

    /**
     * A gate for a client that has not refreshed yet.
     *
     * @param minIntervalNanos the least time between two refresh starts, at least 0
     * @return the gate
     */
    public static RefreshGate idle(long minIntervalNanos) {
        if (minIntervalNanos < 0) {
            throw new IllegalArgumentException("minIntervalNanos must be >= 0");
        }
        return new RefreshGate(minIntervalNanos, false, false, 0, false);
    }

    /**
     * Something suggests the topology changed (MOVED, a lost connection, an uncovered slot, the periodic timer).
     *
     * @param nowNanos the current time
     * @return the next state and whether to start a refresh now, schedule one, or do nothing
     */
    public Transition trigger(long nowNanos) {
        if (inFlight || scheduled) {
            return new Transition(this, Action.NONE, 0);
        }
        long sinceLast = nowNanos - lastStartNanos;
        if (!started || sinceLast >= minIntervalNanos) {
            return new Transition(new RefreshGate(minIntervalNanos, true, false, nowNanos, true), Action.START, 0);
        }
        return new Transition(
                new RefreshGate(minIntervalNanos, false, true, lastStartNanos, true),
                Action.SCHEDULE,
                minIntervalNanos - sinceLast);
    }

    /**
     * The scheduled refresh's time has come.
     *
     * @param nowNanos the current time
     * @return the next state, with {@link Action#START}, or {@link Action#NONE} if nothing was scheduled
     */
    public Transition scheduledTimeReached(long nowNanos) {
        if (!scheduled) {
            return new Transition(this, Action.NONE, 0);
        }
        return new Transition(new RefreshGate(minIntervalNanos, true, false, nowNanos, true), Action.START, 0);
    }

    /**
     * The running refresh finished, successfully or not.
     *
     * @return the next state
     */
    public RefreshGate completed() {
        return new RefreshGate(minIntervalNanos, false, scheduled, lastStartNanos, started);
    }

    /** What the caller should do after a transition. */
    public enum Action {
        /** Start a refresh now. */
        START,
        /** Schedule {@link #scheduledTimeReached} after {@link Transition#delayNanos()}. */
        SCHEDULE,
        /** Nothing: the trigger joined a running or scheduled refresh. */
        NONE
    }

    /**
     * The result of a transition.
     *
     * @param next the gate's next state
     * @param action what to do
     * @param delayNanos for {@link Action#SCHEDULE}, how long to wait; 0 otherwise
     */
    public record Transition(RefreshGate next, Action action, long delayNanos) {}
}
