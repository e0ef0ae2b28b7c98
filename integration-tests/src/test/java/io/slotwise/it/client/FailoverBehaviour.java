package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.ClusterClientOptions;
import io.slotwise.api.AsyncCommands;
import io.slotwise.routing.SlotHash;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * A primary killed (SIGKILL) while four threads write and read through one client, on a cluster where every primary
 * has a replica: the client recovers by itself once the replica is promoted, with no action from the application.
 * Prints the timeline (replica promoted, client topology updated, first successful write to the killed primary's
 * slots, all in ms after the kill) and how many calls failed meanwhile; asserts that recovery happens within a
 * generous bound and that afterwards every key can be written and read back.
 *
 * <p>Two more tests bound the recovery more tightly: after a killed primary's promotion, and after a hung (SIGSTOPped)
 * primary's promotion.
 *
 * <p>Needs three primaries with a replica each and a short {@code cluster-node-timeout} (about 2 s). Each test takes a
 * different primary out, so they can share one cluster.
 */
public abstract class FailoverBehaviour {

    private static final int WORKERS = 4;
    private static final int KEYS = 3000;
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);
    private static final int WRITES_AFTER_RECOVERY = 300;
    private static final Duration PROMOTION_TO_RECOVERY_MARGIN = Duration.ofSeconds(1);

    private final ClusterBackend backend;

    /** Runs the behaviour against {@code backend}. */
    protected FailoverBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    @Test
    void clientRecoversByItselfAfterAPrimaryIsKilledAndItsReplicaPromoted() {
        Timeline timeline = failOverUnderLoad(backend.primaries().get(0), Fault.KILL, "failover:");

        assertTrue(timeline.firstWriteMillis() < RECOVERY_BOUND.toMillis(), timeline::toString);
    }

    /**
     * The design promises that recovery is never more than {@link ClusterClientOptions#adaptiveRefreshMinInterval()}
     * late: while a primary that owns slots is unreachable the client refreshes once per adaptive interval, whatever
     * its reconnect backoff, and commands waiting for the dead node are released to the new owner.
     */
    @Test
    void writesReachThePromotedReplicaWithinTheAdaptiveRefreshIntervalOfTheKilledPrimarysPromotion() {
        Timeline timeline = failOverUnderLoad(backend.primaries().get(1), Fault.KILL, "failover-lag:");

        assertRecoveredWithin(
                timeline,
                ClusterClientOptions.DEFAULT_ADAPTIVE_REFRESH_MIN_INTERVAL.plus(PROMOTION_TO_RECOVERY_MARGIN));
    }

    /**
     * A primary that hangs (SIGSTOP: its connections stay open, it answers nothing) is failed over like a dead one, but
     * the client learns of it only when its commands time out. The first timeout marks the node unresponsive and
     * refreshes the topology (again once per adaptive interval while it owns slots); meanwhile new commands for its
     * slots wait for the next refresh instead of joining the hung node's queue. So recovery follows the promotion
     * within one command timeout (commands sent before the promotion) plus one adaptive interval.
     */
    @Test
    void writesReachThePromotedReplicaWithinACommandTimeoutOfAHungPrimarysPromotion() {
        Timeline timeline = failOverUnderLoad(backend.primaries().get(2), Fault.HANG, "failover-hung:");

        assertRecoveredWithin(
                timeline,
                ClusterClientOptions.DEFAULT_COMMAND_TIMEOUT
                        .plus(ClusterClientOptions.DEFAULT_ADAPTIVE_REFRESH_MIN_INTERVAL)
                        .plus(PROMOTION_TO_RECOVERY_MARGIN));
    }

    private static void assertRecoveredWithin(Timeline timeline, Duration afterPromotion) {
        long lag = timeline.firstWriteMillis() - timeline.promotedMillis();
        assertTrue(
                lag <= afterPromotion.toMillis(),
                () -> "first write " + lag + " ms after the promotion, bound " + afterPromotion.toMillis() + " ms: "
                        + timeline);
    }

    /** How the primary is taken out. */
    private enum Fault {
        /** SIGKILL: connections are reset, reconnects are refused. */
        KILL,
        /** SIGSTOP until the end of the test: connections stay open and nothing is answered. */
        HANG
    }

    /**
     * Takes {@code victim} out under load, waits until writes to its former slots succeed again, prints the timeline
     * and checks that afterwards every key can be written and read back. A hung victim is resumed before returning.
     */
    private Timeline failOverUnderLoad(BackendNode victim, Fault fault, String keyPrefix) {
        IntPredicate victimSlots = SlotOwners.read(backend, victim).ownedBy(victim);
        int probeSlot = firstSlot(victimSlots);
        List<String> keys = KeyPerSlot.matching(keyPrefix, KEYS, slot -> true);
        Map<String, String> initial = new LinkedHashMap<>();
        keys.forEach(key -> initial.put(key, "initial:" + key));
        AtomicLong faultAt = new AtomicLong();
        AtomicLong firstRecoveredWrite = new AtomicLong();
        AtomicLong writesAfterRecovery = new AtomicLong();
        KeyspaceLoad.SuccessObserver observer = (key, write, started, finished) -> {
            long since = faultAt.get();
            if (write && since != 0 && started - since > 0 && victimSlots.test(SlotHash.slot(key))) {
                firstRecoveredWrite.compareAndSet(0, finished);
                writesAfterRecovery.incrementAndGet();
            }
        };
        OwnerChangeWatch watch = new OwnerChangeWatch(probeSlot, victim);

        try (ObservedClient observed = ObservedClient.connect(backend, options -> options.eventListener(watch))) {
            AsyncCommands<String, String> client = observed.commands();
            assertEquals("OK", Calls.value(client.mset(initial)));
            Timeline timeline;
            try (KeyspaceLoad load =
                    KeyspaceLoad.start("failover", client, KeyspaceLoad.partition(keys, WORKERS), initial, observer)) {
                long before = load.successes();
                Await.until("the load is running", RECOVERY_BOUND, () -> load.successes() >= before + 500);
                long start;
                long[] promotedAt = {0};
                try {
                    if (fault == Fault.KILL) {
                        backend.kill(victim);
                    } else {
                        backend.pause(victim);
                    }
                    start = System.nanoTime();
                    faultAt.set(start);
                    Await.until(
                            "the replica is promoted and a write to the lost primary's slots succeeds",
                            RECOVERY_BOUND,
                            () -> {
                                if (promotedAt[0] == 0
                                        && !backend.slotOwner(probeSlot).equals(victim)) {
                                    promotedAt[0] = System.nanoTime();
                                }
                                return promotedAt[0] != 0 && firstRecoveredWrite.get() != 0;
                            },
                            load::summary);
                    Await.until(
                            WRITES_AFTER_RECOVERY + " writes to the moved slots after recovery",
                            RECOVERY_BOUND,
                            () -> writesAfterRecovery.get() >= WRITES_AFTER_RECOVERY,
                            load::summary);
                    load.stop();
                } finally {
                    if (fault == Fault.HANG) {
                        backend.resume(victim);
                    }
                }

                List<KeyspaceLoad.Failure> failures = load.failures();
                long movedSlotFailures = failures.stream()
                        .filter(failure -> victimSlots.test(SlotHash.slot(failure.key())))
                        .count();
                timeline = new Timeline(
                        millisSince(start, promotedAt[0]),
                        millisSince(start, watch.changedAt()),
                        millisSince(start, firstRecoveredWrite.get()),
                        watch.connectFailures(),
                        failures.size(),
                        movedSlotFailures,
                        load.readBackMismatches(client).size(),
                        load.summary());
            }
            System.out.printf(
                    "[%s] FAILOVER of %s primary %s under %d threads: %s%n",
                    backend.description(), fault == Fault.KILL ? "a killed" : "a hung", victim, WORKERS, timeline);

            backend.awaitHealthy(RECOVERY_BOUND);
            assertNotEquals(victim, backend.slotOwner(probeSlot), "owner of slot " + probeSlot + " after failover");
            Map<String, String> rewritten = new LinkedHashMap<>();
            keys.forEach(key -> rewritten.put(key, "after-failover:" + key));
            assertEquals("OK", Calls.value(client.mset(rewritten)));
            assertEquals(List.copyOf(rewritten.values()), Calls.value(client.mget(keys)));
            return timeline;
        }
    }

    private static int firstSlot(IntPredicate slots) {
        for (int slot = 0; slot < SlotHash.SLOT_COUNT; slot++) {
            if (slots.test(slot)) {
                return slot;
            }
        }
        throw new IllegalStateException("the victim owns no slot");
    }

    private static long millisSince(long startNanos, long nanos) {
        return nanos == 0 ? -1 : (nanos - startNanos) / 1_000_000;
    }

    /**
     * What one failover looked like, times in ms after the primary was killed or hung ({@code -1}: never).
     *
     * @param promotedMillis when a live node first reported the replica as the slots' owner
     * @param clientTopologyMillis when the client's topology first named another primary for the slots
     * @param firstWriteMillis when the first write to the slots, sent after the fault, succeeded
     * @param reconnectFailures failed connection attempts of the client to the lost node
     * @param failedCalls calls that failed (all slots)
     * @param movedSlotFailures of those, calls to the killed primary's slots
     * @param lostWrites keys whose acknowledged value was gone at the end (lost by asynchronous replication)
     * @param loadSummary the load's own summary
     */
    record Timeline(
            long promotedMillis,
            long clientTopologyMillis,
            long firstWriteMillis,
            int reconnectFailures,
            int failedCalls,
            long movedSlotFailures,
            int lostWrites,
            String loadSummary) {

        @Override
        public String toString() {
            return "replica promoted after " + promotedMillis + " ms; client topology updated after "
                    + clientTopologyMillis + " ms; first successful write to the moved slots after "
                    + firstWriteMillis + " ms (" + (firstWriteMillis - promotedMillis) + " ms after the promotion);"
                    + " failed calls: " + failedCalls + " (" + movedSlotFailures + " to the moved slots, "
                    + (failedCalls - movedSlotFailures) + " to other slots); failed reconnects to the lost node: "
                    + reconnectFailures + "; acknowledged writes lost: " + lostWrites + "; load: " + loadSummary;
        }
    }
}
