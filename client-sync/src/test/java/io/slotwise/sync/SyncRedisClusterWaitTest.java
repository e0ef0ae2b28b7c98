package io.slotwise.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisException;
import io.slotwise.RedisTimeoutException;
import io.slotwise.resp.RespValue;
import io.slotwise.value.KeyValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link SyncRedisCluster} waits: its deadline, interruption, and refusing to block an I/O thread. */
class SyncRedisClusterWaitTest {

    private final FakeCommands client = new FakeCommands();

    private SyncRedisCluster<String, String> syncWith(Duration commandTimeout, Duration margin) {
        return SyncRedisCluster.of(
                client,
                SyncOptions.builder()
                        .commandTimeout(commandTimeout)
                        .deadlineMargin(margin)
                        .build());
    }

    @Test
    void missedDeadlineThrowsRedisTimeoutExceptionAfterTimeoutPlusMargin() {
        SyncRedisCluster<String, String> sync = syncWith(Duration.ofMillis(300), Duration.ofMillis(100));
        long start = System.nanoTime();

        RedisTimeoutException e = assertThrows(RedisTimeoutException.class, () -> sync.call(c -> c.get("k")));

        long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(elapsedMillis >= 400, "gave up after " + elapsedMillis + " ms");
        assertTrue(e.mayHaveExecuted());
        assertTrue(
                e.getMessage().startsWith("GET: no reply within command timeout 300 ms + margin 100 ms"),
                e.getMessage());
    }

    @Test
    void blockingCommandWaitsForItsBlockingTimeoutToo() {
        SyncRedisCluster<String, String> sync = syncWith(Duration.ofMillis(20), Duration.ZERO);
        client.replyAfter(
                Duration.ofMillis(200), new RespValue.Array(List.of(RespValue.Bulk.of("q"), RespValue.Bulk.of("job"))));

        KeyValue<String, String> popped = sync.call(c -> c.blpop(Duration.ofSeconds(5), List.of("q")));

        assertEquals("job", popped.value());
    }

    @Test
    void blockingCommandStillTimesOutAfterItsBlockingTimeout() {
        SyncRedisCluster<String, String> sync = syncWith(Duration.ofMillis(20), Duration.ZERO);

        RedisTimeoutException e = assertThrows(
                RedisTimeoutException.class, () -> sync.call(c -> c.blpop(Duration.ofMillis(100), List.of("q"))));

        assertTrue(e.getMessage().contains("blocking timeout 100 ms"), e.getMessage());
    }

    @Test
    void interruptWhileWaitingThrowsAndRestoresTheInterruptFlag() throws Exception {
        SyncRedisCluster<String, String> sync = SyncRedisCluster.of(client);
        CallOnThread caller = CallOnThread.start("app-1", () -> sync.call(c -> c.get("k")));
        client.awaitSent();

        caller.interrupt();
        CallOnThread.Ending ending = caller.awaitEnding();

        RedisException e = assertInstanceOf(RedisException.class, ending.thrown());
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertTrue(e.getMessage().contains("Interrupted while waiting for the reply to GET"), e.getMessage());
        assertTrue(ending.interruptFlagSet());
    }

    @Test
    void interruptedThreadSendsNothingAndKeepsItsFlag() {
        SyncRedisCluster<String, String> sync = SyncRedisCluster.of(client);
        Thread.currentThread().interrupt();
        try {
            RedisException e = assertThrows(RedisException.class, () -> sync.call(c -> c.get("k")));
            assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(), client.sent());
    }

    @Test
    void callOnAnIoThreadFailsFastWithoutSending() throws Exception {
        SyncRedisCluster<String, String> sync = SyncRedisCluster.of(client);

        CallOnThread.Ending ending = CallOnThread.start("slotwise-io-1-3", () -> sync.call(c -> c.get("k")))
                .awaitEnding();

        IllegalStateException e = assertInstanceOf(IllegalStateException.class, ending.thrown());
        assertTrue(e.getMessage().contains("I/O thread 'slotwise-io-1-3'"), e.getMessage());
        assertEquals(List.of(), client.sent());
    }

    @Test
    void customIoThreadCheckReplacesTheNameConvention() throws Exception {
        client.replyWith(RespValue.Null.INSTANCE);
        Thread marked = Thread.currentThread();
        SyncRedisCluster<String, String> sync = SyncRedisCluster.of(
                client, SyncOptions.builder().ioThreadCheck(t -> t == marked).build());

        assertThrows(IllegalStateException.class, () -> sync.call(c -> c.get("k")));
        CallOnThread.Ending ending = CallOnThread.start("slotwise-io-1-1", () -> sync.call(c -> c.get("k")))
                .awaitEnding();

        assertNull(ending.thrown());
        assertEquals(1, client.sent().size());
        assertFalse(ending.interruptFlagSet());
    }
}
