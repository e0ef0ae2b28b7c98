package io.slotwise.netty.cluster;

import io.slotwise.netty.retry.RetryClassifier;
import io.slotwise.routing.TopologyTally;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The views of the cluster collected by one refresh, counted in a {@link TopologyTally}, and the reasons nodes gave
 * none. Asks each node at most once, keeping up to {@value TopologyRefresher#VIEWS_WANTED} queries (minus the views
 * already in) in flight; a node that fails is replaced at once by the next candidate. A gathering round ends as soon
 * as the tally is decided (for example two of three nodes agree), without waiting for slower nodes, or when no query
 * is in flight and no candidate is left.
 *
 * <p>After the tally is decided, the collection is frozen: answers still in flight (late answers from slow nodes) are
 * dropped when they arrive, and no further node is asked. Every query ends by itself (its connection's command timeout
 * bounds it), so nothing is left pending.
 *
 * <p>Thread-safe: answers arrive on event loops; the state is guarded by this object's monitor, and stages complete
 * outside of it.
 */
final class TopologyViews {

    private final ConnectionRegistry registry;
    private final TopologyTally tally = new TopologyTally(TopologyRefresher.VIEWS_WANTED);
    private final List<String> failures = new ArrayList<>();
    private final Set<NodeAddress> asked = new HashSet<>();
    private int inFlight;
    private Round round;

    TopologyViews(ConnectionRegistry registry) {
        this.registry = registry;
    }

    /** The number of views counted (late answers excluded). */
    synchronized int size() {
        return tally.size();
    }

    /** Whether the views counted so far decide the outcome, so no more are needed. */
    synchronized boolean isDecided() {
        return tally.decided().isPresent();
    }

    /** The view to install: the decided one, else the consensus of what came in; empty if no view came in. */
    synchronized Optional<ClusterTopology> chosen() {
        return tally.leading();
    }

    /** Each node that gave no view, with its reason: {@code host:port (reason); ...}. */
    synchronized String failures() {
        return String.join("; ", failures);
    }

    /**
     * Asks candidates not yet asked until the views decide, enough are in, or no candidate is left. Call again only
     * after the previous round completed.
     *
     * @param candidates the nodes to ask, in order of preference
     * @return completes (never exceptionally) when the round ends
     */
    CompletionStage<Void> gather(List<NodeAddress> candidates) {
        Round started = new Round(candidates.iterator());
        synchronized (this) {
            round = started;
        }
        advance();
        return started.done;
    }

    /** Starts queries while there is room and a candidate, or ends the round if nothing more can come. */
    private void advance() {
        List<NodeAddress> toAsk = new ArrayList<>();
        Round current;
        boolean ended;
        synchronized (this) {
            current = round;
            if (tally.decided().isEmpty()) {
                while (inFlight + tally.size() < tally.wanted() && current.candidates.hasNext()) {
                    NodeAddress candidate = current.candidates.next();
                    if (asked.add(candidate)) {
                        toAsk.add(candidate);
                        inFlight++;
                    }
                }
            }
            ended = tally.decided().isPresent() || inFlight == 0;
        }
        if (ended) {
            current.done.complete(null);
            return;
        }
        for (NodeAddress node : toAsk) {
            ask(node);
        }
    }

    private void ask(NodeAddress node) {
        CompletionStage<ClusterTopology> view;
        try {
            view = TopologyQuery.fetch(registry.get(node));
        } catch (RuntimeException e) {
            view = CompletableFuture.failedFuture(e);
        }
        view.whenComplete((topology, failure) -> {
            synchronized (this) {
                inFlight--;
                if (tally.decided().isPresent()) {
                    return; // a late answer: the refresh has moved on
                }
                if (failure != null) {
                    failures.add(node + " (" + RetryClassifier.unwrap(failure).getMessage() + ")");
                } else if (topology.shards().isEmpty()) {
                    failures.add(node + " (it knows no shard)");
                } else {
                    tally.add(topology);
                }
            }
            advance();
        });
    }

    /** One call of {@link #gather}: its remaining candidates and its completion. */
    private static final class Round {
        private final Iterator<NodeAddress> candidates;
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Round(Iterator<NodeAddress> candidates) {
            this.candidates = candidates;
        }
    }
}
