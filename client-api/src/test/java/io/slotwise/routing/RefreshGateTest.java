package io.slotwise.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.routing.RefreshGate.Action;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RefreshGateTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void firstTriggerStartsARefreshAtOnce() {
        assertEquals(Action.START, RefreshGate.idle(SECOND).trigger(123).action());
    }

    @Test
    void aBurstOfTriggersCausesOneRefresh() {
        RefreshGate gate = RefreshGate.idle(SECOND);
        int starts = 0;
        for (int i = 0; i < 1000; i++) {
            RefreshGate.Transition t = gate.trigger(i * 1000L);
            if (t.action() == Action.START) {
                starts++;
            }
            gate = t.next();
        }
        assertEquals(1, starts);
    }

    @Test
    void triggerSoonAfterARefreshSchedulesOneForTheEndOfTheInterval() {
        RefreshGate gate = RefreshGate.idle(SECOND).trigger(0).next().completed();
        RefreshGate.Transition early = gate.trigger(SECOND / 4);
        assertEquals(Action.SCHEDULE, early.action());
        assertEquals(SECOND * 3 / 4, early.delayNanos());
        // Further triggers join the scheduled refresh.
        RefreshGate.Transition again = early.next().trigger(SECOND / 2);
        assertEquals(Action.NONE, again.action());
        RefreshGate.Transition fire = again.next().scheduledTimeReached(SECOND);
        assertEquals(Action.START, fire.action());
        assertEquals(Action.NONE, fire.next().trigger(SECOND + 1).action());
    }

    @Test
    void triggerAfterTheIntervalStartsAtOnce() {
        RefreshGate gate = RefreshGate.idle(SECOND).trigger(0).next().completed();
        assertEquals(Action.START, gate.trigger(SECOND).action());
    }

    @Test
    void scheduledTimeWithNothingScheduledDoesNothing() {
        assertEquals(
                Action.NONE, RefreshGate.idle(SECOND).scheduledTimeReached(5).action());
    }

    @Test
    void aFailedRefreshStillReleasesTheGate() {
        RefreshGate gate = RefreshGate.idle(0).trigger(0).next();
        assertEquals(Action.NONE, gate.trigger(1).action());
        assertEquals(Action.START, gate.completed().trigger(2).action());
    }
}
