package io.slotwise.sim.command;

import java.util.Locale;

/** The command flags of Redis 7.0, as COMMAND INFO names them. */
public enum CommandFlag {
    WRITE,
    READONLY,
    DENYOOM,
    MODULE,
    ADMIN,
    PUBSUB,
    NOSCRIPT,
    BLOCKING,
    LOADING,
    STALE,
    SKIP_MONITOR,
    SKIP_SLOWLOG,
    ASKING,
    FAST,
    NO_AUTH,
    MAY_REPLICATE,
    NO_MANDATORY_KEYS,
    NO_MULTI,
    MOVABLEKEYS,
    ALLOW_BUSY,
    NO_ASYNC_LOADING;

    /** The flag as COMMAND INFO prints it, for example {@code no_auth}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a flag as COMMAND INFO prints it.
     *
     * @param wireName the lower-case name, for example {@code denyoom}
     * @return the flag
     * @throws IllegalArgumentException if the name is not a Redis 7.0 command flag
     */
    public static CommandFlag ofWireName(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
