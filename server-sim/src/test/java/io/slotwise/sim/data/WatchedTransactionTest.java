package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WATCH, MULTI and EXEC against real data: any change to a watched key by any client, by expiry or by FLUSHALL makes
 * EXEC answer the null array; queued commands run back to back on the node's event loop.
 */
class WatchedTransactionTest {
    private static final String OK = simple("OK");
    private static final String QUEUED = simple("QUEUED");
    private static final String ABORTED = "*-1\r\n";

    private LoopbackNode node;
    private RespClient client;
    private RespClient other;

    @BeforeEach
    void start() {
        node = LoopbackNode.start();
        client = node.client();
        other = node.client();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void unchangedWatchedKeyLetsExecRun() {
        other.call("SET", "k", "1");
        assertEquals(OK, client.call("WATCH", "k"));
        other.call("GET", "k");
        other.call("SET", "unrelated", "x");
        assertEquals(array(integer(2), bulk("2")), transaction("INCR k", "GET k"));
    }

    @Test
    void writeByAnotherClientAbortsExec() {
        other.call("SET", "k", "1");
        client.call("WATCH", "k");
        other.call("INCR", "k");
        assertEquals(ABORTED, transaction("SET k mine"));
        assertEquals(bulk("2"), client.call("GET", "k"));
    }

    @Test
    void creatingOrDeletingAWatchedKeyAbortsExec() {
        client.call("WATCH", "absent");
        other.call("SET", "absent", "now");
        assertEquals(ABORTED, transaction("GET absent"));
        client.call("WATCH", "absent");
        other.call("DEL", "absent");
        assertEquals(ABORTED, transaction("GET absent"));
    }

    @Test
    void theWatchingClientsOwnWriteAlsoAbortsExec() {
        client.call("WATCH", "k");
        client.call("SET", "k", "mine");
        assertEquals(ABORTED, transaction("GET k"));
    }

    @Test
    void ttlChangeOfAWatchedKeyAbortsExec() {
        other.call("SET", "k", "v");
        client.call("WATCH", "k");
        other.call("EXPIRE", "k", "100");
        assertEquals(ABORTED, transaction("GET k"));
    }

    @Test
    void watchedKeyThatExpiresBeforeExecAbortsItEvenIfNothingRemovedItYet() {
        other.call("SET", "k", "v", "PX", "1000");
        client.call("WATCH", "k");
        node.advanceClock(1001);
        assertEquals(ABORTED, transaction("GET k"));
    }

    @Test
    void watchedKeyRemovedByActiveExpiryAbortsExec() throws Exception {
        other.call("SET", "k", "v", "PX", "1000");
        client.call("WATCH", "k");
        node.advanceClock(1001);
        awaitDbsize(0);
        assertEquals(ABORTED, transaction("GET k"));
    }

    @Test
    void keyAlreadyExpiredWhenWatchedDoesNotAbortWhenRemoved() throws Exception {
        other.call("SET", "k", "v", "PX", "1000");
        node.advanceClock(1001);
        client.call("WATCH", "k");
        awaitDbsize(0);
        assertEquals(array("$-1\r\n"), transaction("GET k"));
    }

    @Test
    void flushallAbortsExecOfClientsWatchingExistingKeys() {
        other.call("SET", "k", "v");
        client.call("WATCH", "k");
        RespClient third = node.client();
        third.call("WATCH", "absent");
        other.call("FLUSHALL");
        assertEquals(ABORTED, transaction("GET k"));
        assertEquals(OK, third.call("MULTI"));
        third.call("PING");
        assertEquals(array(simple("PONG")), third.call("EXEC"), "a key that did not exist was not modified");
    }

    @Test
    void queuedCommandsRunWithoutInterleavingOtherClients() throws Exception {
        int increments = 200;
        CompletableFuture<Void> hammer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < increments; i++) {
                other.call("INCR", "counter");
            }
        });
        String[] commands = new String[50];
        Arrays.fill(commands, "INCR counter");
        String replies = transaction(commands);
        hammer.get(10, TimeUnit.SECONDS);
        String[] values = replies.split("\r\n");
        assertEquals("*50", values[0]);
        long first = Long.parseLong(values[1].substring(1));
        for (int i = 1; i < 50; i++) {
            assertEquals(":" + (first + i), values[i + 1], "EXEC's increments are consecutive");
        }
        assertEquals(bulk(Integer.toString(increments + 50)), client.call("GET", "counter"));
    }

    /** MULTI, the commands (space-separated arguments), EXEC; returns EXEC's reply. */
    private String transaction(String... commands) {
        assertEquals(OK, client.call("MULTI"));
        for (String command : commands) {
            assertEquals(QUEUED, client.call(command.split(" ")));
        }
        return client.call("EXEC");
    }

    private void awaitDbsize(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!other.call("DBSIZE").equals(integer(expected))) {
            assertTrue(System.nanoTime() < deadline, "active expiry ran within 5 s");
            Thread.sleep(10);
        }
    }
}
