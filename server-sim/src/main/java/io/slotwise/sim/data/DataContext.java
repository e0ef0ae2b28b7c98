package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.keyspace.Keyspace;

/** Access to the node's data from a command handler. */
final class DataContext {

    private DataContext() {}

    /**
     * Returns the node's keyspace.
     *
     * @param ctx the handler's context
     * @return the keyspace installed by {@link KeyspaceModule}
     * @throws IllegalStateException if the node was built without it
     */
    static Keyspace keyspace(CommandContext ctx) {
        return ctx.node()
                .service(Keyspace.class)
                .orElseThrow(() -> new IllegalStateException("node has no keyspace: KeyspaceModule not installed"));
    }
}
