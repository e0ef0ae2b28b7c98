package io.slotwise.it.client;

import io.slotwise.event.ClientEventListener;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches a client's events for the moment its topology stops naming one node as the primary of a slot, and counts its
 * failed connection attempts to that node: the client-side half of a failover timeline. Thread-safe.
 */
final class OwnerChangeWatch implements ClientEventListener {

    private final int slot;
    private final String formerOwnerId;
    private final NodeAddress formerOwnerAddress;
    private final AtomicLong changedAt = new AtomicLong();
    private final AtomicInteger connectFailures = new AtomicInteger();

    /**
     * Watches {@code slot}, currently owned by {@code formerOwner}.
     *
     * @param slot the slot
     * @param formerOwner the node expected to lose it
     */
    OwnerChangeWatch(int slot, BackendNode formerOwner) {
        this.slot = slot;
        this.formerOwnerId = formerOwner.id();
        this.formerOwnerAddress = new NodeAddress(formerOwner.host(), formerOwner.port());
    }

    @Override
    public void topologyChanged(ClusterTopology previous, ClusterTopology current) {
        Shard shard = current.shardForSlot(slot);
        if (shard != null && !shard.primary().id().equals(formerOwnerId)) {
            changedAt.compareAndSet(0, System.nanoTime());
        }
    }

    @Override
    public void connectFailed(NodeAddress node, Throwable cause) {
        if (node.equals(formerOwnerAddress)) {
            connectFailures.incrementAndGet();
        }
    }

    /** Returns {@link System#nanoTime()} when the client's topology first named another primary, or 0 before. */
    long changedAt() {
        return changedAt.get();
    }

    /** Returns how many connection attempts to the former owner failed so far. */
    int connectFailures() {
        return connectFailures.get();
    }
}
