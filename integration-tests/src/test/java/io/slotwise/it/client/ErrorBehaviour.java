package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.ClusterClientOptions;
import io.slotwise.RedirectLimitExceededException;
import io.slotwise.RedisCommandException;
import io.slotwise.RedisConnectionException;
import io.slotwise.RedisTimeoutException;
import io.slotwise.RetrySettings;
import io.slotwise.api.AsyncCommands;
import io.slotwise.it.fixture.RespReply;
import io.slotwise.routing.SlotHash;
import io.slotwise.topology.NodeAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * How the client fails, and does not fail, against real nodes: a slot nobody serves ({@code CLUSTERDOWN}) fails after
 * the retries with the server's error; a dead seed next to a live one does not stop connecting, while only dead seeds
 * fail with a clear error; a primary that stops answering (SIGSTOP) times out the commands for its slots, every one of
 * them, while the other primaries keep serving, and once it runs again its replies are matched to the right commands;
 * a multi-key command on a slot half migrated gets {@code TRYAGAIN}, is retried, and succeeds once the migration ends
 * (or fails with the server's error once the retries are used up); two primaries that each say the other owns a slot
 * make a redirect loop, which ends after the redirect limit with an error naming the slot and the nodes visited.
 *
 * <p>Needs three primaries and a {@code cluster-node-timeout} well above the few seconds a node stays paused, so the
 * other nodes never mark it as failing. Every test leaves the cluster healthy.
 */
public abstract class ErrorBehaviour {

    private static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(30);
    private static final RetrySettings QUICK_RETRIES =
            new RetrySettings(4, Duration.ofMillis(20), Duration.ofMillis(100));
    private static final RetrySettings PATIENT_RETRIES =
            new RetrySettings(100, Duration.ofMillis(20), Duration.ofMillis(100));
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

    @Test
    void multiKeyCommandOnAHalfMigratedSlotIsRetriedOnTryAgainAndSucceedsOnceTheMigrationEnds() {
        String stays = "{error:tryagain}stays";
        String moved = "{error:tryagain}moved";
        int slot = SlotHash.slot(stays);
        BackendNode source = backend.slotOwner(slot);
        BackendNode target = backend.primaries().stream()
                .filter(node -> !node.equals(source))
                .findFirst()
                .orElseThrow();
        try (ObservedClient observed = ObservedClient.connect(backend, options -> options.retry(QUICK_RETRIES))) {
            AsyncCommands<String, String> client = observed.commands();
            assertEquals("OK", Calls.value(client.mset(Map.of(stays, "s", moved, "m"))));
            SlotMigration migration = backend.beginMigration(slot, source, target);
            boolean finished = false;
            try {
                RespReply migrated = backend.call(
                        source,
                        "MIGRATE",
                        target.host(),
                        target.port(),
                        moved,
                        0,
                        SlotMigration.MIGRATE_TIMEOUT_MILLIS);
                assertEquals("OK", migrated.text(), "MIGRATE of one key");

                Throwable failure = Calls.failure(client.mget(List.of(stays, moved)), Duration.ofSeconds(30));

                RedisCommandException error = assertInstanceOf(RedisCommandException.class, failure);
                assertEquals("TRYAGAIN", error.code(), error::getMessage);
                assertEquals(QUICK_RETRIES.maxAttempts() - 1, observed.retries("MGET"), "retries of MGET");

                try (ObservedClient patient =
                        ObservedClient.connect(backend, options -> options.retry(PATIENT_RETRIES))) {
                    CompletionStage<List<String>> retried = patient.commands().mget(List.of(stays, moved));
                    Await.until("the patient MGET got TRYAGAIN", HEALTHY_TIMEOUT, () -> patient.retries("MGET") > 0);
                    migration.migrateBatch(100);
                    migration.finish(backend.primaries());
                    finished = true;
                    assertEquals(List.of("s", "m"), Calls.value(retried));
                }
                assertEquals(List.of("s", "m"), Calls.value(client.mget(List.of(stays, moved))));
            } finally {
                if (!finished) {
                    migration.migrateBatch(100);
                    migration.finish(backend.primaries());
                }
                backend.awaitHealthy(HEALTHY_TIMEOUT);
            }
        }
    }

    @Test
    void primariesPointingAtEachOtherMakeARedirectLoopThatFailsNamingTheSlotAndTheNodes() {
        String key = keyInAnEmptySlot("error:loop:");
        int slot = SlotHash.slot(key);
        BackendNode owner = backend.slotOwner(slot);
        BackendNode other = backend.primaries().stream()
                .filter(node -> !node.equals(owner))
                .findFirst()
                .orElseThrow();
        try (ObservedClient observed = ObservedClient.connect(backend, options -> options)) {
            AsyncCommands<String, String> client = observed.commands();
            assertEquals("OK", Calls.value(client.set("error:loop:warm-up", "x")));
            // The owner now says the other primary has the slot; the other primary still says it is the owner's.
            expectOk(owner, "CLUSTER", "SETSLOT", slot, "NODE", other.id());
            try {
                Throwable failure = Calls.failure(client.get(key), Duration.ofSeconds(30));

                RedirectLimitExceededException loop = assertInstanceOf(RedirectLimitExceededException.class, failure);
                assertEquals(slot, loop.slot());
                NodeAddress ownerAddress = new NodeAddress(owner.host(), owner.port());
                NodeAddress otherAddress = new NodeAddress(other.host(), other.port());
                assertTrue(
                        loop.visited().contains(ownerAddress) && loop.visited().contains(otherAddress),
                        () -> "visited " + loop.visited());
                assertTrue(
                        loop.getMessage().contains(Integer.toString(slot))
                                && loop.getMessage().contains(otherAddress.toString()),
                        loop::getMessage);
            } finally {
                expectOk(owner, "CLUSTER", "SETSLOT", slot, "NODE", owner.id());
                backend.awaitHealthy(HEALTHY_TIMEOUT);
            }
            assertEquals("OK", Calls.value(client.set(key, "after the loop")));
            assertEquals("after the loop", Calls.value(client.get(key)));
        }
    }

    /** A key whose slot holds no key on its owner (SETSLOT NODE refuses to give away a slot with keys). */
    private String keyInAnEmptySlot(String prefix) {
        for (int i = 0; ; i++) {
            String key = prefix + i;
            int slot = SlotHash.slot(key);
            RespReply count = backend.call(backend.slotOwner(slot), "CLUSTER", "COUNTKEYSINSLOT", slot);
            if (count instanceof RespReply.IntegerReply integer && integer.value() == 0) {
                return key;
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
