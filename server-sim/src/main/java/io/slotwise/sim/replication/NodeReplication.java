package io.slotwise.sim.replication;

import io.slotwise.sim.command.NodeServices;
import io.slotwise.sim.keyspace.Keyspace;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replication of one node: its role and history, its replicas while a master, its link while a replica, and the
 * propagator of its writes. The role follows the cluster state ({@link #clusterRoleChanged}, and a check every
 * second that also notices a master's new address): a master that becomes a replica disconnects its replicas and
 * links to its master; a replica that becomes a master closes its link and starts a new history that continues the
 * old one (its replication id becomes {@code replid2}, so nodes that followed the same master can later continue
 * partially from it), or an unrelated one when its data was flushed (CLUSTER RESET).
 *
 * <p>Confined to the node's event loop.
 */
final class NodeReplication implements ReplicationControl {
    private static final Logger LOG = LoggerFactory.getLogger(NodeReplication.class);

    /** Redis's {@code repl-ping-replica-period}, in ticks of a second. */
    private static final int PING_PERIOD_TICKS = 10;

    private final NodeServices node;
    private final Keyspace keyspace;
    private final long retryMillis;
    private final ReplicationHistory history;
    private final ConnectedReplicas replicas = new ConnectedReplicas();
    private final ClusterView cluster;
    private final Propagator propagator;
    private final WaitingClients waiting;
    private final MasterSide master;
    private boolean replica;
    private MasterAddress masterAddress;
    private ReplicaLink link;
    private int ticks;

    NodeReplication(NodeServices node, Keyspace keyspace, int backlogSize, long retryMillis) {
        this.node = node;
        this.keyspace = keyspace;
        this.retryMillis = retryMillis;
        this.history = new ReplicationHistory(node.replicationId(), backlogSize);
        this.cluster = new ClusterView(node);
        WriteStream stream = new WriteStream(history, replicas, cluster::myOffset);
        this.propagator = new Propagator(new KeyStates(keyspace), stream, this::isActiveMaster, node.eventLoop());
        this.waiting = new WaitingClients(node.eventLoop(), replicas::countAcknowledged);
        this.master = new MasterSide(keyspace, history, replicas, stream, propagator, waiting, cluster);
    }

    Propagator propagator() {
        return propagator;
    }

    ReplicationHistory history() {
        return history;
    }

    ConnectedReplicas replicas() {
        return replicas;
    }

    MasterSide masterSide() {
        return master;
    }

    WaitingClients waiting() {
        return waiting;
    }

    /** Whether the node is a replica. */
    boolean isReplica() {
        return replica;
    }

    /** Returns the master's address while a replica; host "" when the cluster does not know it. */
    MasterAddress masterAddress() {
        return masterAddress;
    }

    /** Returns the link while a replica whose master's address is known. */
    Optional<ReplicaLink> link() {
        return Optional.ofNullable(link);
    }

    private boolean isActiveMaster() {
        return !replica && history.backlog() != null;
    }

    @Override
    public void clusterRoleChanged(boolean dataFlushed) {
        Optional<MasterAddress> wanted = cluster.wantedMaster();
        if (wanted.isPresent()) {
            replicate(wanted.get());
        } else if (replica) {
            becomeMaster(dataFlushed);
        }
    }

    @Override
    public long millisSinceMasterContact() {
        if (!replica) {
            return 0;
        }
        long now = System.currentTimeMillis();
        if (link != null && link.state() == LinkState.CONNECTED) {
            return Math.max(0, now - link.lastIoMillis());
        }
        long downSince = link == null ? 0 : link.downSinceMillis();
        return downSince == 0 ? Long.MAX_VALUE : Math.max(0, now - downSince);
    }

    /** The once-a-second work: follow the cluster, acknowledge, ping replicas, forget gone WAIT clients. */
    void tick() {
        clusterRoleChanged(false);
        ticks++;
        if (link != null) {
            link.acknowledge();
        } else if (!replica && ticks % PING_PERIOD_TICKS == 0) {
            master.ping();
        }
        waiting.dropDisconnected();
    }

    /**
     * Closes every replica's connection, as {@code CLIENT KILL TYPE replica} would; they reconnect and continue.
     *
     * @return how many were closed
     */
    int disconnectReplicas() {
        return replicas.disconnectAll();
    }

    /** Stops replication: the node is closing. */
    void close() {
        if (link != null) {
            link.stop();
            link = null;
        }
    }

    private void replicate(MasterAddress address) {
        if (replica && Objects.equals(address, masterAddress)) {
            return;
        }
        propagator.flushOutside();
        if (!replica) {
            int closed = replicas.disconnectAll();
            LOG.info("Becoming a replica of {}{}", address, closed > 0 ? ", disconnected " + closed + " replicas" : "");
        } else {
            LOG.info("Switching master from {} to {}", masterAddress, address);
        }
        replica = true;
        masterAddress = address;
        if (link != null) {
            link.stop();
            link = null;
        }
        if (!address.host().isEmpty()) {
            link = new ReplicaLink(node, keyspace, history, address, retryMillis, cluster::myOffset);
            link.start();
        }
    }

    private void becomeMaster(boolean dataFlushed) {
        if (link != null) {
            link.stop();
            link = null;
        }
        replica = false;
        masterAddress = null;
        if (dataFlushed) {
            history.restart(ReplicationHistory.randomId());
            LOG.info("Became an empty master: new replication history {}", history.id());
        } else {
            history.shift(ReplicationHistory.randomId());
            LOG.info(
                    "Became a master: replication id {}, previous id {} valid up to offset {}",
                    history.id(),
                    history.previousId(),
                    history.previousIdValidUntil() - 1);
        }
        cluster.myOffset(history.offset());
    }
}
