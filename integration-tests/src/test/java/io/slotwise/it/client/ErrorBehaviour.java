package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.ClusterClientOptions;
import io.slotwise.RedisCommandException;
import io.slotwise.RedisConnectionException;
import io.slotwise.RedisTimeoutException;
import io.slotwise.RetrySettings;
import io.slotwise.api.AsyncCommands;
import io.slotwise.routing.SlotHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * How the client fails, and does not fail, against real nodes: a slot nobody serves ({@code CLUSTERDOWN}) fails after
 * the retries with the server's error; a dead seed next to a live one does not stop connecting, while only dead seeds
 * fail with a clear error; a primary that stops answering (SIGSTOP) times out the commands for its slots, every one of
 * them, while the other primaries keep serving, and once it runs again its replies are matched to the right commands.
 * (A redirect loop cannot be produced by real Redis; client-netty's unit tests cover it with fake nodes.)
 *
 * <p>Needs three primaries and a {@code cluster-node-timeout} well above the few seconds a node stays paused, so the
 * other nodes never mark it as failing. Every test leaves the cluster healthy.
 */
public abstract class ErrorBehaviour {

    private static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(30);
    private static final RetrySettings QUICK_RETRIES =
            new RetrySettings(4, Duration.ofMillis(20), Duration.ofMillis(100));
    private static final Duration SHORT_COMMAND_TIMEOUT = Duration.ofMillis(500);
    private static final int KEYS_PER_SIDE = 20;

    private final ClusterBackend backend;

    /** Runs the behaviour against {@code backend}. */
    protected ErrorBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    @Test
    void slotUnassignedOnEveryNodeFailsWithClusterDownAfterTheRetries() {
        String key = "error:unassigned";
        int slot = SlotHash.slot(key);
        BackendNode owner = backend.slotOwner(slot);
        try (ObservedClient observed = ObservedClient.connect(backend, options -> options.retry(QUICK_RETRIES))) {
            AsyncCommands<String, String> client = observed.commands();
            assertEquals("OK", Calls.value(client.set(key, "before")));
            try {
                expectOk(owner, "CLUSTER", "DELSLOTS", slot);
                for (BackendNode node : backend.nodes()) {
                    if (!node.equals(owner)) {
                        expectOk(node, "CLUSTER", "DELSLOTS", slot);
                    }
                }

                Throwable failure = Calls.failure(client.get(key), Duration.ofSeconds(30));

                RedisCommandException error = assertInstanceOf(RedisCommandException.class, failure);
                assertEquals("CLUSTERDOWN", error.code());
                assertEquals("CLUSTERDOWN Hash slot not served", error.getMessage());
                assertEquals("GET", error.command());
                assertEquals(QUICK_RETRIES.maxAttempts() - 1, observed.retries("GET"), "retries of GET");
            } finally {
                expectOk(owner, "CLUSTER", "ADDSLOTS", slot);
                backend.awaitHealthy(HEALTHY_TIMEOUT);
            }
            assertEquals("OK", Calls.value(client.set(key, "after")));
            assertEquals("after", Calls.value(client.get(key)));
        }
    }

    @Test
    void deadSeedBeforeALiveOneDoesNotStopTheClientFromConnecting() {
        BackendNode live = backend.primaries().get(1);
        int deadPort = unusedLoopbackPort();
        try (ObservedClient observed = ObservedClient.connect(
                backend, ClusterClientOptions.builder().seeds("redis://127.0.0.1:" + deadPort, live.uri()))) {
            AsyncCommands<String, String> client = observed.commands();
            assertEquals(
                    backend.primaries().size(),
                    observed.client().topology().shards().size());
            assertTrue(observed.client().topology().coversAllSlots(), "the client's topology covers every slot");
            List<String> keys = KeyPerSlot.matching("error:seed:", 30, slot -> true);
            for (String key : keys) {
                assertEquals("OK", Calls.value(client.set(key, "value of " + key)));
            }
            assertEquals(keys.stream().map(key -> "value of " + key).toList(), Calls.value(client.mget(keys)));
        }
    }

    @Test
    void onlyDeadSeedsFailToConnectWithAnErrorNamingThem() {
        int deadPort = unusedLoopbackPort();
        RedisConnectionException error = assertThrows(
                RedisConnectionException.class,
                () -> ObservedClient.connect(
                                backend, ClusterClientOptions.builder().seeds("redis://127.0.0.1:" + deadPort))
                        .close());

        assertTrue(
                error.getMessage().contains("127.0.0.1:" + deadPort),
                () -> "the message should name the seed: " + error.getMessage());
    }

    @Test
    void stoppedPrimaryTimesOutEveryCommandForItsSlotsWhileTheOthersServe() {
        BackendNode stopped = backend.primaries().get(1);
        IntPredicate stoppedSlots = SlotOwners.read(backend, stopped).ownedBy(stopped);
        List<String> stoppedKeys = KeyPerSlot.matching("error:stopped:", KEYS_PER_SIDE, stoppedSlots);
        List<String> liveKeys = KeyPerSlot.matching("error:live:", KEYS_PER_SIDE, stoppedSlots.negate());
        List<String> allKeys = new ArrayList<>(stoppedKeys);
        allKeys.addAll(liveKeys);
        try (ObservedClient observed =
                ObservedClient.connect(backend, options -> options.commandTimeout(SHORT_COMMAND_TIMEOUT))) {
            AsyncCommands<String, String> client = observed.commands();
            for (String key : allKeys) {
                assertEquals("OK", Calls.value(client.set(key, "value of " + key)));
            }

            long pausedFor;
            backend.pause(stopped);
            try {
                long paused = System.nanoTime();
                List<CompletionStage<String>> toStopped = new ArrayList<>();
                stoppedKeys.forEach(key -> toStopped.add(client.get(key)));
                List<CompletionStage<String>> toLive = new ArrayList<>();
                liveKeys.forEach(key -> toLive.add(client.get(key)));
                CompletionStage<List<String>> spanning = client.mget(allKeys);

                for (int i = 0; i < liveKeys.size(); i++) {
                    assertEquals("value of " + liveKeys.get(i), Calls.value(toLive.get(i)), liveKeys.get(i));
                }
                for (int i = 0; i < stoppedKeys.size(); i++) {
                    Throwable failure = Calls.failure(toStopped.get(i), SHORT_COMMAND_TIMEOUT.multipliedBy(20));
                    assertInstanceOf(RedisTimeoutException.class, failure, stoppedKeys.get(i));
                }
                assertInstanceOf(
                        RedisTimeoutException.class,
                        Calls.failure(spanning, SHORT_COMMAND_TIMEOUT.multipliedBy(20)),
                        "MGET with parts on the stopped and the live primaries");
                pausedFor = (System.nanoTime() - paused) / 1_000_000;
            } finally {
                backend.resume(stopped);
            }

            System.out.printf(
                    "[%s] %d GETs to a SIGSTOPped primary, and an MGET with parts there, all timed out (command"
                            + " timeout %d ms) within %d ms; %d GETs to the other primaries succeeded meanwhile%n",
                    backend.description(),
                    stoppedKeys.size(),
                    SHORT_COMMAND_TIMEOUT.toMillis(),
                    pausedFor,
                    liveKeys.size());
            List<String> expected =
                    allKeys.stream().map(key -> "value of " + key).toList();
            Await.until(
                    "the resumed primary serves its keys again",
                    HEALTHY_TIMEOUT,
                    () -> succeeds(client.get(stoppedKeys.get(0))));
            List<CompletionStage<String>> reads = new ArrayList<>();
            allKeys.forEach(key -> reads.add(client.get(key)));
            for (int i = 0; i < allKeys.size(); i++) {
                assertEquals(expected.get(i), Calls.value(reads.get(i)), "after SIGCONT, " + allKeys.get(i));
            }
        }
    }

    private static boolean succeeds(CompletionStage<?> stage) {
        try {
            Calls.value(stage);
            return true;
        } catch (AssertionError failed) {
            return false;
        }
    }

    private void expectOk(BackendNode node, Object... args) {
        assertEquals("OK", backend.call(node, args).text(), () -> node + " answering " + List.of(args));
    }

    /** A loopback port nothing listens on: bound and released at once, so connecting to it is refused. */
    private static int unusedLoopbackPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }
}
