package io.slotwise.sim.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one cluster node believes about its cluster: myself, the known nodes (in insertion order, which is the
 * order every rendering uses), the epochs, the slot table with its migration markers, the FORGET blacklist, the
 * bus-message counters and the recorded {@code cluster_state}.
 *
 * <p>This class offers the primitive, always-valid operations (add/remove/rename nodes, bind slots, change roles, bump
 * epochs) for the cluster bus and loaders. The validated CLUSTER subcommands, with Redis's error texts, live in
 * {@link SlotAssignmentCommands}, {@link SetSlotCommand}, {@link MembershipCommands} (also handshakes) and
 * {@link EpochCommands} (also bumping without consensus). Changes that need follow-up work outside the state
 * (persisting, broadcasting, replication) are reported through {@link #drainPendingActions()}.
 *
 * <p>Call {@link #updateState()} once when the node starts and from the cluster cron (every tick while the state is
 * fail); the subcommand classes call it after each change.
 *
 * <p>Not thread-safe: confine an instance to the node's single event-loop thread.
 */
public final class ClusterState {

    private final ClusterEnvironment environment;
    private ClusterConfig config;
    private final ClusterNode myself;
    private final Map<String, ClusterNode> nodes = new LinkedHashMap<>();
    private final SlotTable slots = new SlotTable();
    private final ForgetBlacklist blacklist = new ForgetBlacklist();
    private final ClusterMessageStats messageStats = new ClusterMessageStats();
    private final ClusterHealth health = new ClusterHealth();
    private final FailureReports failureReports = new FailureReports();
    private final EnumSet<PendingAction> pending = EnumSet.noneOf(PendingAction.class);
    private long currentEpoch;
    private long lastVoteEpoch;
    private long replicaSequence;

    /**
     * Creates a state that knows only {@code myself}. The node gets the {@code myself} flag, becomes a master unless
     * it is already flagged as a replica, and counts as connected.
     *
     * @param myself the local node, never {@code null}; must own no slots
     * @param config the options, never {@code null}
     * @param environment clock, randomness and keyspace view, never {@code null}
     * @throws IllegalArgumentException if {@code myself} already owns slots
     */
    public ClusterState(ClusterNode myself, ClusterConfig config, ClusterEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.config = Objects.requireNonNull(config, "config");
        if (myself.slotCount() != 0) {
            throw new IllegalArgumentException("myself must not own slots yet");
        }
        this.myself = myself;
        Set<NodeFlag> flags = myself.flags();
        flags.add(NodeFlag.MYSELF);
        if (!flags.contains(NodeFlag.SLAVE)) {
            flags.add(NodeFlag.MASTER);
        }
        myself.setFlagsRaw(flags);
        myself.setLinkState(LinkState.CONNECTED);
        if (myself.masterId() != null) {
            myself.setReplicaSequence(++replicaSequence);
        }
        nodes.put(myself.id(), myself);
    }

    /**
     * Creates the state of a brand-new node: a random ID, master, no slots, epochs 0.
     *
     * @param config the options, never {@code null}
     * @param environment clock, randomness and keyspace view, never {@code null}
     * @param ip the node's IP, empty when not known yet
     * @param port the client port
     * @param busPort the cluster-bus port
     * @return the new state
     */
    public static ClusterState createFresh(
            ClusterConfig config, ClusterEnvironment environment, String ip, int port, int busPort) {
        ClusterNode myself = new ClusterNode(NodeId.random(environment.random()), ip, port, busPort);
        myself.setCreatedAtMillis(environment.nowMillis());
        return new ClusterState(myself, config, environment);
    }

    /**
     * Returns the local node.
     *
     * @return myself, never {@code null}
     */
    public ClusterNode myself() {
        return myself;
    }

    /**
     * Looks a node up by ID (exact, lower case).
     *
     * @param id the candidate ID, may be anything
     * @return the node, or empty when unknown or malformed
     */
    public Optional<ClusterNode> findNode(String id) {
        return Optional.ofNullable(id == null ? null : nodes.get(id));
    }

    /**
     * Returns all known nodes, myself and handshake nodes included, in insertion order.
     *
     * @return a live read-only view
     */
    public Collection<ClusterNode> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    /**
     * Returns the replicas of a master in the order they were attached to it (Redis's per-master replica list).
     *
     * @param master the master, never {@code null}
     * @return the nodes flagged as replicas whose master ID is the master's
     */
    public List<ClusterNode> replicasOf(ClusterNode master) {
        List<ClusterNode> replicas = new ArrayList<>();
        for (ClusterNode node : nodes.values()) {
            if (node.isReplica() && master.id().equals(node.masterId())) {
                replicas.add(node);
            }
        }
        replicas.sort(Comparator.comparingLong(ClusterNode::replicaSequence));
        return replicas;
    }

    /**
     * Returns a replica's master, when known.
     *
     * @param node any node, never {@code null}
     * @return the master node, or empty for masters and replicas of unknown masters
     */
    public Optional<ClusterNode> masterOf(ClusterNode node) {
        return node.isReplica() ? findNode(node.masterId()) : Optional.empty();
    }

    /**
     * Returns the epoch shown for a node: its master's config epoch for a replica with a known master, else its own.
     *
     * @param node the node, never {@code null}
     * @return the epoch
     */
    public long displayedEpoch(ClusterNode node) {
        return masterOf(node).map(ClusterNode::configEpoch).orElse(node.configEpoch());
    }

    /**
     * Adds a node learned from the bus or a loader.
     *
     * @param node the node, never {@code null}; must not be myself and must own no slots
     * @throws IllegalArgumentException if the ID is already known, the node is flagged myself or owns slots
     */
    public void addNode(ClusterNode node) {
        if (nodes.containsKey(node.id())) {
            throw new IllegalArgumentException("node already known: " + node.id());
        }
        if (node.isMyself() || node.slotCount() != 0) {
            throw new IllegalArgumentException("node must be a peer without slots: " + node.id());
        }
        nodes.put(node.id(), node);
    }

    /**
     * Removes a peer like Redis's {@code clusterDelNode}: unbinds its slots, clears migration markers naming it, drops
     * the failure reports about it and by it, and detaches its replicas (they keep the replica flag but no longer name
     * a master). Does not blacklist.
     *
     * @param node a known peer, never {@code null}
     * @throws IllegalArgumentException if the node is myself or unknown
     */
    public void removeNode(ClusterNode node) {
        if (node == myself || nodes.get(node.id()) != node) {
            throw new IllegalArgumentException("cannot remove " + node.id());
        }
        ClusterNode formerMaster = masterOf(node).orElse(null);
        slots.forgetNode(node);
        failureReports.forgetNode(node);
        for (ClusterNode other : nodes.values()) {
            if (node.id().equals(other.masterId())) {
                other.setMasterId(null);
            }
        }
        nodes.remove(node.id());
        afterReplicaLeft(formerMaster);
    }

    /**
     * Gives a node a new ID (handshake completed, or hard reset of myself). The node moves to the end of the order and
     * replicas naming the old ID follow the rename.
     *
     * @param node a known node, never {@code null}
     * @param newId the new ID, well formed and not already known
     * @throws IllegalArgumentException if the node is unknown or the new ID is malformed or taken
     */
    public void renameNode(ClusterNode node, String newId) {
        if (nodes.get(node.id()) != node || nodes.containsKey(newId) || !NodeId.isWellFormed(newId)) {
            throw new IllegalArgumentException("cannot rename " + node.id() + " to " + newId);
        }
        String oldId = node.id();
        nodes.remove(oldId);
        node.setId(newId);
        nodes.put(newId, node);
        for (ClusterNode other : nodes.values()) {
            if (oldId.equals(other.masterId())) {
                other.setMasterId(newId);
            }
        }
    }

    /**
     * Makes a node a master (detaching it from its master, if any). For myself, requests
     * {@link PendingAction#REPLICATION_CHANGED}.
     *
     * @param node a known node, never {@code null}
     */
    public void setNodeAsMaster(ClusterNode node) {
        boolean wasReplica = node.isReplica();
        ClusterNode formerMaster = masterOf(node).orElse(null);
        node.markMaster();
        afterReplicaLeft(formerMaster);
        if (formerMaster != null && node != myself) {
            node.setMigrationTargetMark(true);
        }
        if (node == myself && wasReplica) {
            request(PendingAction.REPLICATION_CHANGED);
        }
    }

    /**
     * Makes a peer a replica of a master. A former master loses its slots.
     *
     * @param node a known peer, never {@code null}, not myself
     * @param master the master, never {@code null}, not {@code node}
     * @throws IllegalArgumentException for myself (use {@link #replicateMyselfFrom(ClusterNode)}) or a self-loop
     */
    public void setPeerAsReplicaOf(ClusterNode node, ClusterNode master) {
        if (node == myself || node == master) {
            throw new IllegalArgumentException("use replicateMyselfFrom for myself; a node cannot replicate itself");
        }
        if (node.isMaster()) {
            unassignAllSlotsOf(node);
        }
        attach(node, master);
    }

    /**
     * Flags a peer as a replica whose master is not known (yet), as Redis does for a node learned from gossip with the
     * {@code slave} flag, or for a master that announces a master this node has never heard of. A former master loses
     * its slots; the node keeps no master ID until {@link #setPeerAsReplicaOf(ClusterNode, ClusterNode)} names one.
     *
     * @param node a known peer, never {@code null}, not myself
     * @throws IllegalArgumentException for myself
     */
    public void setPeerAsReplicaOfUnknownMaster(ClusterNode node) {
        if (node == myself) {
            throw new IllegalArgumentException("use replicateMyselfFrom for myself");
        }
        if (node.isMaster()) {
            unassignAllSlotsOf(node);
        }
        if (!node.isReplica()) {
            node.setReplicaSequence(++replicaSequence);
        }
        ClusterNode formerMaster = masterOf(node).orElse(null);
        node.markReplicaOf(null);
        afterReplicaLeft(formerMaster);
    }

    /**
     * Turns myself into a replica of {@code master} (Redis's {@code clusterSetMaster}): a master loses its migration
     * markers. Requests {@link PendingAction#REPLICATION_CHANGED}.
     *
     * @param master a known node other than myself, never {@code null}
     * @throws IllegalStateException if myself still owns slots
     */
    public void replicateMyselfFrom(ClusterNode master) {
        if (master == myself || myself.slotCount() != 0) {
            throw new IllegalStateException("myself must own no slots and cannot replicate itself");
        }
        if (myself.isMaster()) {
            slots.closeAllSlots();
        }
        attach(myself, master);
        request(PendingAction.REPLICATION_CHANGED);
    }

    /**
     * Returns the slot table (read access; change it through this class and the subcommand classes).
     *
     * @return the table, never {@code null}
     */
    public SlotTable slots() {
        return slots;
    }

    /**
     * Binds a slot to a node, unbinding it from its previous owner.
     *
     * @param slot the slot, in {@code [0, 16383]}
     * @param owner a known node, never {@code null}
     * @throws IllegalArgumentException if the owner is unknown
     */
    public void assignSlot(int slot, ClusterNode owner) {
        if (nodes.get(owner.id()) != owner) {
            throw new IllegalArgumentException("unknown node " + owner.id());
        }
        boolean firstSlot = owner.slotCount() == 0;
        slots.assign(slot, owner);
        if (firstSlot && mastersHaveReplicas()) {
            owner.setMigrationTargetMark(true);
        }
    }

    /**
     * Tells whether a node is a valid target of replica migration in this node's view (Redis's {@code MIGRATE_TO}
     * flag): it has replicas (working or not), or it was promoted from replica (as seen by this node), or it got its
     * first slot while some master had replicas, and in the latter two cases it has not lost a replica since. A master
     * that never had replicas in a cluster without replicas is not one: replicas migrate only to masters that were
     * meant to have some.
     *
     * @param node a known node, never {@code null}
     * @return {@code true} for a migration target
     */
    public boolean isMigrationTarget(ClusterNode node) {
        return node.migrationTargetMark() || !replicasOf(node).isEmpty();
    }

    private boolean mastersHaveReplicas() {
        for (ClusterNode node : nodes.values()) {
            if (node.isReplica() && masterOf(node).filter(ClusterNode::isMaster).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Redis clears {@code MIGRATE_TO} when a master's replica list becomes empty. */
    private void afterReplicaLeft(ClusterNode formerMaster) {
        if (formerMaster != null && replicasOf(formerMaster).isEmpty()) {
            formerMaster.setMigrationTargetMark(false);
        }
    }

    /**
     * Unbinds a slot (no-op when unassigned).
     *
     * @param slot the slot, in {@code [0, 16383]}
     */
    public void unassignSlot(int slot) {
        slots.unassign(slot);
    }

    /**
     * Returns the current epoch.
     *
     * @return the epoch
     */
    public long currentEpoch() {
        return currentEpoch;
    }

    /**
     * Sets the current epoch.
     *
     * @param epoch the epoch, {@code >= 0}
     */
    public void setCurrentEpoch(long epoch) {
        this.currentEpoch = epoch;
    }

    /**
     * Returns the epoch of the last failover vote this node granted.
     *
     * @return the epoch
     */
    public long lastVoteEpoch() {
        return lastVoteEpoch;
    }

    /**
     * Sets the epoch of the last failover vote.
     *
     * @param epoch the epoch, {@code >= 0}
     */
    public void setLastVoteEpoch(long epoch) {
        this.lastVoteEpoch = epoch;
    }

    /**
     * Returns the options in force.
     *
     * @return the configuration, never {@code null}
     */
    public ClusterConfig config() {
        return config;
    }

    /**
     * Replaces the options (CONFIG SET) and re-evaluates {@code cluster_state}.
     *
     * @param config the new configuration, never {@code null}
     */
    public void setConfig(ClusterConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        updateState();
    }

    /**
     * Returns the injected clock, randomness and keyspace view.
     *
     * @return the environment, never {@code null}
     */
    public ClusterEnvironment environment() {
        return environment;
    }

    /**
     * Returns the FORGET blacklist; the bus must not re-add a blacklisted ID from gossip.
     *
     * @return the blacklist, never {@code null}
     */
    public ForgetBlacklist blacklist() {
        return blacklist;
    }

    /**
     * Returns the failure reports gossiped by masters (maintained by the cluster bus, read by CLUSTER
     * COUNT-FAILURE-REPORTS).
     *
     * @return the reports, never {@code null}
     */
    public FailureReports failureReports() {
        return failureReports;
    }

    /**
     * Returns the bus-message counters shown by CLUSTER INFO.
     *
     * @return the counters, never {@code null}
     */
    public ClusterMessageStats messageStats() {
        return messageStats;
    }

    /**
     * Tells whether {@code cluster_state} is ok, as last recorded by {@link #updateState()}.
     *
     * @return {@code true} for ok, {@code false} for fail
     */
    public boolean isOk() {
        return health.isOk();
    }

    /**
     * Re-evaluates {@code cluster_state} (see {@link ClusterHealth}). Every subcommand mutation calls it; the cluster
     * cron should call it every tick while the state is fail, and after any flag change.
     */
    public void updateState() {
        health.update(this, environment.nowMillis());
    }

    /**
     * Records follow-up work for the owner of this state.
     *
     * @param actions the actions, never {@code null}
     */
    public void request(PendingAction... actions) {
        Collections.addAll(pending, actions);
    }

    /**
     * Returns and clears the follow-up work requested since the last call.
     *
     * @return the actions, possibly empty
     */
    public Set<PendingAction> drainPendingActions() {
        Set<PendingAction> drained = EnumSet.copyOf(pending);
        pending.clear();
        return drained;
    }

    private void unassignAllSlotsOf(ClusterNode node) {
        for (int slot = node.slotBits().nextSetBit(0);
                slot >= 0;
                slot = node.slotBits().nextSetBit(slot + 1)) {
            slots.unassign(slot);
        }
    }

    private void attach(ClusterNode replica, ClusterNode master) {
        if (!master.id().equals(replica.masterId()) || !replica.isReplica()) {
            replica.setReplicaSequence(++replicaSequence);
        }
        ClusterNode formerMaster = masterOf(replica).orElse(null);
        replica.markReplicaOf(master.id());
        if (formerMaster != master) {
            afterReplicaLeft(formerMaster);
        }
    }

    void attachLoadedReplica(ClusterNode replica) {
        replica.setReplicaSequence(++replicaSequence);
    }
}
