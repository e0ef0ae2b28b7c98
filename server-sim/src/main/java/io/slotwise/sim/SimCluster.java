package io.slotwise.sim;

import io.netty.channel.EventLoopGroup;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.SlotTable;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A Redis 7 cluster of {@link SimNode}s in one JVM, sharing one event loop group (each node pinned to one loop of
 * it), on loopback, formed the way {@code redis-cli --cluster create} forms one, with fault injection for tests.
 *
 * <pre>{@code
 * try (SimCluster cluster = SimCluster.builder().primaries(3).replicasPerPrimary(1).start()) {
 *     List<InetSocketAddress> seeds = cluster.seeds();
 *     cluster.kill(cluster.primaryForSlot(0).orElseThrow());
 * }
 * }</pre>
 *
 * <p><b>Faults</b>, per node: {@link #kill} (like {@code kill -9}: every client and bus connection closes and the node
 * stops listening; {@link #restart} brings it back with the same ID, ports and nodes.conf, but no keys), {@link
 * #pause}/{@link #resume} (like SIGSTOP/SIGCONT, see {@link NodeFaults}), {@link #latency} (replies and bus messages
 * leave later), {@link #partition}/{@link #heal} (bus traffic between two groups is refused; client connections are
 * not affected), {@link #readdress} (a restart on new ports under the same node ID, as a pod rescheduled with a new
 * IP), {@link #loading} (data commands answer {@code LOADING} for a while, as on a replica loading a full sync). A restarted node keeps the partition it was part of, but not pause or latency (it is a new process).
 *
 * <p><b>Timing.</b> By default the cluster uses <i>fast formation</i>: masters skip Redis's 2 s start-up writable
 * delay and the rejoin delay ({@code clamp(node-timeout, 500, 5000)} ms after being in the minority, which every fresh
 * master without slots is), so a cluster is ready as soon as gossip has converged, and a master that was partitioned
 * away reports ok as soon as it sees the majority again. {@link Builder#fastFormation(boolean) fastFormation(false)}
 * keeps Redis's delays.
 *
 * <p>Thread-safe. Closing closes every node, shuts the group down and removes the directory if it was a temporary one.
 */
public final class SimCluster implements AutoCloseable {
    private final SimClusterSettings settings;
    private final EventLoopGroup group;
    private final ClusterDirectory directory;
    private final List<SimClusterNode> nodes;
    private final Map<SimClusterNode, SimNodeConfig> restartConfigs;
    private final Map<SimClusterNode, Set<String>> partitionBlocks = new HashMap<>();
    private final Duration startTime;
    private boolean closed;

    SimCluster(
            SimClusterSettings settings,
            EventLoopGroup group,
            ClusterDirectory directory,
            List<SimClusterNode> nodes,
            Map<SimClusterNode, SimNodeConfig> restartConfigs,
            Duration startTime) {
        this.settings = settings;
        this.group = group;
        this.directory = directory;
        this.nodes = List.copyOf(nodes);
        this.restartConfigs = new HashMap<>(restartConfigs);
        this.startTime = startTime;
    }

    /**
     * Begins describing a cluster: by default 3 primaries without replicas on ephemeral ports, a 2 s node timeout, a
     * temporary directory, fast formation.
     *
     * @return the builder
     */
    public static SimClusterBuilder builder() {
        return new SimClusterBuilder();
    }

    /**
     * Returns every node: the primaries first (in start order), then the replicas, replica {@code r} of primary
     * {@code p} at {@code primaries + r * primaries + p}.
     *
     * @return the nodes, immutable
     */
    public List<SimClusterNode> nodes() {
        return nodes;
    }

    /**
     * Returns the nodes started as primaries, in start order, whatever their role now (a failover may have made them
     * replicas): in a formed cluster node {@code i} got the {@code i}-th slot range, so this is slot order.
     *
     * @return the first {@code primaries} nodes, immutable
     */
    public List<SimClusterNode> formedPrimaries() {
        return nodes.subList(0, settings.primaries());
    }

    /**
     * Returns the nodes that are primaries now, in their own view (a killed node counts with its last role).
     *
     * @return the primaries
     */
    public List<SimClusterNode> primaries() {
        return nodes.stream()
                .filter(n -> n.role() == SimClusterNode.Role.PRIMARY)
                .toList();
    }

    /**
     * Returns the nodes that are replicas now, in their own view (a killed node counts with its last role).
     *
     * @return the replicas
     */
    public List<SimClusterNode> replicas() {
        return nodes.stream()
                .filter(n -> n.role() == SimClusterNode.Role.REPLICA)
                .toList();
    }

    /**
     * Returns the client address of every node, in {@link #nodes()} order: what a cluster client is seeded with.
     *
     * @return {@code 127.0.0.1:<port>} per node
     */
    public List<InetSocketAddress> seeds() {
        return nodes.stream().map(SimClusterNode::address).toList();
    }

    /**
     * Finds a node by its ID.
     *
     * @param id the node ID
     * @return the node, or empty if none of this cluster has that ID
     */
    public Optional<SimClusterNode> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /**
     * Returns the primary serving a slot now: the running primary that owns the slot in its own view; when several do
     * (between the two SETSLOT NODE of a migration, or on both sides of a partition), the one with the greatest config
     * epoch, which is the one Redis's conflict resolution keeps.
     *
     * @param slot the slot, 0..16383
     * @return the primary, or empty if no running primary claims the slot
     * @throws IllegalArgumentException if the slot is out of range
     */
    public Optional<SimClusterNode> primaryForSlot(int slot) {
        if (slot < 0 || slot >= SlotTable.SLOT_COUNT) {
            throw new IllegalArgumentException("slot out of range: " + slot);
        }
        SimClusterNode best = null;
        long bestEpoch = -1;
        for (SimClusterNode node : running()) {
            long epoch = readOrElse(node, -1L, state -> {
                ClusterNode myself = state.myself();
                return myself.isMaster() && state.slots().owner(slot) == myself ? myself.configEpoch() : -1L;
            });
            if (epoch > bestEpoch) {
                best = node;
                bestEpoch = epoch;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Returns the owner of a slot as the cluster sees it, as a client asking any node would learn it: in the slot table
     * of every running node, the owner with the greatest config epoch (so a killed or hung primary stays the owner
     * until its replica is promoted, and the promoted replica wins as soon as one running node knows it).
     *
     * @param slot the slot, 0..16383
     * @return the owner, possibly a killed or paused node; empty if no running node knows one
     * @throws IllegalArgumentException if the slot is out of range
     */
    public Optional<SimClusterNode> slotOwner(int slot) {
        if (slot < 0 || slot >= SlotTable.SLOT_COUNT) {
            throw new IllegalArgumentException("slot out of range: " + slot);
        }
        String bestId = null;
        long bestEpoch = -1;
        for (SimClusterNode node : running()) {
            Map.Entry<String, Long> owner = readOrElse(node, null, state -> {
                ClusterNode known = state.slots().owner(slot);
                return known == null ? null : Map.entry(known.id(), known.configEpoch());
            });
            if (owner != null && owner.getValue() > bestEpoch) {
                bestId = owner.getKey();
                bestEpoch = owner.getValue();
            }
        }
        return bestId == null ? Optional.empty() : node(bestId);
    }

    /**
     * Returns how long {@link SimClusterBuilder#start()} took: starting the nodes and, unless unformed, forming the
     * cluster until it was healthy.
     *
     * @return the duration
     */
    public Duration startTime() {
        return startTime;
    }

    /**
     * Waits until every running node reports {@code cluster_state:ok} and all running nodes share one view of every
     * node's address, role and slots (after a restart, a heal, a migration).
     *
     * @param timeout how long to wait
     * @throws IllegalStateException with every running node's CLUSTER NODES if that does not happen in time
     */
    public void awaitHealthy(Duration timeout) {
        ClusterFormation.awaitHealthy(running(), nodes.size(), timeout);
    }

    /**
     * Kills a node abruptly, like {@code kill -9}: it stops listening and every client and bus connection closes. Its
     * nodes.conf stays; its keys are lost. Returns once the node is closed.
     *
     * @param node a running node of this cluster
     * @throws IllegalStateException if it is not running
     */
    public synchronized void kill(SimClusterNode node) {
        requireRunning(node);
        node.role(); // remember the role the node dies with
        node.node().close();
    }

    /**
     * Restarts a killed node on the same ports with the same nodes.conf, so it keeps its ID, slots and epochs, and
     * rejoins through the bus (await it with {@link #awaitHealthy}). It comes back without keys, unpaused and without
     * latency, but still on its side of a partition that was not healed.
     *
     * @param node a killed node of this cluster
     * @throws IllegalStateException if it is running
     * @throws java.io.UncheckedIOException if its ports are taken now
     */
    public synchronized void restart(SimClusterNode node) {
        requireKilled(node);
        start(node, restartConfigs.get(node));
    }

    /**
     * Brings a node back at a new address under the same node ID, as a Kubernetes pod rescheduled with a new IP: kills
     * it if it runs, then starts it with its nodes.conf (so it keeps its ID, slots and epochs) on new ephemeral client
     * and bus ports (on loopback the port is what makes the address new). As in Redis, the node announces its new ports
     * in every bus message header and each peer, receiving a PING from a known node ID at another address, updates the
     * address, drops its old link and reconnects; {@link #awaitHealthy} waits until every running node knows it. The
     * node comes back as after {@link #restart}: without keys (a primary without persistence loses its data; a replica
     * resyncs from its primary), unpaused, without latency, still on its side of a partition that was not healed.
     * The handle then reports the new {@link SimClusterNode#port() port} and {@link SimClusterNode#busPort() bus
     * port}, and later {@link #restart}s reuse them.
     *
     * @param node a node of this cluster, running or killed
     * @return the node's new client address
     * @throws java.io.UncheckedIOException if no new ports could be bound
     */
    public synchronized InetSocketAddress readdress(SimClusterNode node) {
        requireMember(node);
        requireOpen();
        if (node.isRunning()) {
            kill(node);
        }
        int oldPort = node.port();
        int oldBusPort = node.busPort();
        SimNodeConfig ephemeral = restartConfigs.get(node).with("port", "0").with("cluster-port", "0");
        for (int attempt = 1; ; attempt++) {
            start(node, ephemeral);
            boolean moved = node.port() != oldPort && node.busPort() != oldBusPort;
            if (moved || attempt == 3) {
                // The OS hands out the old port again only by rare chance: then start again on other ones.
                restartConfigs.put(
                        node,
                        ephemeral
                                .with("port", Integer.toString(node.port()))
                                .with("cluster-port", Integer.toString(node.busPort())));
                return node.address();
            }
            node.node().close();
        }
    }

    /**
     * Makes a node act as if it were loading its dataset for a while, as a replica does while it loads the snapshot of
     * a full sync: commands without Redis's {@code loading} flag (every data command, PING, CLUSTER SLOTS, ...) are
     * refused with {@code LOADING Redis is loading the dataset in memory}, INFO, HELLO, AUTH, READONLY and the like
     * still answer, and the cluster bus and replication carry on (see {@link NodeFaults#setLoading}). Its keys stay.
     *
     * @param node a running node of this cluster
     * @param duration how long, positive
     * @return a future completed when loading ends (also when the node is killed meanwhile)
     */
    public CompletableFuture<Void> loading(SimClusterNode node, Duration duration) {
        requireRunning(node);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the loading duration must be positive, was " + duration);
        }
        NodeFaults faults = node.node().faults();
        faults.setLoading(true);
        CompletableFuture<Void> ended = new CompletableFuture<>();
        group.schedule(
                () -> {
                    faults.setLoading(false);
                    ended.complete(null);
                },
                duration.toNanos(),
                TimeUnit.NANOSECONDS);
        return ended;
    }

    /**
     * Pauses a node, like SIGSTOP: see {@link NodeFaults#pause()}.
     *
     * @param node a running node of this cluster
     */
    public void pause(SimClusterNode node) {
        requireRunning(node);
        node.node().faults().pause();
    }

    /**
     * Resumes a paused node, like SIGCONT: see {@link NodeFaults#resume()}.
     *
     * @param node a running node of this cluster
     */
    public void resume(SimClusterNode node) {
        requireRunning(node);
        node.node().faults().resume();
    }

    /**
     * Delays a node's replies to clients and its cluster bus messages; {@link Duration#ZERO} removes the delay.
     *
     * @param node a running node of this cluster
     * @param latency the delay, never negative
     */
    public void latency(SimClusterNode node, Duration latency) {
        requireRunning(node);
        node.node().faults().setLatency(latency);
    }

    /**
     * Splits the cluster bus: no node of {@code a} talks to a node of {@code b} any more (links are reset, connection
     * attempts fail), until {@link #heal()}. Client connections are not affected. Nodes in neither group keep talking
     * to both.
     *
     * @param a one side
     * @param b the other side, disjoint from {@code a}
     * @throws IllegalArgumentException if the groups overlap or hold a node of another cluster
     */
    public synchronized void partition(Set<SimClusterNode> a, Set<SimClusterNode> b) {
        a.forEach(this::requireMember);
        b.forEach(this::requireMember);
        if (a.stream().anyMatch(b::contains)) {
            throw new IllegalArgumentException("the two sides of a partition must be disjoint");
        }
        block(a, b);
        block(b, a);
    }

    private void block(Collection<SimClusterNode> side, Collection<SimClusterNode> other) {
        Set<String> ids = new HashSet<>();
        other.forEach(n -> ids.add(n.id()));
        for (SimClusterNode node : side) {
            partitionBlocks.computeIfAbsent(node, key -> new HashSet<>()).addAll(ids);
            if (node.isRunning()) {
                node.node().faults().blockBusPeers(ids);
            }
        }
    }

    /** Heals every partition: all nodes may talk to each other again (their crons reconnect within 100 ms). */
    public synchronized void heal() {
        partitionBlocks.clear();
        running().forEach(node -> node.node().faults().healBus());
    }

    /**
     * Moves a slot and its keys from one primary to another, as redis-cli's reshard does (SETSLOT IMPORTING and
     * MIGRATING, MIGRATE ... KEYS in batches, then SETSLOT NODE on the target, the source and the other running
     * primaries). Returns once the target serves the slot; replicas learn it by gossip.
     *
     * @param slot the slot, 0..16383
     * @param from the primary that owns it
     * @param to another primary
     * @throws IllegalStateException with the node's error if a step fails (the slot may then stay open)
     */
    public void migrateSlot(int slot, SimClusterNode from, SimClusterNode to) {
        requireRunning(from);
        requireRunning(to);
        if (from == to) {
            throw new IllegalArgumentException("source and target are the same node");
        }
        List<SimClusterNode> others = running().stream()
                .filter(n -> n != from && n != to && !n.node().faults().isPaused())
                .filter(n -> n.role() == SimClusterNode.Role.PRIMARY)
                .toList();
        SlotMigration.move(slot, from, to, others);
    }

    /** Closes every node, shuts the event loop group down and removes a temporary directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        nodes.forEach(node -> closing.add(node.node().closeAsync()));
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).join();
        } finally {
            SimClusterSettings.shutDown(group);
            directory.close();
        }
    }

    /** Returns the root directory; each node's nodes.conf is in {@code node-<index>} under it. */
    public Path directory() {
        return directory.root();
    }

    private List<SimClusterNode> running() {
        return nodes.stream().filter(SimClusterNode::isRunning).toList();
    }

    private static <T> T readOrElse(SimClusterNode node, T fallback, Function<ClusterState, T> read) {
        try {
            return ClusterView.read(node.node(), read);
        } catch (IllegalStateException e) {
            return fallback;
        }
    }

    private void requireMember(SimClusterNode node) {
        if (!nodes.contains(node)) {
            throw new IllegalArgumentException(node + " is not a node of this cluster");
        }
    }

    private void requireKilled(SimClusterNode node) {
        requireMember(node);
        if (node.isRunning()) {
            throw new IllegalStateException(node + " is running");
        }
    }

    private void start(SimClusterNode node, SimNodeConfig config) {
        requireOpen();
        SimNode restarted = settings.startNode(config, group);
        node.replaceNode(restarted);
        Set<String> blocked = partitionBlocks.getOrDefault(node, Set.of());
        if (!blocked.isEmpty()) {
            restarted.faults().blockBusPeers(blocked);
        }
    }

    private void requireRunning(SimClusterNode node) {
        requireMember(node);
        if (!node.isRunning()) {
            throw new IllegalStateException(node + " is not running (killed)");
        }
    }

    private synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the cluster is closed");
        }
    }
}
