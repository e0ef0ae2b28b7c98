package io.slotwise;

import io.slotwise.topology.NodeAddress;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A command was redirected more times than the client allows, which usually means the cluster's nodes disagree about
 * who owns a slot. The message names the slot and every node the command visited, in order.
 */
public class RedirectLimitExceededException extends RedisException {

    private static final long serialVersionUID = 1L;

    private final int slot;
    private final transient List<NodeAddress> visited;

    /**
     * Creates the exception.
     *
     * @param slot the slot of the command
     * @param visited the nodes the command was sent to, in order, the last redirect's target included
     * @param limit the redirect limit that was exceeded
     */
    public RedirectLimitExceededException(int slot, List<NodeAddress> visited, int limit) {
        super("Too many redirects for slot " + slot + " (limit " + limit + "); the command visited "
                + visited.stream().map(NodeAddress::toString).collect(Collectors.joining(" -> "))
                + ". The cluster's nodes may disagree about who owns the slot.");
        this.slot = slot;
        this.visited = List.copyOf(visited);
    }

    /** The slot of the command. */
    public int slot() {
        return slot;
    }

    /** The nodes the command was sent to, in order. */
    public List<NodeAddress> visited() {
        return visited;
    }
}
