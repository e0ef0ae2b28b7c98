package io.slotwise.sim.data.stream;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.protocol.RespVersion;

/** Access to the node's keyspace and to common arguments from a stream handler. Stateless. */
final class StreamContext {
    private StreamContext() {}

    /** Returns the node's keyspace. */
    static Keyspace keyspace(CommandContext ctx) {
        return ctx.node()
                .service(Keyspace.class)
                .orElseThrow(() -> new IllegalStateException("node has no keyspace: KeyspaceModule not installed"));
    }

    /** Returns argument {@code index} as a key. */
    static Key key(CommandContext ctx, int index) {
        return Key.of(ctx.arg(index));
    }

    /** Returns argument {@code index} as bytes (a field, a group or consumer name). */
    static Bytes bytes(CommandContext ctx, int index) {
        return Bytes.of(ctx.arg(index));
    }

    /** Returns whether the client speaks RESP3. */
    static boolean resp3(CommandContext ctx) {
        return ctx.session().protocol() == RespVersion.RESP3;
    }
}
