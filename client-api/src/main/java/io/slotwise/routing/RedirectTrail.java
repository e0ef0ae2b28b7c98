package io.slotwise.routing;

import io.slotwise.topology.NodeAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes one command has been sent to so far, oldest first. Immutable: each attempt extends the trail into a new
 * one, so a trail can be shared by retries without coordination.
 */
public final class RedirectTrail {

    private final List<NodeAddress> visited;

    private RedirectTrail(List<NodeAddress> visited) {
        this.visited = visited;
    }

    /**
     * A trail that starts at the node the command was first sent to.
     *
     * @param first the first node
     * @return the trail
     */
    public static RedirectTrail startingAt(NodeAddress first) {
        return new RedirectTrail(List.of(first));
    }

    /**
     * The trail after the command was also sent to {@code next}.
     *
     * @param next the node the command goes to next
     * @return a new, longer trail
     */
    public RedirectTrail then(NodeAddress next) {
        List<NodeAddress> extended = new ArrayList<>(visited.size() + 1);
        extended.addAll(visited);
        extended.add(next);
        return new RedirectTrail(List.copyOf(extended));
    }

    /** How many redirects the command has followed: one fewer than the nodes visited. */
    public int redirects() {
        return visited.size() - 1;
    }

    /** The nodes visited, oldest first. */
    public List<NodeAddress> visited() {
        return visited;
    }

    @Override
    public String toString() {
        return visited.toString();
    }
}
