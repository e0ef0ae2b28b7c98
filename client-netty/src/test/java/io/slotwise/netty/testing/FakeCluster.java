package io.slotwise.netty.testing;

import io.slotwise.routing.SlotHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake Redis Cluster for tests: several {@link FakeClusterNode}s on loopback ports that share one slot table and
 * one string keyspace. Each node answers {@code CLUSTER SHARDS}/{@code SLOTS} from the table, serves the keys of its
 * slots (replicas only for reads on {@code READONLY} connections), redirects others with {@code MOVED}, and accepts
 * {@code ASKING} for slots {@link #importing imported} into it. Slots are split evenly between primaries at start.
 * Every node can also be scripted to answer chosen requests otherwise.
 */
public final class FakeCluster implements AutoCloseable {

    private final List<FakeClusterNode> nodes = new ArrayList<>();
    private final List<FakeClusterNode> primaries = new ArrayList<>();
    private final int[] owners = new int[SlotHash.SLOT_COUNT];
    private final Map<Integer, FakeClusterNode> importing = new ConcurrentHashMap<>();
    final Map<String, String> keyspace = new ConcurrentHashMap<>();
    private final Set<Integer> migrating = ConcurrentHashMap.newKeySet();
    private final Set<String> moved = ConcurrentHashMap.newKeySet();

    private FakeCluster() {}

    /**
     * Starts a cluster.
     *
     * @param primaryCount the number of primaries, at least 1
     * @param replicasPerPrimary the replicas of each primary
     * @return the cluster; close it
     */
    public static FakeCluster start(int primaryCount, int replicasPerPrimary) throws InterruptedException {
        FakeCluster cluster = new FakeCluster();
        try {
            for (int p = 0; p < primaryCount; p++) {
                FakeClusterNode primary = new FakeClusterNode(cluster, cluster.nodes.size(), null);
                cluster.nodes.add(primary);
                cluster.primaries.add(primary);
            }
            for (FakeClusterNode primary : List.copyOf(cluster.primaries)) {
                for (int r = 0; r < replicasPerPrimary; r++) {
                    cluster.nodes.add(new FakeClusterNode(cluster, cluster.nodes.size(), primary));
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        for (int slot = 0; slot < SlotHash.SLOT_COUNT; slot++) {
            cluster.owners[slot] = slot * primaryCount / SlotHash.SLOT_COUNT;
        }
        return cluster;
    }

    /** Every node: primaries first, then replicas. */
    public List<FakeClusterNode> nodes() {
        return List.copyOf(nodes);
    }

    /** The primaries, in slot order at start. */
    public List<FakeClusterNode> primaries() {
        return List.copyOf(primaries);
    }

    /** The replicas of a primary. */
    public List<FakeClusterNode> replicasOf(FakeClusterNode primary) {
        return nodes.stream()
                .filter(n -> !n.isPrimary() && n.primary() == primary)
                .toList();
    }

    /** The primary serving a slot now, or {@code null}. */
    public synchronized FakeClusterNode ownerOf(int slot) {
        return owners[slot] < 0 ? null : primaries.get(owners[slot]);
    }

    /** The primary serving a key's slot now. */
    public FakeClusterNode ownerOfKey(String key) {
        return ownerOf(SlotHash.slot(key));
    }

    /** Gives a slot to a primary (or to nobody with {@code null}); every node not frozen reports it at once. */
    public synchronized void assign(int slot, FakeClusterNode primary) {
        owners[slot] = primary == null ? -1 : primaries.indexOf(primary);
    }

    /** Gives every slot a primary serves to another primary. */
    public synchronized void moveAllSlots(FakeClusterNode from, FakeClusterNode to) {
        int fromIndex = primaries.indexOf(from);
        for (int slot = 0; slot < owners.length; slot++) {
            if (owners[slot] == fromIndex) {
                owners[slot] = primaries.indexOf(to);
            }
        }
    }

    /** Marks a slot as being imported by a primary: it serves the slot's keys to connections that sent ASKING. */
    public void importing(int slot, FakeClusterNode primary) {
        importing.put(slot, primary);
    }

    /**
     * Starts migrating a slot to {@code target} as {@code redis-cli} does: the target imports it, and the owner answers
     * {@code ASK} for keys it no longer holds ({@link #moveKey moved}, or absent).
     */
    public void beginMigration(int slot, FakeClusterNode target) {
        migrating.add(slot);
        importing(slot, target);
    }

    /** Moves one key of a migrating slot to the importing node. */
    public void moveKey(String key) {
        moved.add(key);
    }

    /** Ends a slot's migration: the importing node owns the slot and all its keys. */
    public synchronized void finishMigration(int slot) {
        FakeClusterNode target = importing.remove(slot);
        migrating.remove(slot);
        moved.removeIf(key -> SlotHash.slot(key) == slot);
        assign(slot, target);
    }

    boolean isMigrating(int slot) {
        return migrating.contains(slot);
    }

    boolean isMoved(String key) {
        return moved.contains(key);
    }

    void markMoved(List<String> keys) {
        for (String key : keys) {
            if (isMigrating(SlotHash.slot(key))) {
                moved.add(key);
            }
        }
    }

    FakeClusterNode importerOf(int slot) {
        return importing.get(slot);
    }

    synchronized int[] ownersSnapshot() {
        return owners.clone();
    }

    int primaryIndex(FakeClusterNode primary) {
        return primaries.indexOf(primary);
    }

    FakeClusterNode primaryAt(int index) {
        return primaries.get(index);
    }

    /** Finds a key, made from {@code prefix} and a counter, whose slot the given primary serves. */
    public String keyServedBy(FakeClusterNode primary, String prefix) {
        for (int i = 0; ; i++) {
            String key = prefix + i;
            if (ownerOfKey(key) == primary) {
                return key;
            }
        }
    }

    /** Seed URIs of the given nodes. */
    public static String[] seeds(FakeClusterNode... nodes) {
        return Arrays.stream(nodes).map(FakeClusterNode::seed).toArray(String[]::new);
    }

    /** Stores a value directly in the shared keyspace. */
    public void put(String key, String value) {
        keyspace.put(key, value);
    }

    /** A value in the shared keyspace, as a client wrote it. */
    public String value(String key) {
        return keyspace.get(key);
    }

    /** Stops every node. */
    @Override
    public void close() throws InterruptedException {
        for (FakeClusterNode node : nodes) {
            node.stop();
        }
    }
}
