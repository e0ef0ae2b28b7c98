package io.slotwise.netty.pubsub;

import io.slotwise.netty.ClientResources;
import io.slotwise.netty.connection.ConnectionOptions;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What a subscriber needs from its client: where to run, how to connect, and the client's view of the cluster.
 *
 * @param resources the event loops subscriber connections and the engine run on
 * @param connectionOptions settings of the client's connections (timeouts, credentials, TLS, RESP version); subscriber
 *     connections use them with subscribe mode on, their own listeners, and no {@code READONLY}
 * @param addressMapper maps announced addresses to the addresses connected to
 * @param topology the client's current topology
 * @param refresh asks the client for a topology refresh and completes when one has ended (successfully or not)
 * @param unreachable tells whether the client considers a node (announced address) unreachable now
 */
public record SubscriberEnvironment(
        ClientResources resources,
        ConnectionOptions connectionOptions,
        UnaryOperator<NodeAddress> addressMapper,
        Supplier<ClusterTopology> topology,
        Supplier<CompletionStage<Void>> refresh,
        Predicate<NodeAddress> unreachable) {

    /** Checks the components. */
    public SubscriberEnvironment {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(connectionOptions, "connectionOptions");
        Objects.requireNonNull(addressMapper, "addressMapper");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(unreachable, "unreachable");
    }
}
