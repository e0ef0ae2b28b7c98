package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.api.AsyncCommands;
import io.slotwise.event.ClientEventListener;
import io.slotwise.event.RedirectKind;
import io.slotwise.routing.SlotHash;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A topology refresh does not wait for a slow node: with one of three primaries paused (it answers nothing until
 * resumed, as SIGSTOP does), a refresh triggered by {@code MOVED} still ends within a fraction of the command timeout,
 * because the two other primaries agree on the view. Before, a refresh waited for every node it asked, so the paused
 * node held it for a whole command timeout.
 */
public abstract class SlowNodeRefreshBehaviour {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration REFRESH_BOUND = Duration.ofSeconds(5);

    private final ClusterBackend backend;

    /** Runs the behaviour against {@code backend}. */
    protected SlowNodeRefreshBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    @Test
    void aMovedTriggeredRefreshEndsWhileAThirdPrimaryIsPaused() {
        String key = "{slow-refresh}:key";
        int slot = SlotHash.slot(key);
        BackendNode source = backend.slotOwner(slot);
        List<BackendNode> others = backend.primaries().stream()
                .filter(node -> !node.equals(source))
                .toList();
        BackendNode target = others.get(0);
        BackendNode paused = others.get(1);
        RefreshLog refreshes = new RefreshLog();
        try (ObservedClient observed =
                ObservedClient.connect(backend, b -> b.eventListener(refreshes).commandTimeout(COMMAND_TIMEOUT))) {
            AsyncCommands<String, String> c = observed.commands();
            Calls.value(c.set(key, "value"));
            SlotMigration migration = backend.beginMigration(slot, source, target);
            assertEquals(1, migration.migrateBatch(10));
            migration.finish(backend.primaries());
            int refreshesBefore = refreshes.views.size();

            backend.pause(paused);
            try {
                long start = System.nanoTime();
                assertEquals("value", Calls.value(c.get(key)));
                Await.until(
                        "the refresh the MOVED triggered ended while " + paused + " is paused",
                        REFRESH_BOUND,
                        () -> refreshes.views.size() > refreshesBefore,
                        () -> "refreshes " + refreshes.views + ", failed " + refreshes.failures);

                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(took.compareTo(COMMAND_TIMEOUT.dividedBy(4)) < 0, "took " + took);
                assertTrue(observed.redirects(RedirectKind.MOVED) > 0, "the GET was redirected");
                assertEquals(2, refreshes.views.get(refreshesBefore), "the two answering primaries decided");
            } finally {
                backend.resume(paused);
            }
        }
        backend.awaitHealthy(Duration.ofSeconds(30));
    }

    /** Records the number of views of each topology refresh that ended, and refresh failures. */
    private static final class RefreshLog implements ClientEventListener {
        private final List<Integer> views = new CopyOnWriteArrayList<>();
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();

        @Override
        public void topologyRefreshed(Duration duration, int nodesAsked) {
            views.add(nodesAsked);
        }

        @Override
        public void topologyRefreshFailed(Duration duration, Throwable cause) {
            failures.add(cause);
        }
    }
}
