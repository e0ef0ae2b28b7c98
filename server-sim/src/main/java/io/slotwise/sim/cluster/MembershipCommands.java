package io.slotwise.sim.cluster;

/**
 * CLUSTER MEET, FORGET, REPLICATE and RESET with Redis 7.0's validation and error texts. Run on the node's thread;
 * follow-up work is reported through {@link ClusterState#drainPendingActions()}.
 */
public final class MembershipCommands {

    private MembershipCommands() {}

    /**
     * CLUSTER MEET ip port [bus-port]: starts a handshake by adding a node with a random ID and the
     * {@code handshake} flag (the bus then sends it a MEET). A handshake already in progress with the same address is
     * not duplicated and still succeeds. The bus port defaults to {@code port + 10000}.
     *
     * @param state the state, never {@code null}
     * @param ip the IP argument (an IPv4 or IPv6 literal; hostnames are rejected)
     * @param port the port argument
     * @param busPort the bus-port argument, or {@code null} when omitted
     * @throws ClusterCommandException {@code ERR Invalid TCP base port specified: <port>},
     *     {@code ERR Invalid TCP bus port specified: <bus-port>} or
     *     {@code ERR Invalid node address specified: <ip>:<port>}
     */
    public static void meet(ClusterState state, String ip, String port, String busPort) {
        long clientPort = IntegerArgument.tryParse(port)
                .orElseThrow(() -> new ClusterCommandException("ERR Invalid TCP base port specified: " + port));
        long clusterPort = clientPort + 10_000;
        if (busPort != null) {
            clusterPort = IntegerArgument.tryParse(busPort)
                    .orElseThrow(() -> new ClusterCommandException("ERR Invalid TCP bus port specified: " + busPort));
        }
        String normalized = IpLiteral.normalize(ip).orElse(null);
        if (normalized == null || !validPort(clientPort) || !validPort(clusterPort)) {
            throw new ClusterCommandException("ERR Invalid node address specified: " + ip + ":" + port);
        }
        if (!handshakeInProgress(state, normalized, (int) clientPort, (int) clusterPort)) {
            addHandshakeNode(state, normalized, (int) clientPort, (int) clusterPort, true);
        }
    }

    /**
     * Adds a node in handshake with a fresh random ID, as CLUSTER MEET and an incoming bus MEET do.
     *
     * @param state the state, never {@code null}
     * @param ip the peer's IP
     * @param port the peer's client port
     * @param busPort the peer's bus port
     * @param sendMeet whether the first packet to it must be a MEET
     * @return the new node
     */
    public static ClusterNode addHandshakeNode(ClusterState state, String ip, int port, int busPort, boolean sendMeet) {
        String id;
        do {
            id = NodeId.random(state.environment().random());
        } while (state.findNode(id).isPresent());
        ClusterNode node = new ClusterNode(id, ip, port, busPort);
        node.addFlag(NodeFlag.HANDSHAKE, 0);
        node.setMeetPending(sendMeet);
        node.setCreatedAtMillis(state.environment().nowMillis());
        state.addNode(node);
        return node;
    }

    /**
     * Tells whether a handshake with an address is already in progress.
     *
     * @param state the state, never {@code null}
     * @param ip the IP (compared case-insensitively)
     * @param port the client port
     * @param busPort the bus port
     * @return {@code true} if a handshake node with that address exists
     */
    public static boolean handshakeInProgress(ClusterState state, String ip, int port, int busPort) {
        for (ClusterNode node : state.nodes()) {
            if (node.inHandshake()
                    && node.ip().equalsIgnoreCase(ip)
                    && node.port() == port
                    && node.busPort() == busPort) {
                return true;
            }
        }
        return false;
    }

    private static boolean validPort(long port) {
        return port > 0 && port <= 65535;
    }

    /**
     * CLUSTER FORGET id: removes a peer and blacklists its ID for 60 seconds so gossip cannot re-add it.
     *
     * @param state the state, never {@code null}
     * @param nodeId the ID as given
     * @throws ClusterCommandException {@code ERR Unknown node <id>},
     *     {@code ERR I tried hard but I can't forget myself...} or {@code ERR Can't forget my master!}
     */
    public static void forget(ClusterState state, String nodeId) {
        ClusterNode node =
                state.findNode(nodeId).orElseThrow(() -> new ClusterCommandException("ERR Unknown node " + nodeId));
        ClusterNode myself = state.myself();
        if (node == myself) {
            throw new ClusterCommandException("ERR I tried hard but I can't forget myself...");
        }
        if (myself.isReplica() && node.id().equals(myself.masterId())) {
            throw new ClusterCommandException("ERR Can't forget my master!");
        }
        state.blacklist().add(node.id(), state.environment().nowMillis());
        state.removeNode(node);
        state.request(PendingAction.SAVE_CONFIG);
        state.updateState();
    }

    /**
     * CLUSTER REPLICATE id: makes myself a replica of a known master. A replica may switch masters freely; a master
     * must own no slots and hold no keys.
     *
     * @param state the state, never {@code null}
     * @param nodeId the master's ID as given
     * @throws ClusterCommandException {@code ERR Unknown node <id>}, {@code ERR Can't replicate myself},
     *     {@code ERR I can only replicate a master, not a replica.} or
     *     {@code ERR To set a master the node must be empty and without assigned slots.}
     */
    public static void replicate(ClusterState state, String nodeId) {
        ClusterNode master =
                state.findNode(nodeId).orElseThrow(() -> new ClusterCommandException("ERR Unknown node " + nodeId));
        ClusterNode myself = state.myself();
        if (master == myself) {
            throw new ClusterCommandException("ERR Can't replicate myself");
        }
        if (master.isReplica()) {
            throw new ClusterCommandException("ERR I can only replicate a master, not a replica.");
        }
        if (myself.isMaster()
                && (myself.slotCount() != 0 || state.environment().localKeys().size() != 0)) {
            throw new ClusterCommandException("ERR To set a master the node must be empty and without assigned slots.");
        }
        state.replicateMyselfFrom(master);
        state.request(PendingAction.SAVE_CONFIG);
        state.updateState();
    }

    /**
     * CLUSTER RESET [HARD|SOFT]: a replica becomes an empty master (requesting {@link PendingAction#FLUSH_DATA} and
     * {@link PendingAction#REPLICATION_CHANGED}); all migration markers and slots are dropped and every other node is
     * forgotten (without blacklisting). HARD also zeroes currentEpoch, lastVoteEpoch and my config epoch and gives me
     * a new random ID.
     *
     * @param state the state, never {@code null}
     * @param mode the mode, never {@code null}
     * @throws ClusterCommandException {@code ERR CLUSTER RESET can't be called with master nodes containing keys}
     */
    public static void reset(ClusterState state, ResetMode mode) {
        ClusterNode myself = state.myself();
        if (myself.isMaster() && state.environment().localKeys().size() != 0) {
            throw new ClusterCommandException("ERR CLUSTER RESET can't be called with master nodes containing keys");
        }
        if (myself.isReplica()) {
            state.setNodeAsMaster(myself);
            state.request(PendingAction.FLUSH_DATA);
        }
        state.slots().closeAllSlots();
        for (int slot = 0; slot < SlotTable.SLOT_COUNT; slot++) {
            state.unassignSlot(slot);
        }
        for (ClusterNode node : state.nodes().toArray(new ClusterNode[0])) {
            if (node != myself) {
                state.removeNode(node);
            }
        }
        if (mode == ResetMode.HARD) {
            state.setCurrentEpoch(0);
            state.setLastVoteEpoch(0);
            myself.setConfigEpoch(0);
            state.renameNode(myself, NodeId.random(state.environment().random()));
        }
        state.request(PendingAction.SAVE_CONFIG, PendingAction.FSYNC_CONFIG);
        state.updateState();
    }
}
