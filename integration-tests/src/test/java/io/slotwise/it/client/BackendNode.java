package io.slotwise.it.client;

import java.util.Objects;

/**
 * One node of a {@link ClusterBackend}, as the tests address it: its cluster node id and where it listens for clients.
 *
 * @param id the node id, 40 hex characters, as {@code CLUSTER MYID} returns it
 * @param host the address it listens on (a loopback address)
 * @param port its client port
 */
public record BackendNode(String id, String host, int port) {

    /** Validates the fields. */
    public BackendNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in [1, 65535], was " + port);
        }
    }

    /** Returns the seed URI of this node, {@code redis://host:port}. */
    public String uri() {
        return "redis://" + host + ":" + port;
    }

    /** Returns {@code host:port id}. */
    @Override
    public String toString() {
        return host + ":" + port + " " + id;
    }
}
