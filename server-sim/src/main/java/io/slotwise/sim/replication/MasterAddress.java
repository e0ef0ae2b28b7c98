package io.slotwise.sim.replication;

import java.util.Objects;

/**
 * Where a replica's master accepts clients, as the cluster state knows it.
 *
 * @param host the IP
 * @param port the client port
 */
record MasterAddress(String host, int port) {
    /** Rejects a missing host. */
    MasterAddress {
        Objects.requireNonNull(host, "host");
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
