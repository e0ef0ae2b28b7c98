package io.slotwise.netty.cluster;

import io.slotwise.netty.retry.RetryClassifier;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The views of the cluster collected by one refresh, and the reasons nodes gave none. Asks each node at most once, up
 * to {@value TopologyRefresher#VIEWS_WANTED} at a time in parallel, until enough views are in or no candidate is left.
 * Thread-safe: answers arrive on event loops.
 */
final class TopologyViews {

    private final ConnectionRegistry registry;
    private final List<ClusterTopology> views = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Set<NodeAddress> asked = Collections.synchronizedSet(new LinkedHashSet<>());

    TopologyViews(ConnectionRegistry registry) {
        this.registry = registry;
    }

    /** The views collected so far, in arrival order. */
    List<ClusterTopology> views() {
        return List.copyOf(views);
    }

    /** Each node that gave no view, with its reason: {@code host:port (reason); ...}. */
    String failures() {
        return String.join("; ", failures);
    }

    /** Asks candidates not yet asked, a batch at a time, until enough views are in or none are left. */
    CompletionStage<Void> gather(List<NodeAddress> candidates) {
        List<NodeAddress> batch = new ArrayList<>();
        for (NodeAddress candidate : candidates) {
            if (batch.size() >= TopologyRefresher.VIEWS_WANTED - views.size()) {
                break;
            }
            if (asked.add(candidate)) {
                batch.add(candidate);
            }
        }
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Void>> queries = new ArrayList<>();
        for (NodeAddress node : batch) {
            queries.add(ask(node));
        }
        return CompletableFuture.allOf(queries.toArray(CompletableFuture[]::new))
                .thenCompose(ignored -> views.size() >= TopologyRefresher.VIEWS_WANTED
                        ? CompletableFuture.completedFuture(null)
                        : gather(candidates));
    }

    private CompletableFuture<Void> ask(NodeAddress node) {
        CompletionStage<ClusterTopology> view;
        try {
            view = TopologyQuery.fetch(registry.get(node));
        } catch (RuntimeException e) {
            view = CompletableFuture.failedFuture(e);
        }
        return view.handle((topology, failure) -> {
                    if (failure != null) {
                        Throwable cause = RetryClassifier.unwrap(failure);
                        failures.add(node + " (" + cause.getMessage() + ")");
                    } else if (topology.shards().isEmpty()) {
                        failures.add(node + " (it knows no shard)");
                    } else {
                        views.add(topology);
                    }
                    return (Void) null;
                })
                .toCompletableFuture();
    }
}
