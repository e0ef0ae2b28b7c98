package io.slotwise.routing;

import io.slotwise.topology.ClusterTopology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts the views of the cluster one refresh receives, as they arrive, and tells when they already decide the outcome,
 * so that a refresh need not wait for a slow node.
 *
 * <p>A refresh wants {@code wanted} views and installs the one {@link TopologyConsensus#choose} picks among them. The
 * tally is decided as soon as that pick can no longer change, whatever the missing views say:
 *
 * <ul>
 *   <li>when one view is reported by a strict majority of {@code wanted} nodes (2 of 3): no other view can collect as
 *       many votes, so {@link TopologyConsensus#choose} would pick it among all {@code wanted} views too;
 *   <li>when {@code wanted} views are in: the consensus among them.
 * </ul>
 *
 * So the property of {@link TopologyConsensus} holds: a view reported by a single stale node is never decided while
 * another node disagrees with it, unless {@code wanted} is 1. Until the tally is decided, {@link #leading()} gives the
 * consensus among the views so far, for a refresh that runs out of nodes to ask.
 *
 * <p>Once decided, the tally is frozen: views added later (late answers) are ignored. Not thread-safe; pure (no I/O).
 */
public final class TopologyTally {

    private final int wanted;
    private final List<ClusterTopology> views = new ArrayList<>();
    private final List<String> fingerprints = new ArrayList<>();
    private final Map<String, Integer> votes = new HashMap<>();
    private ClusterTopology decided;

    /**
     * Creates an empty tally.
     *
     * @param wanted how many views the refresh asks for, at least 1
     * @throws IllegalArgumentException if {@code wanted} is less than 1
     */
    public TopologyTally(int wanted) {
        if (wanted < 1) {
            throw new IllegalArgumentException("wanted must be at least 1, was " + wanted);
        }
        this.wanted = wanted;
    }

    /**
     * Counts one node's view.
     *
     * @param view the view, never {@code null}
     * @return {@code true} if it was counted, {@code false} if the tally was already decided and the view is ignored
     */
    public boolean add(ClusterTopology view) {
        if (decided != null) {
            return false;
        }
        String fingerprint = TopologyConsensus.fingerprint(view);
        views.add(view);
        fingerprints.add(fingerprint);
        int count = votes.merge(fingerprint, 1, Integer::sum);
        if (count > wanted / 2) {
            decided = views.get(fingerprints.indexOf(fingerprint));
        } else if (views.size() >= wanted) {
            decided = TopologyConsensus.choose(views).orElseThrow();
        }
        return true;
    }

    /**
     * The decided view, if the views counted so far decide it.
     *
     * @return the view to install, or empty while more views could change the outcome
     */
    public Optional<ClusterTopology> decided() {
        return Optional.ofNullable(decided);
    }

    /**
     * The view to install if no more views come: the decided one, else the consensus among the views so far.
     *
     * @return the view, or empty if no view was counted
     */
    public Optional<ClusterTopology> leading() {
        return decided != null ? Optional.of(decided) : TopologyConsensus.choose(views);
    }

    /**
     * How many views were counted.
     *
     * @return the count, ignored late views excluded
     */
    public int size() {
        return views.size();
    }

    /**
     * How many views the refresh wants.
     *
     * @return the number given at construction
     */
    public int wanted() {
        return wanted;
    }
}
