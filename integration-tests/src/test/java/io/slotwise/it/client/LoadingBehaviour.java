package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.ReadFrom;
import io.slotwise.RetrySettings;
import io.slotwise.api.AsyncCommands;
import io.slotwise.event.ClientEventListener;
import io.slotwise.routing.SlotHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A node that is loading its dataset (as a replica does while it loads a full sync) answers {@code LOADING} for about
 * a second: the client treats that as transient, retries with back-off, and every command succeeds once loading ends,
 * so no caller sees an error when the retry budget covers the load; the client's retry metric shows the retries.
 *
 * <p>Needs three primaries with one replica each.
 */
public abstract class LoadingBehaviour {

    private static final Duration LOAD = Duration.ofSeconds(1);
    /** Up to 40 attempts, at most 200 ms apart: several seconds, far more than the load. */
    private static final RetrySettings COVERING_RETRIES =
            new RetrySettings(40, Duration.ofMillis(20), Duration.ofMillis(200));

    private static final int COMMANDS = 20;

    private final ClusterBackend backend;

    /** Runs the behaviour against {@code backend}. */
    protected LoadingBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    @Test
    void commandsToALoadingPrimaryAreRetriedAndSucceedWhenTheLoadEnds() {
        String key = "{loading-primary}:key";
        BackendNode primary = backend.slotOwner(SlotHash.slot(key));
        FailureLog failures = new FailureLog();
        try (ObservedClient observed = ObservedClient.connect(
                backend, options -> options.retry(COVERING_RETRIES).eventListener(failures))) {
            AsyncCommands<String, String> c = observed.commands();
            assertEquals("OK", Calls.value(c.set(key, "0")));

            backend.loading(primary, LOAD);
            long start = System.nanoTime();
            List<CompletionStage<?>> sent = new ArrayList<>();
            for (int i = 1; i <= COMMANDS; i++) {
                sent.add(c.set(key + ":" + i, Integer.toString(i)));
                sent.add(c.get(key));
            }
            for (CompletionStage<?> stage : sent) {
                Calls.value(stage);
            }

            assertLoadOutlasted(start);
            assertEquals(List.of(), failures.failed, "no caller saw an error");
            assertTrue(observed.retries("GET") > 0, "GETs were retried");
            assertTrue(observed.retries("SET") > 0, "SETs were retried");
            for (int i = 1; i <= COMMANDS; i++) {
                assertEquals(Integer.toString(i), Calls.value(c.get(key + ":" + i)));
            }
            assertEquals("0", Calls.value(c.get(key)), "the primary kept its keys");
        }
    }

    @Test
    void readsFromALoadingReplicaAreRetriedAndSucceedWhenTheLoadEnds() {
        String key = "{loading-replica}:key";
        BackendNode primary = backend.slotOwner(SlotHash.slot(key));
        FailureLog failures = new FailureLog();
        try (ObservedClient observed = ObservedClient.connect(
                backend,
                options -> options.retry(COVERING_RETRIES)
                        .readFrom(ReadFrom.REPLICA)
                        .eventListener(failures))) {
            AsyncCommands<String, String> c = observed.commands();
            assertEquals("OK", Calls.value(c.set(key, "replicated")));
            BackendNode replica = replicaOf(primary);
            Await.until(
                    "the write to reach the replica",
                    Duration.ofSeconds(10),
                    () -> "replicated".equals(Calls.value(c.get(key))));
            long retriesBefore = observed.retries("GET");

            backend.loading(replica, LOAD);
            long start = System.nanoTime();
            List<CompletionStage<String>> reads = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                reads.add(c.get(key));
            }
            for (CompletionStage<String> read : reads) {
                assertEquals("replicated", Calls.value(read));
            }

            assertLoadOutlasted(start);
            assertEquals(List.of(), failures.failed, "no caller saw an error");
            assertTrue(observed.retries("GET") > retriesBefore, "the reads were retried");
        }
    }

    /**
     * Asserts that the commands sent at {@code start} (right after the load began) completed only once it had ended:
     * a node that is loading answers nothing but {@code LOADING}.
     */
    private static void assertLoadOutlasted(long start) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(LOAD.minusMillis(50)) >= 0, "the commands completed during the load, in " + took);
    }

    /** The replica of a primary, from the primary's CLUSTER NODES ({@code <id> <addr> slave <primaryId> ...}). */
    private BackendNode replicaOf(BackendNode primary) {
        for (String line : backend.call(primary, "CLUSTER", "NODES").text().split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length > 3 && fields[2].contains("slave") && fields[3].equals(primary.id())) {
                return backend.nodes().stream()
                        .filter(node -> node.id().equals(fields[0]))
                        .findFirst()
                        .orElseThrow();
            }
        }
        throw new IllegalStateException("no replica of " + primary);
    }

    /** Records every command that failed, as its callers saw it. */
    private static final class FailureLog implements ClientEventListener {
        private final List<String> failed = new CopyOnWriteArrayList<>();

        @Override
        public void commandFailed(String command, Duration latency, Throwable cause) {
            failed.add(command + ": " + cause);
        }
    }
}
