package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Request;
import java.util.Objects;

/**
 * A request resolved against the command table: what a transaction queues and what the cluster redirect check
 * examines. Immutable.
 *
 * @param spec the command or subcommand the request names; its arity is satisfied
 * @param request the request as the client sent it
 */
public record Invocation(CommandSpec spec, Request request) {

    /** Rejects missing components. */
    public Invocation {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(request, "request");
    }

    /** Returns the indexes of the request's key arguments, as the command table finds them. */
    public int[] keyIndexes() {
        return spec.keyIndexes(request.args());
    }
}
