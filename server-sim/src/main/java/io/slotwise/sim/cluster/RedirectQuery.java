package io.slotwise.sim.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link RedirectDecider} needs to know about a command (or, for EXEC, about every queued command taken together)
 * and the client sending it. Build with {@link #builder()}. Immutable.
 *
 * @param keys the keys in order (for EXEC: the keys of all queued commands, in queue order), each with its slot; for
 *     sharded pub/sub commands the channels; empty for keyless commands
 * @param write whether the command is a write (for EXEC: whether any queued command is)
 * @param shardedPubSub whether the command (or any queued one) is a sharded pub/sub command (SPUBLISH, SSUBSCRIBE...)
 * @param migrate whether the command is MIGRATE
 * @param askingCommand whether the command carries the ASKING flag itself (RESTORE-ASKING)
 * @param clientAsking whether the client sent ASKING (still in effect)
 * @param clientReadOnly whether the client sent READONLY
 * @param presence answers whether a key exists locally; consulted only for a slot in migration, must not touch
 *     the key (no expiry deletion, no stats, no notifications)
 */
public record RedirectQuery(
        List<Key> keys,
        boolean write,
        boolean shardedPubSub,
        boolean migrate,
        boolean askingCommand,
        boolean clientAsking,
        boolean clientReadOnly,
        KeyPresence presence) {

    /**
     * Copies the key list and validates it.
     *
     * @throws NullPointerException if the key list, a key or {@code presence} is {@code null}
     */
    public RedirectQuery {
        keys = List.copyOf(keys);
        Objects.requireNonNull(presence, "presence");
    }

    /**
     * Starts a query for a keyless, read-only command from a plain client; set what applies.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One key of the command and its hash slot (computed by the caller).
     *
     * @param name the key bytes, never {@code null}; not copied, must not be modified meanwhile
     * @param slot the key's slot, in {@code [0, 16383]}
     */
    public record Key(byte[] name, int slot) {
        /**
         * Validates the key.
         *
         * @throws NullPointerException if {@code name} is {@code null}
         * @throws IllegalArgumentException if the slot is out of range
         */
        public Key {
            Objects.requireNonNull(name, "name");
            if (slot < 0 || slot >= SlotTable.SLOT_COUNT) {
                throw new IllegalArgumentException("slot out of range: " + slot);
            }
        }
    }

    /** Tells whether a key exists in the local database 0, without side effects. */
    @FunctionalInterface
    public interface KeyPresence {
        /**
         * Looks a key up.
         *
         * @param key the key bytes, never {@code null}
         * @return {@code true} if the key exists (and is not logically expired)
         */
        boolean exists(byte[] key);
    }

    /** Mutable builder for {@link RedirectQuery}; not thread-safe. */
    public static final class Builder {
        private final List<Key> keys = new ArrayList<>();
        private boolean write;
        private boolean shardedPubSub;
        private boolean migrate;
        private boolean askingCommand;
        private boolean clientAsking;
        private boolean clientReadOnly;
        private KeyPresence presence = key -> false;

        private Builder() {}

        /**
         * Appends a key.
         *
         * @param name the key bytes, never {@code null}
         * @param slot its slot
         * @return this builder
         */
        public Builder key(byte[] name, int slot) {
            keys.add(new Key(name, slot));
            return this;
        }

        /**
         * Marks the command as a write.
         *
         * @param value whether it writes
         * @return this builder
         */
        public Builder write(boolean value) {
            this.write = value;
            return this;
        }

        /**
         * Marks the command as sharded pub/sub.
         *
         * @param value whether it is
         * @return this builder
         */
        public Builder shardedPubSub(boolean value) {
            this.shardedPubSub = value;
            return this;
        }

        /**
         * Marks the command as MIGRATE.
         *
         * @param value whether it is
         * @return this builder
         */
        public Builder migrate(boolean value) {
            this.migrate = value;
            return this;
        }

        /**
         * Marks the command as carrying the ASKING flag (RESTORE-ASKING).
         *
         * @param value whether it does
         * @return this builder
         */
        public Builder askingCommand(boolean value) {
            this.askingCommand = value;
            return this;
        }

        /**
         * Sets whether the client's ASKING is in effect.
         *
         * @param value whether it is
         * @return this builder
         */
        public Builder clientAsking(boolean value) {
            this.clientAsking = value;
            return this;
        }

        /**
         * Sets whether the client is in READONLY mode.
         *
         * @param value whether it is
         * @return this builder
         */
        public Builder clientReadOnly(boolean value) {
            this.clientReadOnly = value;
            return this;
        }

        /**
         * Sets the local key lookup (default: no key exists).
         *
         * @param value the lookup, never {@code null}
         * @return this builder
         */
        public Builder presence(KeyPresence value) {
            this.presence = Objects.requireNonNull(value, "presence");
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the immutable query
         */
        public RedirectQuery build() {
            return new RedirectQuery(
                    keys, write, shardedPubSub, migrate, askingCommand, clientAsking, clientReadOnly, presence);
        }
    }
}
