package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RetrySettings;
import io.slotwise.api.AsyncCommands;
import io.slotwise.event.ClientEventListener;
import io.slotwise.routing.SlotHash;
import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A primary that comes back at a new address under the same node id (a Kubernetes pod rescheduled with a new IP;
 * Lettuce users report clients that keep dialling the old one, lettuce#2430): the client's connection to the old
 * address breaks and is refused, which triggers a topology refresh; once the peers have learned the new address
 * through the cluster bus, the refresh gives the client the same node id, with the same slots, at the new address.
 * Commands sent meanwhile are retried and succeed within a bound, none fails after that, and the old address is never
 * used again. The node comes back without keys (no persistence), so the test writes before it reads.
 *
 * <p>Needs three primaries without replicas (a replica could be promoted while the primary is down) and a node
 * timeout of a few seconds. Leaves the cluster healthy, the moved primary at its new address.
 */
public abstract class ReaddressBehaviour {

    /** How long the client may take to find the primary at its new address. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(10);
    /** Up to 60 attempts at most 250 ms apart: covers the recovery bound. */
    private static final RetrySettings COVERING_RETRIES =
            new RetrySettings(60, Duration.ofMillis(20), Duration.ofMillis(250));

    private static final int KEYS = 20;

    private final ClusterBackend backend;

    /** Runs the behaviour against {@code backend}. */
    protected ReaddressBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    @Test
    void aPrimaryBackAtANewAddressIsFoundThroughARefreshAndTheOldAddressIsDropped() {
        String tag = "{readdress}";
        BackendNode before = backend.slotOwner(SlotHash.slot(tag));
        NodeAddress oldAddress = new NodeAddress(before.host(), before.port());
        AddressLog log = new AddressLog();
        try (ObservedClient observed = ObservedClient.connect(
                backend, options -> options.retry(COVERING_RETRIES).eventListener(log))) {
            AsyncCommands<String, String> c = observed.commands();
            for (int i = 0; i < KEYS; i++) {
                assertEquals("OK", Calls.value(c.set(tag + i, "before")));
            }
            assertTrue(log.requests.contains(oldAddress), "the client used the primary at " + oldAddress);

            BackendNode after = backend.readdress(before);
            NodeAddress newAddress = new NodeAddress(after.host(), after.port());
            assertEquals(before.id(), after.id());
            assertNotEquals(oldAddress, newAddress);

            long start = System.nanoTime();
            List<CompletionStage<String>> writes = new ArrayList<>();
            for (int i = 0; i < KEYS; i++) {
                writes.add(c.set(tag + i, "after"));
            }
            for (CompletionStage<String> write : writes) {
                assertEquals("OK", Calls.value(write));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(RECOVERY_BOUND) < 0, "the writes took " + took);

            ClusterNode known = observed.client().topology().nodes().stream()
                    .filter(node -> node.id().equals(before.id()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the client lost node " + before.id()));
            assertEquals(newAddress, known.address(), "the client knows the node at its new address");
            assertEquals(
                    newAddress,
                    observed.client()
                            .topology()
                            .shardForSlot(SlotHash.slot(tag))
                            .primary()
                            .address());
            assertTrue(observed.client().topology().nodeAt(oldAddress).isEmpty(), "the old address left the topology");
            assertTrue(log.disconnects.contains(oldAddress), "the connection to the old address was closed");

            log.clear();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < KEYS; i++) {
                    assertEquals("after", Calls.value(c.get(tag + i)));
                }
            }
            assertEquals(List.of(), log.failures, "no command failed after recovery");
            assertTrue(
                    !log.requests.contains(oldAddress) && !log.connects.contains(oldAddress),
                    "the old address was used again: " + log.requests + ", connects " + log.connects);
            assertTrue(log.requests.contains(newAddress), "the new address serves the slot");
        }
        backend.awaitHealthy(Duration.ofSeconds(30));
    }

    /** Records, per node address, the requests, connection attempts and disconnects, and every failed command. */
    private static final class AddressLog implements ClientEventListener {
        private final List<NodeAddress> requests = new CopyOnWriteArrayList<>();
        private final List<NodeAddress> connects = new CopyOnWriteArrayList<>();
        private final List<NodeAddress> disconnects = new CopyOnWriteArrayList<>();
        private final List<String> failures = new CopyOnWriteArrayList<>();

        @Override
        public void requestStarted(NodeAddress node) {
            requests.add(node);
        }

        @Override
        public void connected(NodeAddress node) {
            connects.add(node);
        }

        @Override
        public void connectFailed(NodeAddress node, Throwable cause) {
            connects.add(node);
        }

        @Override
        public void disconnected(NodeAddress node, Throwable cause) {
            disconnects.add(node);
        }

        @Override
        public void commandFailed(String command, Duration latency, Throwable cause) {
            failures.add(command + ": " + cause);
        }

        void clear() {
            requests.clear();
            connects.clear();
            disconnects.clear();
            failures.clear();
        }
    }
}
