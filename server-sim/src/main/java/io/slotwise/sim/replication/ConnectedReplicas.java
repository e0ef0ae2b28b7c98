package io.slotwise.sim.replication;

import io.slotwise.sim.server.ClientSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The replicas connected to this master, in the order they synchronised, and the listening ports announced by
 * connections that have not synchronised yet. A replica leaves when its connection closes. Confined to the node's
 * event loop.
 */
final class ConnectedReplicas {
    private final Map<ClientSession, Integer> announcedPorts = new WeakHashMap<>();
    private final Map<ClientSession, ConnectedReplica> online = new LinkedHashMap<>();

    /** Records the port a connection announced ({@code REPLCONF listening-port}). */
    void announcePort(ClientSession session, int port) {
        announcedPorts.put(session, port);
    }

    /**
     * Adds a replica that synchronised on a connection; it is removed when the connection closes. A connection that
     * synchronises again replaces its entry.
     *
     * @param session the connection
     * @param nowMillis the current time
     * @return the new entry
     */
    ConnectedReplica add(ClientSession session, long nowMillis) {
        String address = session.remoteAddress();
        String ip =
                address.substring(0, address.lastIndexOf(':')).replace("[", "").replace("]", "");
        int port = announcedPorts.getOrDefault(session, 0);
        ConnectedReplica replica = new ConnectedReplica(session, ip, port, nowMillis);
        if (online.put(session, replica) == null) {
            session.channel().closeFuture().addListener(f -> online.remove(session));
        }
        return replica;
    }

    /** Returns the replica synchronised on a connection, if it is one. */
    Optional<ConnectedReplica> find(ClientSession session) {
        return Optional.ofNullable(online.get(session));
    }

    /** Returns the connected replicas in the order they synchronised. */
    List<ConnectedReplica> list() {
        return new ArrayList<>(online.values());
    }

    int count() {
        return online.size();
    }

    /** Counts the replicas that acknowledged at least {@code offset} (WAIT). */
    int countAcknowledged(long offset) {
        int count = 0;
        for (ConnectedReplica replica : online.values()) {
            if (replica.ackOffset() >= offset) {
                count++;
            }
        }
        return count;
    }

    /** Sends stream bytes to every replica. */
    void send(byte[] bytes) {
        online.values().forEach(replica -> replica.send(bytes));
    }

    /**
     * Closes every replica's connection.
     *
     * @return how many were closed
     */
    int disconnectAll() {
        List<ConnectedReplica> all = list();
        all.forEach(ConnectedReplica::disconnect);
        return all.size();
    }
}
