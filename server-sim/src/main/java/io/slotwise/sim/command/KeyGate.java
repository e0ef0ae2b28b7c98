package io.slotwise.sim.command;

import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.protocol.Request;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Holds commands on keys that a MIGRATE is moving until that MIGRATE has finished. Redis blocks the whole server while
 * MIGRATE waits for its target, so no client can change a key between its serialisation and its deletion; the
 * simulator keeps serving other keys but makes commands on the keys in flight wait, then runs them: a key that left
 * is then missing here, and the command is redirected (ASK) like after a Redis MIGRATE. Without this a key written
 * meanwhile would end up on both nodes.
 *
 * <p>Confined to the node's event loop.
 */
public final class KeyGate {

    private final Map<Key, CompletableFuture<Void>> closed = new HashMap<>();

    /**
     * Closes the gate on keys until the returned action runs.
     *
     * @param keys the keys being moved
     * @return the action that opens the gate again and releases the commands waiting on it; run it exactly once
     */
    public Runnable close(Collection<Key> keys) {
        CompletableFuture<Void> opened = new CompletableFuture<>();
        List<Key> held = List.copyOf(keys);
        held.forEach(key -> closed.put(key, opened));
        return () -> {
            held.forEach(key -> closed.remove(key, opened));
            opened.complete(null);
        };
    }

    /**
     * Returns what a command must wait for before it runs, if it names a key in flight.
     *
     * @param request the command
     * @param spec its command table entry
     * @return a future completing when the command may run, or {@code null} if it may run now
     */
    CompletableFuture<Void> waitingFor(Request request, CommandSpec spec) {
        if (closed.isEmpty()) {
            return null;
        }
        for (int index : spec.keyIndexes(request.args())) {
            CompletableFuture<Void> gate = closed.get(Key.of(request.arg(index)));
            if (gate != null) {
                return gate;
            }
        }
        return null;
    }
}
