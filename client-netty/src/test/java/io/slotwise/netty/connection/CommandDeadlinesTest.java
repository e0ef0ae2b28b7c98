package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.slotwise.RedisTimeoutException;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommandDeadlinesTest {

    private static final NodeAddress NODE = new NodeAddress("127.0.0.1", 7000);
    private static final long SHORT = TimeUnit.MILLISECONDS.toNanos(150);
    private static final long LONG = TimeUnit.SECONDS.toNanos(60);

    private final EventLoop loop = new DefaultEventLoop();
    private final CommandDeadlines deadlines = new CommandDeadlines(loop, NODE);

    @AfterEach
    void stopLoop() throws Exception {
        onLoop(() -> {
            deadlines.clear();
            return null;
        });
        assertTrue(loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS));
    }

    @Test
    void aCommandWithoutReplyTimesOutAfterItsTimeoutAndSaysItWasNotSent() throws Exception {
        PendingCommand command = new PendingCommand(RawCommand.of("GET", "k"), SHORT);
        long start = System.nanoTime();
        track(command);
        RedisTimeoutException timeout = Awaits.failure(command.future(), RedisTimeoutException.class);
        assertTrue(System.nanoTime() - start >= SHORT - TimeUnit.MILLISECONDS.toNanos(5), "fired too early");
        assertEquals(
                "Command GET timed out after 150 ms before it could be sent to " + NODE + " (not connected)",
                timeout.getMessage());
    }

    @Test
    void commandsThatCompleteInTimeAreNotTimedOutAndOthersStillAre() throws Exception {
        PendingCommand answered = new PendingCommand(RawCommand.of("GET", "a"), SHORT);
        PendingCommand unanswered = new PendingCommand(RawCommand.of("GET", "b"), SHORT);
        track(answered);
        track(unanswered);
        answered.complete(RespValue.Null.INSTANCE);
        Awaits.failure(unanswered.future(), RedisTimeoutException.class);
        assertEquals(RespValue.Null.INSTANCE, answered.future().getNow(null));
    }

    @Test
    void aLaterCommandWithAnEarlierDeadlineTimesOutAtItsOwnDeadline() throws Exception {
        PendingCommand slow = new PendingCommand(RawCommand.of("BLPOP", "k", "0"), LONG);
        PendingCommand quick = new PendingCommand(RawCommand.of("GET", "k"), SHORT);
        track(slow);
        track(quick);
        Awaits.failure(quick.future(), RedisTimeoutException.class);
        assertFalse(slow.isDone());
    }

    @Test
    void aCommandWhoseDeadlinePassedBeforeItWasTrackedTimesOutAtOnce() throws Exception {
        PendingCommand late = new PendingCommand(RawCommand.of("GET", "k"), 1);
        long waited = System.nanoTime();
        while (System.nanoTime() - waited < 2) {
            Thread.onSpinWait(); // the deadline is one nanosecond after creation
        }
        track(late);
        assertTrue(late.isDone(), "timed out while being tracked");
        Awaits.failure(late.future(), RedisTimeoutException.class);
    }

    @Test
    void completedCommandsAreDroppedAsNewOnesAreTracked() throws Exception {
        for (int i = 0; i < 1000; i++) {
            PendingCommand command = new PendingCommand(RawCommand.of("GET", "k" + i), LONG);
            track(command);
            command.complete(RespValue.Null.INSTANCE);
        }
        assertEquals(1, onLoop(deadlines::size));
    }

    @Test
    void commandsWithoutTimeoutAreNotTracked() throws Exception {
        PendingCommand command = new PendingCommand(RawCommand.of("GET", "k"), 0);
        track(command);
        assertEquals(0, onLoop(deadlines::size));
        assertFalse(command.isDone());
    }

    private void track(PendingCommand command) throws InterruptedException, ExecutionException {
        onLoop(() -> {
            deadlines.track(command);
            return null;
        });
    }

    private <T> T onLoop(Callable<T> task) throws InterruptedException, ExecutionException {
        try {
            return loop.submit(task).get(Awaits.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the event loop did not run the task within " + Awaits.PATIENCE, e);
        }
    }
}
