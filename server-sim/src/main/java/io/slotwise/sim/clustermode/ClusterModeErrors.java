package io.slotwise.sim.clustermode;

import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;

/**
 * The commands a cluster node refuses because the cluster decides replication: REPLICAOF and SLAVEOF ({@value
 * #REPLICAOF}) and FAILOVER ({@value #FAILOVER}). SELECT n≠0 is refused by the SELECT handler itself; MOVE, SWAPDB and
 * COPY ... DB belong to the data commands. A name another family already serves is left to it, since a registry
 * takes one handler per name.
 */
final class ClusterModeErrors {
    /** The error of REPLICAOF and SLAVEOF in cluster mode. */
    static final String REPLICAOF = "ERR REPLICAOF not allowed in cluster mode.";

    /** The error of FAILOVER in cluster mode. */
    static final String FAILOVER = "ERR FAILOVER not allowed in cluster mode. Use CLUSTER FAILOVER command instead.";

    private ClusterModeErrors() {}

    /**
     * Registers the refusals a node in cluster mode makes, for the names no other family registered.
     *
     * @param registry the node's registry
     */
    static void register(CommandRegistry registry) {
        refuse(registry, "replicaof", REPLICAOF);
        refuse(registry, "slaveof", REPLICAOF);
        refuse(registry, "failover", FAILOVER);
    }

    private static void refuse(CommandRegistry registry, String name, String error) {
        if (!registry.isRegistered(name)) {
            registry.register(name, ctx -> {
                throw new CommandException(error);
            });
        }
    }
}
