package io.slotwise.sim.clustermode;

import io.slotwise.sim.NodeSetup;
import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.bus.BusConfig;
import io.slotwise.sim.bus.BusFaults;
import io.slotwise.sim.bus.ClusterBus;
import io.slotwise.sim.cluster.IpLiteral;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;

/**
 * Starts the cluster bus of a node being set up and plugs it in: the bus listens on the first {@code bind} address at
 * {@code cluster-port}, else the client port plus 10000, else (client port 0) an ephemeral port, which myself then
 * announces; it announces {@code cluster-announce-ip} when set. The node's follow-up work runs through the bus, the
 * bus and its {@link BusFaults} become node services, and the bus closes with the node.
 */
final class ClusterBusStarter {

    private ClusterBusStarter() {}

    /**
     * Starts and attaches the bus. Runs on the thread that starts the node, which must not be the node's loop.
     *
     * @param setup the node being set up
     * @param cluster the node's cluster context, already created
     * @return the running bus
     * @throws UncheckedIOException with Redis's message ({@code Failed listening on port <port> (cluster),
     *     aborting.}) if the bus port cannot be bound, or if the bind address is not an IP literal
     */
    static ClusterBus start(NodeSetup setup, ClusterNodeContext cluster) {
        SimNodeConfig config = setup.config();
        BusConfig busConfig;
        try {
            busConfig = BusConfig.defaults()
                    .withBindAddress(bindAddress(config))
                    .withAnnounceIp(config.clusterAnnounceIp().orElse(""));
        } catch (IllegalArgumentException e) {
            throw failure("Invalid cluster bus address: " + e.getMessage(), e);
        }
        ClusterBus bus;
        try {
            bus = ClusterBus.start(setup.eventLoop(), cluster.state(), busConfig, new ClusterBusEvents(cluster))
                    .get();
        } catch (ExecutionException e) {
            throw failure(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("Interrupted while starting the cluster bus", e);
        }
        setup.eventLoop().submit(() -> cluster.attachBus(bus)).syncUninterruptibly();
        setup.provide(BusFaults.class, bus.faults());
        setup.provide(ClusterBus.class, bus);
        setup.onCloseAsync(bus::close);
        return bus;
    }

    /** The first {@code bind} address as an IP literal: {@code *} is 0.0.0.0, {@code ::*} is ::, no leading dash. */
    static String bindAddress(SimNodeConfig config) {
        String first = config.bind().get(0);
        String address = first.startsWith("-") ? first.substring(1) : first;
        return switch (address) {
            case "*" -> "0.0.0.0";
            case "::*" -> "::";
            default -> IpLiteral.normalize(address).orElse(address);
        };
    }

    private static UncheckedIOException failure(String message, Throwable cause) {
        return new UncheckedIOException(
                message, cause instanceof IOException io ? io : new IOException(message, cause));
    }
}
