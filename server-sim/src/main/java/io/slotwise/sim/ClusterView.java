package io.slotwise.sim;

import io.slotwise.sim.bus.ClusterBus;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterNodesRenderer;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.SlotRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Reads a running node's cluster state from another thread, by running the read on the node's event loop (the state's
 * only owner) and waiting for it. A paused node still answers: pausing stops input, not the loop.
 */
final class ClusterView {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private ClusterView() {}

    /**
     * Runs a read on the node's loop.
     *
     * @param node a running cluster-mode node
     * @param read the read; must not block
     * @param <T> its result type
     * @return its result
     * @throws IllegalStateException if the node is not in cluster mode, is closed, or does not answer in time
     */
    static <T> T read(SimNode node, Function<ClusterState, T> read) {
        ClusterState state = node.service(ClusterState.class)
                .orElseThrow(() -> new IllegalStateException("the node is not in cluster mode"));
        try {
            return node.eventLoop().submit(() -> read.apply(state)).get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the cluster state failed", e.getCause());
        } catch (TimeoutException | RejectedExecutionException e) {
            throw new IllegalStateException("the node did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the cluster state", e);
        }
    }

    /**
     * Returns the view every node of a formed cluster must share: one line per known node (handshakes excluded) with
     * its ID, address, role and slot ranges, sorted, then whether the node reports {@code cluster_state:ok}.
     *
     * @param state the node's state; call on its loop
     * @return the signature
     */
    static String signature(ClusterState state) {
        List<String> lines = new ArrayList<>();
        for (ClusterNode node : state.nodes()) {
            if (node.inHandshake()) {
                continue;
            }
            StringBuilder line = new StringBuilder(node.id())
                    .append(' ')
                    .append(node.ip())
                    .append(':')
                    .append(node.port())
                    .append('@')
                    .append(node.busPort())
                    .append(node.isReplica() ? " replica-of " + node.masterId() : " master");
            if (node.isReplica()) {
                // CLUSTER SLOTS lists a replica once its replication offset is known: agree on that too.
                line.append(node.replicationOffset() != 0 ? " offset-known" : " offset-unknown");
            }
            for (SlotRange range : SlotRange.coalesce(node.slots())) {
                line.append(' ').append(range.start()).append('-').append(range.end());
            }
            lines.add(line.toString());
        }
        lines.sort(null);
        return String.join("\n", lines) + "\nok=" + state.isOk();
    }

    /**
     * Makes a node send a PONG to every node it is connected to now, as Redis does after a configuration change,
     * instead of waiting for its next regular PING: fast formation uses it to spread slots and roles at once. Does
     * nothing for a node without a bus or a closed one.
     *
     * @param node the node
     */
    static void broadcastPong(SimNode node) {
        node.service(ClusterBus.class).ifPresent(bus -> {
            try {
                node.eventLoop().execute(bus::broadcastPong);
            } catch (RejectedExecutionException e) {
                // closed: nothing to spread
            }
        });
    }

    /**
     * Returns CLUSTER NODES as the node answers it, for diagnostics.
     *
     * @param node a running node
     * @return the text, or a note that the node did not answer
     */
    static String clusterNodes(SimNode node) {
        try {
            return read(node, ClusterNodesRenderer::render);
        } catch (IllegalStateException e) {
            return "(no answer: " + e.getMessage() + ")\n";
        }
    }
}
