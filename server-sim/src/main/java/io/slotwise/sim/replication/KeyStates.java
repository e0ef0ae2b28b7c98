package io.slotwise.sim.replication;

import io.slotwise.sim.keyspace.DumpPayload;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.Value;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads what a key holds after a command, for propagation: as one command that recreates it exactly ({@code RESTORE
 * key <absolute expiry or 0> <DUMP payload> REPLACE ABSTTL}, or {@code DEL key} when it is gone), or just its expiry.
 * A read may remove a key whose time ran out; {@link #reading()} tells the propagator to ignore that removal, which
 * the state read already reflects. Confined to the node's event loop.
 */
final class KeyStates {
    private final Keyspace keyspace;
    private boolean reading;

    KeyStates(Keyspace keyspace) {
        this.keyspace = keyspace;
    }

    /** Whether a read of this class is under way (changes reported now are its own lazy expiries). */
    boolean reading() {
        return reading;
    }

    /**
     * Returns the command that makes a replica's key equal to this one.
     *
     * @param key the key
     * @return {@code RESTORE ... REPLACE ABSTTL} or {@code DEL}
     */
    List<byte[]> stateOf(Key key) {
        return read(() -> {
            Value value = keyspace.get(key);
            if (value == null) {
                return RespCommands.command("DEL", key.toByteArray());
            }
            long expireAt = keyspace.expireTimeMillis(key);
            return RespCommands.command(
                    "RESTORE",
                    key.toByteArray(),
                    Math.max(0, expireAt),
                    DumpPayload.encode(value),
                    "REPLACE",
                    "ABSTTL");
        });
    }

    /**
     * Returns a key's absolute expiry time.
     *
     * @param key the key
     * @return milliseconds since the epoch, -1 without one, -2 if the key does not exist
     */
    long expireTimeMillis(Key key) {
        return read(() -> keyspace.expireTimeMillis(key));
    }

    private <T> T read(Supplier<T> read) {
        boolean outer = reading;
        reading = true;
        try {
            return read.get();
        } finally {
            reading = outer;
        }
    }
}
