package io.slotwise.sim;

/**
 * A piece of node functionality installed when a node starts: it registers command handlers and provides services
 * (the keyspace, the cluster state, the {@link io.slotwise.sim.command.RedirectCheck}) through the {@link NodeSetup}.
 * Pass modules to {@link SimNode.Builder#module(NodeModule)}; the connection and server commands are always present.
 */
@FunctionalInterface
public interface NodeModule {

    /**
     * Installs the module into a node that is not accepting connections yet. Runs on the thread that starts the node;
     * whatever the module keeps must afterwards be used on {@link NodeSetup#eventLoop()} only.
     *
     * @param setup the node being built
     */
    void install(NodeSetup setup);
}
