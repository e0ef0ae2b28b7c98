package io.slotwise.sim.data.hyperloglog;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StringValue;
import io.slotwise.sim.keyspace.WrongTypeException;

/**
 * Reads and writes HLL values in the node's keyspace with Redis's errors: a key of another type is {@code WRONGTYPE
 * Operation against a key holding the wrong kind of value}, a string that is no HLL {@code WRONGTYPE Key is not a
 * valid HyperLogLog string value.}. Stateless; call on the node's event loop.
 */
final class HllValues {
    /** Redis's answer to a string that is not an HLL. */
    static final String NOT_AN_HLL = "WRONGTYPE Key is not a valid HyperLogLog string value.";

    private HllValues() {}

    /** Returns the node's keyspace. */
    static Keyspace keyspace(CommandContext ctx) {
        return ctx.node()
                .service(Keyspace.class)
                .orElseThrow(() -> new IllegalStateException("node has no keyspace: KeyspaceModule not installed"));
    }

    /**
     * Returns a working copy of the HLL at {@code key}, or null if the key is missing.
     *
     * @throws CommandException {@code WRONGTYPE} for another type or a string that is not an HLL
     */
    static HllSketch read(Keyspace keyspace, Key key) {
        StringValue value;
        try {
            value = keyspace.getString(key);
        } catch (WrongTypeException e) {
            throw new CommandException(WrongTypeException.MESSAGE);
        }
        if (value == null) {
            return null;
        }
        byte[] bytes = value.toByteArray();
        if (!HllSketch.isValid(bytes)) {
            throw new CommandException(NOT_AN_HLL);
        }
        return HllSketch.copyOf(bytes);
    }

    /**
     * Stores a changed HLL: a new key without TTL, an existing one keeping its TTL (Redis changes the string in
     * place).
     */
    static void write(Keyspace keyspace, Key key, HllSketch sketch, boolean created) {
        StringValue value = StringValue.of(sketch.toByteArray());
        if (created) {
            keyspace.set(key, value);
        } else {
            keyspace.setKeepTtl(key, value);
        }
    }

    /** Returns the exception that answers a corrupted HLL. */
    static CommandException corrupted() {
        return new CommandException(InvalidHllException.REPLY);
    }
}
