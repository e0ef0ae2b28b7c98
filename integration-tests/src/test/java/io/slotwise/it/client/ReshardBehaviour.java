package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.event.RedirectKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code redis-cli --cluster reshard} moves 1000 slots, holding keys, from the first primary to the last while four
 * threads write and read through one client: no error reaches a caller, the client follows the moves, {@code
 * redis-cli --cluster check} then reports a consistent cluster with all slots covered, and every value reads back.
 * Skipped when {@code redis-cli} is not installed.
 */
public abstract class ReshardBehaviour {

    private static final int WORKERS = 4;
    private static final int KEYS = 6000;
    private static final int SLOTS_TO_MOVE = 1000;
    private static final Duration RESHARD_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    private final ClusterBackend backend;

    /** Runs the behaviour against {@code backend}. */
    protected ReshardBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    @BeforeEach
    void requireRedisCli() {
        Assumptions.assumeTrue(RedisCli.locate().isPresent(), RedisCli.MISSING_MESSAGE);
    }

    @Test
    void reshardOfAThousandSlotsUnderLoadReachesNoCallerAndLeavesAConsistentCluster() {
        List<BackendNode> primaries = backend.primaries();
        BackendNode from = primaries.get(0);
        BackendNode to = primaries.get(primaries.size() - 1);
        int fromSlotsBefore = SlotOwners.read(backend, from).count(from);
        int toSlotsBefore = SlotOwners.read(backend, to).count(to);
        List<String> keys = KeyPerSlot.matching("reshard:", KEYS, slot -> true);
        Map<String, String> initial = new LinkedHashMap<>();
        keys.forEach(key -> initial.put(key, "initial:" + key));

        try (ObservedClient observed = ObservedClient.connect(backend)) {
            assertEquals("OK", Calls.value(observed.commands().mset(initial)));
            try (KeyspaceLoad load = KeyspaceLoad.start(
                    "reshard",
                    observed.commands(),
                    KeyspaceLoad.partition(keys, WORKERS),
                    initial,
                    (key, write, startedNanos, finishedNanos) -> {})) {
                awaitProgress(load, 200);
                long started = System.nanoTime();
                RedisCli.Result reshard = RedisCli.run(
                        RESHARD_TIMEOUT,
                        "--cluster",
                        "reshard",
                        from.host() + ":" + from.port(),
                        "--cluster-from",
                        from.id(),
                        "--cluster-to",
                        to.id(),
                        "--cluster-slots",
                        Integer.toString(SLOTS_TO_MOVE),
                        "--cluster-yes");
                long reshardMillis = (System.nanoTime() - started) / 1_000_000;
                assertTrue(reshard.succeeded(), () -> "redis-cli --cluster reshard failed:\n" + reshard.output());
                Await.until(
                        "the client followed a MOVED for a resharded slot",
                        STEP_TIMEOUT,
                        () -> observed.redirects(RedirectKind.MOVED) > 0,
                        load::summary);
                awaitProgress(load, 1000);
                load.stop();

                System.out.printf(
                        "[%s] redis-cli --cluster reshard of %d slots took %d ms under %d threads: %s;"
                                + " redirects followed: %d ASK, %d MOVED%n",
                        backend.description(),
                        SLOTS_TO_MOVE,
                        reshardMillis,
                        WORKERS,
                        load.summary(),
                        observed.redirects(RedirectKind.ASK),
                        observed.redirects(RedirectKind.MOVED));
                assertTrue(load.failures().isEmpty(), () -> "errors reached callers: " + load.summary());
                awaitClusterCheckOk(from);
                assertEquals(List.of(), load.readBackMismatches(observed.commands()));
            }
        }
        assertEquals(
                fromSlotsBefore - SLOTS_TO_MOVE, SlotOwners.read(backend, from).count(from), "slots of " + from);
        assertEquals(toSlotsBefore + SLOTS_TO_MOVE, SlotOwners.read(backend, to).count(to), "slots of " + to);
    }

    /**
     * Waits until {@code redis-cli --cluster check} passes: right after a reshard, replicas and other primaries may
     * still disagree for about a second while the new configuration spreads by gossip.
     */
    private void awaitClusterCheckOk(BackendNode entry) {
        RedisCli.Result[] last = new RedisCli.Result[1];
        Await.until(
                "redis-cli --cluster check reports a consistent cluster with all slots covered",
                CHECK_TIMEOUT,
                () -> {
                    last[0] = RedisCli.run(CHECK_TIMEOUT, "--cluster", "check", entry.host() + ":" + entry.port());
                    return last[0].succeeded()
                            && !last[0].output().contains("[ERR]")
                            && !last[0].output().contains("[WARNING]")
                            && last[0].output().contains("[OK] All 16384 slots covered.");
                },
                () -> "last output:\n" + last[0].output());
    }

    private static void awaitProgress(KeyspaceLoad load, int calls) {
        long before = load.successes();
        Await.until(
                calls + " more successful calls",
                STEP_TIMEOUT,
                () -> load.successes() >= before + calls,
                load::summary);
    }
}
