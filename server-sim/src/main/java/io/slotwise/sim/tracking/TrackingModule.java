package io.slotwise.sim.tracking;

import io.slotwise.sim.NodeModule;
import io.slotwise.sim.NodeSetup;
import io.slotwise.sim.command.TrackingHook;
import io.slotwise.sim.keyspace.Keyspace;

/**
 * Gives a node Redis 7.0's client-side caching: CLIENT TRACKING, CACHING, GETREDIR and TRACKINGINFO, the dispatcher's
 * {@link TrackingHook} and a listener on the node's {@link Keyspace} (which must be installed first). Every node gets
 * one; install it once per node.
 */
public final class TrackingModule implements NodeModule {

    /** Creates the module. */
    public TrackingModule() {}

    @Override
    public void install(NodeSetup setup) {
        ClientSideCaching caching = new ClientSideCaching(setup.node().clients(), setup.eventLoop());
        setup.provide(TrackingHook.class, caching);
        setup.node()
                .service(Keyspace.class)
                .orElseThrow(() -> new IllegalStateException("client-side caching needs the keyspace module"))
                .addListener(caching);
        TrackingCommands.register(setup.commands(), caching);
    }
}
