package io.slotwise.sim.replication;

import io.slotwise.sim.command.Invocation;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one executing command changed, as the {@link Propagator} records it: the keys it changed itself, whether it
 * emptied the keyspace, and the keys changed on behalf of blocked clients it served. Confined to the node's event
 * loop.
 */
final class Frame {
    /** {@code FLUSHALL}, the command that propagates an emptied keyspace. */
    static final List<byte[]> FLUSHALL = RespCommands.command("FLUSHALL");

    /** Keys the command changed, in the order of their first change. */
    final Set<Key> touched = new LinkedHashSet<>();

    /** Keys changed while a blocked client was served during the command. */
    final Set<Key> served = new LinkedHashSet<>();

    /** Whether the command emptied the keyspace (keys it changed before are then forgotten). */
    boolean flushed;

    private final Invocation invocation;

    Frame(Invocation invocation) {
        this.invocation = invocation;
    }

    /**
     * Returns the commands that propagate what happened, once the command's handler returned.
     *
     * @param reply the command's reply, an error, or null if it is still to come
     * @param keys reads keys as they are now
     * @return the commands, possibly none
     */
    List<List<byte[]>> propagation(Reply reply, KeyStates keys) {
        boolean changed = flushed || !touched.isEmpty();
        boolean succeeded = reply != null && !(reply instanceof Reply.SimpleError);
        List<List<byte[]>> commands = succeeded
                ? PropagationRules.propagate(invocation.spec().name(), invocation.request(), reply, changed, keys)
                : changed ? null : List.of();
        List<List<byte[]>> result = new ArrayList<>();
        if (commands != null) {
            result.addAll(commands);
        } else {
            if (flushed) {
                result.add(FLUSHALL);
            }
            touched.forEach(key -> result.add(keys.stateOf(key)));
        }
        served.forEach(key -> result.add(keys.stateOf(key)));
        return result;
    }
}
