package io.slotwise.sim.data;

import io.slotwise.sim.NodeSetup;
import io.slotwise.sim.keyspace.Keyspace;

/**
 * Installs the collection command families of a node (hashes, lists including the blocking commands, sets, sorted
 * sets, their SCAN variants, and SORT) together with the node's {@link BlockedClients}, which becomes a node service.
 */
final class CollectionFamilies {
    private CollectionFamilies() {}

    /**
     * Registers the families.
     *
     * @param setup the node being built
     * @param keyspace the node's keyspace
     * @return the registrar, for the other families whose commands may wake blocked clients
     */
    static CollectionRegistrar register(NodeSetup setup, Keyspace keyspace) {
        BlockedClients blocked = BlockedClients.install(setup, keyspace);
        CollectionRegistrar registrar = new CollectionRegistrar(setup.commands(), blocked);
        HashCommands.register(registrar);
        ListCommands.register(registrar, blocked);
        SetCommands.register(registrar);
        SortedSetCommands.register(registrar, blocked);
        CollectionScan.register(registrar);
        SortCommand.register(registrar);
        return registrar;
    }
}
