package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.resp.RawCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class SubmissionQueueTest {

    /** An event loop stand-in that runs tasks only when told to. */
    private final List<Runnable> tasks = new ArrayList<>();

    private final Executor manualLoop = tasks::add;
    private final List<PendingCommand[]> drained = new ArrayList<>();
    private SubmissionQueue queue;

    @Test
    void aBurstOfSubmissionsSchedulesOneDrainThatTakesThemAll() {
        queue = new SubmissionQueue(manualLoop, 1_000, this::drainAll);
        for (int i = 0; i < 100; i++) {
            queue.offer(entry());
        }
        assertEquals(1, tasks.size(), "one drain task, hence one flush, for the whole burst");
        runTasks();
        assertEquals(100, drained.size());

        queue.offer(entry());
        assertEquals(1, tasks.size(), "the next burst schedules a new drain");
    }

    @Test
    void reservationsBeyondTheLimitAreRefusedUntilReleased() {
        queue = new SubmissionQueue(manualLoop, 3, this::drainAll);
        assertTrue(queue.reserve(2));
        assertFalse(queue.reserve(2), "2 + 2 exceeds 3");
        assertTrue(queue.reserve(1));
        assertFalse(queue.reserve(1));
        queue.release(2);
        assertTrue(queue.reserve(2));
    }

    @Test
    void aRejectingLoopLeavesTheEntryQueuedAndAllowsALaterDrain() {
        Executor[] loop = {
            task -> {
                throw new RejectedExecutionException("shut down");
            }
        };
        queue = new SubmissionQueue(task -> loop[0].execute(task), 10, this::drainAll);
        PendingCommand[] entry = entry();
        assertThrows(RejectedExecutionException.class, () -> queue.offer(entry));
        assertEquals(entry, queue.poll());
        assertNull(queue.poll());
        loop[0] = manualLoop;
        queue.offer(entry());
        assertEquals(1, tasks.size());
    }

    private void drainAll() {
        PendingCommand[] entry;
        while ((entry = queue.poll()) != null) {
            drained.add(entry);
        }
    }

    private void runTasks() {
        List<Runnable> due = new ArrayList<>(tasks);
        tasks.clear();
        due.forEach(Runnable::run);
    }

    private static PendingCommand[] entry() {
        return new PendingCommand[] {new PendingCommand(RawCommand.of("PING"), 0)};
    }
}
