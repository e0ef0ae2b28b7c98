package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.Value;
import io.slotwise.sim.protocol.Reply;
import java.util.function.Function;

/**
 * OBJECT ENCODING, REFCOUNT, IDLETIME, FREQ and HELP. A missing key answers the null bulk string ({@code _} in RESP3).
 * Encodings and counts come from {@link ValueEncoding}. The simulator keeps no access statistics: IDLETIME answers 0,
 * and FREQ answers Redis's error for a node without an LFU {@code maxmemory-policy}, which a simulated node never has.
 * Handlers run on the node's event loop.
 */
final class ObjectCommands {
    private static final String NO_LFU = "ERR An LFU maxmemory policy is not selected, access frequency not tracked."
            + " Please note that when switching between policies at runtime LRU and LFU data will take some time to"
            + " adjust.";

    private ObjectCommands() {}

    static void register(CommandRegistry registry) {
        registry.register("object|encoding", ctx -> inspect(ctx, value -> Reply.bulk(ValueEncoding.of(value))));
        registry.register(
                "object|refcount", ctx -> inspect(ctx, value -> Reply.integer(ValueEncoding.refCount(value))));
        registry.register("object|idletime", ctx -> inspect(ctx, value -> Reply.integer(0)));
        registry.register(
                "object|freq",
                ctx -> inspect(ctx, value -> {
                    throw new CommandException(NO_LFU);
                }));
        registry.register(
                "object|help",
                ctx -> SubcommandHelp.of(
                        "OBJECT",
                        "ENCODING <key>",
                        "    Return the kind of internal representation used in order to store the value",
                        "    associated with a <key>.",
                        "FREQ <key>",
                        "    Return the access frequency index of the <key>. The returned integer is",
                        "    proportional to the logarithm of the recent access frequency of the key.",
                        "IDLETIME <key>",
                        "    Return the idle time of the <key>, that is the approximated number of",
                        "    seconds elapsed since the last access to the key.",
                        "REFCOUNT <key>",
                        "    Return the number of references of the value associated with the specified",
                        "    <key>."));
    }

    private static Reply inspect(CommandContext ctx, Function<Value, Reply> answer) {
        Value value = DataContext.keyspace(ctx).get(CommandArgs.key(ctx, 2));
        return value == null ? Reply.nullBulk() : answer.apply(value);
    }
}
