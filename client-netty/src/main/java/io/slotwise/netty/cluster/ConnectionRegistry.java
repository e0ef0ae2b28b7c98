package io.slotwise.netty.cluster;

import io.slotwise.RedisException;
import io.slotwise.event.ClientEventListener;
import io.slotwise.netty.ClientResources;
import io.slotwise.netty.connection.ConnectionListener;
import io.slotwise.netty.connection.ConnectionOptions;
import io.slotwise.netty.connection.NodeConnection;
import io.slotwise.netty.connection.PushListener;
import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The client's connections: one multiplexed {@link NodeConnection} per node, created on first use and keyed by the
 * address the client connects to (the announced address after the address mapper, so two announced addresses that map
 * to one endpoint share a connection).
 *
 * <p>Every connection gets the same {@link ConnectionOptions}; when the client reads from replicas they all send
 * {@code READONLY}, which lets a replica serve reads and changes nothing on a primary, so one connection per node
 * serves both roles and survives failovers. While a connection is down, commands sent to it wait for its next
 * reconnect attempt ({@code QUEUE}, within their timeout): a brief drop stays invisible; when a refresh gives the
 * unreachable node's slots to another node, its waiting commands fail as not sent at once
 * ({@link #abandonWaitingOffSlotOwners}), and their retry goes to the slots' new owner.
 *
 * <p>Watched transactions and blocking commands take {@linkplain #leaseReusable reusable} dedicated connections: up to
 * {@value #MAX_IDLE_REUSABLE_PER_NODE} idle ones per node are kept ({@link IdleConnections}) and handed out again;
 * those of nodes that leave the topology are closed at the next {@link #retainOnly}, and all of them by
 * {@link #closeAll}.
 *
 * <p>Thread-safe.
 */
final class ConnectionRegistry {

    /** How many idle reusable dedicated connections a node keeps. */
    static final int MAX_IDLE_REUSABLE_PER_NODE = 4;

    private final ClientResources resources;
    private final ConnectionOptions options;
    private final ConnectionOptions dedicatedOptions;
    private final UnaryOperator<NodeAddress> addressMapper;
    private final Map<NodeAddress, NodeConnection> connections = new ConcurrentHashMap<>();
    private final Set<NodeAddress> unreachable = ConcurrentHashMap.newKeySet();
    private final Set<NodeAddress> unresponsive = ConcurrentHashMap.newKeySet();
    private final Set<NodeConnection> retiring = ConcurrentHashMap.newKeySet();
    private final IdleConnections<NodeConnection> reusable = new IdleConnections<>(MAX_IDLE_REUSABLE_PER_NODE);
    private volatile Set<NodeAddress> topologyNodes;
    private volatile boolean closed;

    /**
     * Creates an empty registry.
     *
     * @param resources the event loops connections run on
     * @param base settings of every connection; its listener is replaced
     * @param addressMapper maps announced addresses to the addresses connected to
     * @param listener receives connection events
     * @param onTrouble told the (mapped) address of a node whose connection failed or was lost
     */
    ConnectionRegistry(
            ClientResources resources,
            ConnectionOptions base,
            UnaryOperator<NodeAddress> addressMapper,
            ClientEventListener listener,
            Consumer<NodeAddress> onTrouble) {
        this.resources = resources;
        this.addressMapper = addressMapper;
        this.options = base.toBuilder()
                .connectionListener(new Bridge(listener, onTrouble))
                .build();
        // Dedicated connections serve one caller at a time and may idle in the pool: losing one says nothing about
        // the node's shared connection (no event, no refresh, no cache flush), and no cached read goes through them
        // (no tracking). A failed connect still reports the node as unreachable.
        this.dedicatedOptions = base.toBuilder()
                .connectionListener(new DedicatedBridge(listener, onTrouble))
                .clientTracking(false)
                .pushListener(PushListener.DROP)
                .build();
    }

    /**
     * Returns the connection to a node, creating it (unopened) on first use.
     *
     * @param announced the node's address as the topology or a redirect names it
     * @return its connection
     * @throws RedisException if the registry is closed
     */
    NodeConnection get(NodeAddress announced) {
        NodeAddress target = map(announced);
        NodeConnection connection = connections.get(target);
        if (connection == null) {
            connection =
                    connections.computeIfAbsent(target, address -> NodeConnection.create(address, options, resources));
        }
        if (closed) {
            connections.remove(target, connection);
            connection.close();
            throw new RedisException("The client is closed");
        }
        return connection;
    }

    /**
     * Opens a connection for one blocking command, which must not share a connection with other commands. The caller
     * closes it when the command completes.
     *
     * @param announced the node's address
     * @param timeout how long the command may take
     * @return a new connection, closed with the registry if still open then
     */
    NodeConnection dedicated(NodeAddress announced, Duration timeout) {
        NodeConnection connection = NodeConnection.create(
                map(announced),
                dedicatedOptions.toBuilder().commandTimeout(timeout).build(),
                resources);
        retiring.add(connection);
        if (closed) {
            release(connection);
        }
        return connection;
    }

    /**
     * Releases a connection from {@link #dedicated}.
     *
     * @param connection the connection
     */
    void release(NodeConnection connection) {
        connection.close().whenComplete((ignored, error) -> retiring.remove(connection));
    }

    /**
     * Takes an idle reusable dedicated connection to a node, or opens a new one. The caller gives it back with
     * {@link #giveBack} once it is clean (no key watched, not in {@code MULTI}, no other state changed), or closes it
     * with {@link #release}.
     *
     * @param announced the node's address
     * @param timeout how long each command may take; the same for every caller, since connections are shared over time
     * @return a connection no one else uses until it is given back
     */
    NodeConnection leaseReusable(NodeAddress announced, Duration timeout) {
        NodeAddress target = map(announced);
        NodeConnection idle;
        while ((idle = reusable.poll(target)) != null) {
            if (idle.isConnected()) {
                return idle;
            }
            release(idle); // dropped while idle: a new connection beats waiting for its reconnect
        }
        return dedicated(announced, timeout);
    }

    /**
     * Gives back a clean connection from {@link #leaseReusable}: kept idle for the next lease if its node is still in
     * the topology, it is connected and its node has fewer than {@value #MAX_IDLE_REUSABLE_PER_NODE} idle ones;
     * closed otherwise.
     *
     * @param connection the connection
     */
    void giveBack(NodeConnection connection) {
        Set<NodeAddress> nodes = topologyNodes;
        boolean inTopology = nodes == null || nodes.contains(connection.address());
        if (closed || !inTopology || !connection.isConnected() || !reusable.offer(connection.address(), connection)) {
            release(connection);
        }
    }

    /**
     * Counts the idle reusable connections to a node, for tests and diagnostics.
     *
     * @param announced the node's address
     * @return how many are idle
     */
    int idleReusable(NodeAddress announced) {
        return reusable.idleCount(map(announced));
    }

    /**
     * Tells whether the last connection attempt to a node failed or its connection was lost, and it has not connected
     * since: a node to avoid when another candidate can serve.
     *
     * @param announced the node's address
     * @return true if the node is known to be unreachable
     */
    boolean isUnreachable(NodeAddress announced) {
        NodeAddress node = map(announced);
        return unreachable.contains(node) || unresponsive.contains(node);
    }

    /**
     * Tells whether a node's last request timed out and nothing has been heard from it since, although its connection
     * may be up: a hung node (a paused process, a partition, a primary about to be failed over).
     *
     * @param announced the node's address
     * @return true if the node is known to be unresponsive
     */
    boolean isUnresponsive(NodeAddress announced) {
        return unresponsive.contains(map(announced));
    }

    /**
     * Records whether a node answered its last request. A node whose request timed out counts as unreachable until it
     * answers again: a hung node (a paused process, a partition) keeps its connection open, and a topology refresh
     * must not wait a whole command timeout for it, nor reads be routed to it.
     *
     * @param announced the node, as the topology names it
     * @param answered false if the request timed out, true if any reply arrived
     */
    void recordResponsiveness(NodeAddress announced, boolean answered) {
        NodeAddress node = map(announced);
        if (answered) {
            unresponsive.remove(node);
        } else {
            unresponsive.add(node);
        }
    }

    /**
     * Closes the connections to nodes that are not in {@code keep}, after {@code grace}, so that commands already in
     * flight to them can complete.
     *
     * @param keep announced addresses of the nodes to keep
     * @param grace how long a dropped connection stays open
     */
    void retainOnly(Collection<NodeAddress> keep, Duration grace) {
        Set<NodeAddress> kept = new HashSet<>();
        for (NodeAddress address : keep) {
            kept.add(map(address));
        }
        topologyNodes = Set.copyOf(kept);
        for (NodeConnection idle : reusable.retainOnly(kept)) {
            release(idle);
        }
        for (Map.Entry<NodeAddress, NodeConnection> entry : List.copyOf(connections.entrySet())) {
            if (!kept.contains(entry.getKey()) && connections.remove(entry.getKey(), entry.getValue())) {
                NodeConnection dropped = entry.getValue();
                dropped.abandonWaiting("the node " + entry.getKey() + " left the cluster topology while unreachable");
                unreachable.remove(entry.getKey());
                retiring.add(dropped);
                scheduleClose(dropped, grace);
            }
        }
    }

    /**
     * Releases the commands waiting on the connections of unreachable nodes that own no slot any more (their slots
     * moved, for example to a promoted replica): they fail as not sent, at once rather than at the next reconnect
     * attempt, so that their retry goes to the slots' new owners. Connections that are up are left alone.
     *
     * @param slotOwners announced addresses of the primaries that own slots in the current topology
     */
    void abandonWaitingOffSlotOwners(Collection<NodeAddress> slotOwners) {
        Set<NodeAddress> owners = new HashSet<>();
        for (NodeAddress address : slotOwners) {
            owners.add(map(address));
        }
        for (Map.Entry<NodeAddress, NodeConnection> entry : connections.entrySet()) {
            if (unreachable.contains(entry.getKey()) && !owners.contains(entry.getKey())) {
                entry.getValue()
                        .abandonWaiting("the node " + entry.getKey()
                                + " is unreachable and the refreshed topology gives it no slots");
            }
        }
    }

    /** Closes a dropped connection after the grace period, or at once if the event loops are gone. */
    private void scheduleClose(NodeConnection connection, Duration grace) {
        try {
            resources.eventLoopGroup().schedule(() -> release(connection), grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            release(connection);
        }
    }

    /** The addresses (after mapping) of the open or opening connections, for tests and diagnostics. */
    Set<NodeAddress> connectedAddresses() {
        return Set.copyOf(connections.keySet());
    }

    /**
     * Closes every connection; commands in flight fail, and later {@link #get} calls throw.
     *
     * @return completes when every connection is closed
     */
    CompletionStage<Void> closeAll() {
        closed = true;
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (NodeConnection idle : reusable.close()) {
            closing.add(idle.close().toCompletableFuture());
        }
        for (NodeConnection connection : List.copyOf(connections.values())) {
            closing.add(connection.close().toCompletableFuture());
        }
        connections.clear();
        for (NodeConnection connection : List.copyOf(retiring)) {
            closing.add(connection.close().toCompletableFuture());
        }
        return CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
    }

    private NodeAddress map(NodeAddress announced) {
        return Objects.requireNonNull(addressMapper.apply(announced), "the address mapper returned null");
    }

    /** Turns connection events into client events and refresh triggers, and tracks unreachable nodes. */
    /** The listener of dedicated connections: reports connects and failed connects, not the loss of one. */
    private final class DedicatedBridge implements ConnectionListener {
        private final Bridge bridge;

        DedicatedBridge(ClientEventListener listener, Consumer<NodeAddress> onTrouble) {
            this.bridge = new Bridge(listener, onTrouble);
        }

        @Override
        public void connected(NodeAddress node, int protocolVersion) {
            bridge.connected(node, protocolVersion);
        }

        @Override
        public void connectFailed(NodeAddress node, Throwable cause) {
            bridge.connectFailed(node, cause);
        }
    }

    private final class Bridge implements ConnectionListener {
        private final ClientEventListener listener;
        private final Consumer<NodeAddress> onTrouble;

        Bridge(ClientEventListener listener, Consumer<NodeAddress> onTrouble) {
            this.listener = listener;
            this.onTrouble = onTrouble;
        }

        @Override
        public void connected(NodeAddress node, int protocolVersion) {
            unreachable.remove(node);
            listener.connected(node);
        }

        @Override
        public void connectFailed(NodeAddress node, Throwable cause) {
            unreachable.add(node);
            listener.connectFailed(node, cause);
            onTrouble.accept(node);
        }

        @Override
        public void disconnected(NodeAddress node, Throwable cause) {
            unreachable.add(node);
            listener.disconnected(node, cause);
            onTrouble.accept(node);
        }
    }
}
