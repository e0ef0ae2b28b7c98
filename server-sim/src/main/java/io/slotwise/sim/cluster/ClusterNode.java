package io.slotwise.sim.cluster;

import java.util.BitSet;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One node as seen by the local node: identity, addresses, flags, role, timers, epochs, link state and owned slots.
 *
 * <p>Mutable and not thread-safe; confined to the owning node's event loop. Slot ownership and roles are changed only
 * through {@link ClusterState} (so the slot table and the replica relations stay consistent); the remaining attributes
 * have plain setters for the cluster bus. {@code hostname} and {@code masterId} are nullable ({@code null} = none).
 */
public final class ClusterNode {

    private String id;
    private String ip;
    private int port;
    private int busPort;
    private String hostname;
    private final EnumSet<NodeFlag> flags = EnumSet.noneOf(NodeFlag.class);
    private String masterId;
    private long pingSentMillis;
    private long pongReceivedMillis;
    private long configEpoch;
    private LinkState linkState = LinkState.DISCONNECTED;
    private long replicationOffset;
    private long createdAtMillis;
    private long failTimeMillis;
    private boolean meetPending;
    private long replicaSequence;
    private boolean migrationTargetMark;
    private final BitSet slots = new BitSet(SlotTable.SLOT_COUNT);

    /**
     * Creates a node without flags, role or slots.
     *
     * @param id the node ID, 40 characters of {@code [a-z0-9]}
     * @param ip the IP as announced or learned; empty when unknown; never {@code null}
     * @param port the client port ({@code 0} when unknown)
     * @param busPort the cluster-bus port ({@code 0} when unknown)
     * @throws IllegalArgumentException if the ID is malformed or a port is outside {@code [0, 65535]}
     */
    public ClusterNode(String id, String ip, int port, int busPort) {
        setId(id);
        setAddress(ip, port, busPort);
    }

    /**
     * Returns the node ID.
     *
     * @return 40 characters, never {@code null}
     */
    public String id() {
        return id;
    }

    void setId(String id) {
        if (!NodeId.isWellFormed(id)) {
            throw new IllegalArgumentException("malformed node id: " + id);
        }
        this.id = id;
    }

    /**
     * Returns the IP (possibly empty when never learned).
     *
     * @return the IP text, never {@code null}
     */
    public String ip() {
        return ip;
    }

    /**
     * Returns the client port.
     *
     * @return the port, {@code 0} when unknown
     */
    public int port() {
        return port;
    }

    /**
     * Returns the cluster-bus port.
     *
     * @return the port, {@code 0} when unknown
     */
    public int busPort() {
        return busPort;
    }

    /**
     * Changes the node's address.
     *
     * @param ip the IP text, never {@code null} (empty when unknown)
     * @param port the client port, {@code [0, 65535]}
     * @param busPort the bus port, {@code [0, 65535]}
     * @throws IllegalArgumentException if a port is out of range
     */
    public void setAddress(String ip, int port, int busPort) {
        if (port < 0 || port > 65535 || busPort < 0 || busPort > 65535) {
            throw new IllegalArgumentException("port out of range: " + port + "@" + busPort);
        }
        this.ip = Objects.requireNonNull(ip, "ip");
        this.port = port;
        this.busPort = busPort;
    }

    /**
     * Returns the announced hostname.
     *
     * @return the hostname, or {@code null} when none is announced
     */
    public String hostname() {
        return hostname;
    }

    /**
     * Sets the announced hostname.
     *
     * @param hostname the hostname; {@code null} or empty clears it
     */
    public void setHostname(String hostname) {
        this.hostname = hostname == null || hostname.isEmpty() ? null : hostname;
    }

    /**
     * Returns a copy of the node's flags.
     *
     * @return a new set, never {@code null}
     */
    public Set<NodeFlag> flags() {
        return EnumSet.copyOf(flags);
    }

    /**
     * Tells whether the node carries a flag.
     *
     * @param flag the flag, never {@code null}
     * @return {@code true} if set
     */
    public boolean hasFlag(NodeFlag flag) {
        return flags.contains(flag);
    }

    /**
     * Sets a health or address flag ({@code PFAIL}, {@code FAIL}, {@code HANDSHAKE}, {@code NOADDR},
     * {@code NOFAILOVER}). Setting {@code FAIL} records the fail time. Role flags and {@code MYSELF} are managed by
     * {@link ClusterState}.
     *
     * @param flag the flag, never {@code null}
     * @param nowMillis the current time, recorded as fail time for {@code FAIL}
     * @throws IllegalArgumentException for {@code MYSELF}, {@code MASTER} or {@code SLAVE}
     */
    public void addFlag(NodeFlag flag, long nowMillis) {
        requireNonRoleFlag(flag);
        if (flag == NodeFlag.FAIL && !flags.contains(NodeFlag.FAIL)) {
            failTimeMillis = nowMillis;
        }
        flags.add(flag);
    }

    /**
     * Clears a health or address flag.
     *
     * @param flag the flag, never {@code null}
     * @throws IllegalArgumentException for {@code MYSELF}, {@code MASTER} or {@code SLAVE}
     */
    public void removeFlag(NodeFlag flag) {
        requireNonRoleFlag(flag);
        flags.remove(flag);
    }

    private static void requireNonRoleFlag(NodeFlag flag) {
        if (flag == NodeFlag.MYSELF || flag == NodeFlag.MASTER || flag == NodeFlag.SLAVE) {
            throw new IllegalArgumentException(flag + " is managed by ClusterState");
        }
    }

    void setFlagsRaw(Set<NodeFlag> newFlags) {
        flags.clear();
        flags.addAll(newFlags);
    }

    /**
     * Tells whether this is the local node.
     *
     * @return {@code true} for myself
     */
    public boolean isMyself() {
        return flags.contains(NodeFlag.MYSELF);
    }

    /**
     * Tells whether the node is a master.
     *
     * @return {@code true} if flagged master
     */
    public boolean isMaster() {
        return flags.contains(NodeFlag.MASTER);
    }

    /**
     * Tells whether the node is a replica.
     *
     * @return {@code true} if flagged slave
     */
    public boolean isReplica() {
        return flags.contains(NodeFlag.SLAVE);
    }

    /**
     * Tells whether the node is marked FAIL (PFAIL does not count).
     *
     * @return {@code true} if flagged fail
     */
    public boolean isFailed() {
        return flags.contains(NodeFlag.FAIL);
    }

    /**
     * Tells whether the node is still in handshake.
     *
     * @return {@code true} if flagged handshake
     */
    public boolean inHandshake() {
        return flags.contains(NodeFlag.HANDSHAKE);
    }

    /**
     * Returns the ID of the node's master, for a replica whose master is known.
     *
     * @return the master ID, or {@code null}
     */
    public String masterId() {
        return masterId;
    }

    void setMasterId(String masterId) {
        this.masterId = masterId;
    }

    void markMaster() {
        flags.remove(NodeFlag.SLAVE);
        flags.add(NodeFlag.MASTER);
        masterId = null;
    }

    void markReplicaOf(String newMasterId) {
        flags.remove(NodeFlag.MASTER);
        flags.add(NodeFlag.SLAVE);
        masterId = newMasterId;
    }

    long replicaSequence() {
        return replicaSequence;
    }

    void setReplicaSequence(long sequence) {
        this.replicaSequence = sequence;
    }

    /**
     * Returns the part of Redis's {@code MIGRATE_TO} flag that outlives the node's replicas: set when the node was
     * promoted from replica or got its first slot while some master had replicas, cleared when its last replica left.
     * {@link ClusterState#isMigrationTarget(ClusterNode)} adds "has replicas now".
     */
    boolean migrationTargetMark() {
        return migrationTargetMark;
    }

    void setMigrationTargetMark(boolean mark) {
        this.migrationTargetMark = mark;
    }

    /**
     * Returns when the currently unacknowledged PING was sent.
     *
     * @return milliseconds, {@code 0} when no PING is pending
     */
    public long pingSentMillis() {
        return pingSentMillis;
    }

    /**
     * Records when a PING was sent ({@code 0}: none pending).
     *
     * @param millis the timestamp
     */
    public void setPingSentMillis(long millis) {
        this.pingSentMillis = millis;
    }

    /**
     * Returns when the last PONG was received.
     *
     * @return milliseconds, {@code 0} when never
     */
    public long pongReceivedMillis() {
        return pongReceivedMillis;
    }

    /**
     * Records when the last PONG was received.
     *
     * @param millis the timestamp
     */
    public void setPongReceivedMillis(long millis) {
        this.pongReceivedMillis = millis;
    }

    /**
     * Returns the node's own config epoch (replicas usually 0; renderings show their master's).
     *
     * @return the epoch, {@code >= 0}
     */
    public long configEpoch() {
        return configEpoch;
    }

    /**
     * Sets the node's config epoch.
     *
     * @param epoch the epoch, {@code >= 0}
     * @throws IllegalArgumentException if negative
     */
    public void setConfigEpoch(long epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("negative config epoch " + epoch);
        }
        this.configEpoch = epoch;
    }

    /**
     * Returns whether an outbound bus link to the node exists.
     *
     * @return the link state, never {@code null}
     */
    public LinkState linkState() {
        return linkState;
    }

    /**
     * Sets the link state.
     *
     * @param linkState the state, never {@code null}
     */
    public void setLinkState(LinkState linkState) {
        this.linkState = Objects.requireNonNull(linkState, "linkState");
    }

    /**
     * Returns the last known replication offset of the node (for myself: kept up to date by the replication layer).
     *
     * @return the offset, {@code 0} when unknown
     */
    public long replicationOffset() {
        return replicationOffset;
    }

    /**
     * Records the node's replication offset.
     *
     * @param offset the offset
     */
    public void setReplicationOffset(long offset) {
        this.replicationOffset = offset;
    }

    /**
     * Returns when this entry was created (handshake expiry is measured from it).
     *
     * @return milliseconds
     */
    public long createdAtMillis() {
        return createdAtMillis;
    }

    /**
     * Records when this entry was created.
     *
     * @param millis the timestamp
     */
    public void setCreatedAtMillis(long millis) {
        this.createdAtMillis = millis;
    }

    /**
     * Returns when the node was last marked FAIL.
     *
     * @return milliseconds, {@code 0} if never
     */
    public long failTimeMillis() {
        return failTimeMillis;
    }

    /**
     * Tells whether a MEET (rather than a PING) must be sent on the first bus contact.
     *
     * @return {@code true} for a node added by CLUSTER MEET whose MEET was not sent yet
     */
    public boolean meetPending() {
        return meetPending;
    }

    /**
     * Sets or clears the pending-MEET marker (never printed).
     *
     * @param meetPending the new value
     */
    public void setMeetPending(boolean meetPending) {
        this.meetPending = meetPending;
    }

    /**
     * Tells whether the node owns a slot.
     *
     * @param slot the slot, in {@code [0, 16383]}
     * @return {@code true} if owned
     */
    public boolean ownsSlot(int slot) {
        return slots.get(slot);
    }

    /**
     * Returns how many slots the node owns.
     *
     * @return the count
     */
    public int slotCount() {
        return slots.cardinality();
    }

    /**
     * Returns a copy of the owned slots.
     *
     * @return a new bit set
     */
    public BitSet slots() {
        return (BitSet) slots.clone();
    }

    BitSet slotBits() {
        return slots;
    }

    @Override
    public String toString() {
        return "ClusterNode{" + id + " " + ip + ":" + port + "@" + busPort + " " + NodeFlag.render(flags) + "}";
    }
}
