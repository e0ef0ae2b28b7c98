package io.slotwise;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of server-assisted client-side caching ({@link ClusterClientOptions.Builder#clientSideCache}): the client
 * keeps the replies of read-only single-key commands in memory and serves repeated calls without a round trip, while
 * every node it reads from tells it ({@code CLIENT TRACKING on}, RESP3 invalidation pushes) when a key it read changes.
 *
 * <p>Only commands of {@link #CACHEABLE_COMMANDS} are ever cached: read-only commands on exactly one key whose reply
 * depends on nothing but that key's value and the command's arguments (no clock, no randomness, no other key). A
 * command with more than one key ({@code EXISTS a b}) is not cached.
 *
 * @param maxEntries the most replies kept at once, at least 1; beyond it the least recently used reply is evicted
 * @param maxAge how long a reply may be served at most, however often it is used, as a safety net against lost
 *     invalidations; {@link Duration#ZERO} for no limit (invalidations alone keep the cache fresh)
 * @param commands the command names cached, upper case; a non-empty subset of {@link #CACHEABLE_COMMANDS}
 */
public record ClientSideCacheOptions(int maxEntries, Duration maxAge, Set<String> commands) {

    /**
     * Every command that may be cached: strings ({@code GET STRLEN GETRANGE SUBSTR GETBIT BITCOUNT BITPOS}), hashes
     * ({@code HGET HMGET HGETALL HLEN HEXISTS HKEYS HVALS HSTRLEN}), sets ({@code SMEMBERS SISMEMBER SMISMEMBER
     * SCARD}), lists ({@code LRANGE LLEN LINDEX LPOS}), sorted sets ({@code ZRANGE ZRANGEBYSCORE ZRANGEBYLEX
     * ZREVRANGE ZREVRANGEBYSCORE ZREVRANGEBYLEX ZSCORE ZMSCORE ZCARD ZCOUNT ZLEXCOUNT ZRANK ZREVRANK}), geo ({@code
     * GEOPOS GEODIST GEOHASH}) and keys ({@code EXISTS TYPE}). Deliberately absent: {@code TTL}/{@code PTTL} (the clock),
     * {@code SRANDMEMBER}/{@code HRANDFIELD}/{@code ZRANDMEMBER} (random), {@code SORT_RO} (may read other keys),
     * {@code OBJECT} (server internals) and every command on several keys.
     */
    public static final Set<String> CACHEABLE_COMMANDS = Set.of(
            "GET",
            "STRLEN",
            "GETRANGE",
            "SUBSTR",
            "GETBIT",
            "BITCOUNT",
            "BITPOS",
            "HGET",
            "HMGET",
            "HGETALL",
            "HLEN",
            "HEXISTS",
            "HKEYS",
            "HVALS",
            "HSTRLEN",
            "SMEMBERS",
            "SISMEMBER",
            "SMISMEMBER",
            "SCARD",
            "LRANGE",
            "LLEN",
            "LINDEX",
            "LPOS",
            "ZRANGE",
            "ZRANGEBYSCORE",
            "ZRANGEBYLEX",
            "ZREVRANGE",
            "ZREVRANGEBYSCORE",
            "ZREVRANGEBYLEX",
            "ZSCORE",
            "ZMSCORE",
            "ZCARD",
            "ZCOUNT",
            "ZLEXCOUNT",
            "ZRANK",
            "ZREVRANK",
            "GEOPOS",
            "GEODIST",
            "GEOHASH",
            "EXISTS",
            "TYPE");

    /** Default for {@link #maxEntries()}: enough for a hot set, a few megabytes for small values. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    /** Validates the settings and normalises the command names to upper case. */
    public ClientSideCacheOptions {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("clientSideCache maxEntries must be at least 1, got " + maxEntries);
        }
        DurationChecks.requireNonNegative(maxAge, "clientSideCache maxAge");
        Objects.requireNonNull(commands, "commands");
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("clientSideCache needs at least one command to cache");
        }
        Set<String> upper = new TreeSet<>();
        for (String command : commands) {
            String name = Objects.requireNonNull(command, "command").toUpperCase(Locale.ROOT);
            if (!CACHEABLE_COMMANDS.contains(name)) {
                throw new IllegalArgumentException("clientSideCache cannot cache " + name
                        + ": only read-only single-key commands whose reply depends on the key alone can be; "
                        + new TreeSet<>(CACHEABLE_COMMANDS));
            }
            upper.add(name);
        }
        commands = Set.copyOf(upper);
    }

    /**
     * Caches every command of {@link #CACHEABLE_COMMANDS}, at most {@link #DEFAULT_MAX_ENTRIES} replies, without an
     * age limit.
     *
     * @return the default settings
     */
    public static ClientSideCacheOptions defaults() {
        return new ClientSideCacheOptions(DEFAULT_MAX_ENTRIES, Duration.ZERO, CACHEABLE_COMMANDS);
    }

    /**
     * Returns a copy with another entry limit.
     *
     * @param value at least 1
     * @return the new settings
     */
    public ClientSideCacheOptions withMaxEntries(int value) {
        return new ClientSideCacheOptions(value, maxAge, commands);
    }

    /**
     * Returns a copy with another age limit.
     *
     * @param value zero (no limit) or positive
     * @return the new settings
     */
    public ClientSideCacheOptions withMaxAge(Duration value) {
        return new ClientSideCacheOptions(maxEntries, value, commands);
    }

    /**
     * Returns a copy that caches only these commands.
     *
     * @param names command names, any case, each in {@link #CACHEABLE_COMMANDS}
     * @return the new settings
     */
    public ClientSideCacheOptions withCommands(String... names) {
        return new ClientSideCacheOptions(maxEntries, maxAge, Set.copyOf(Arrays.asList(names)));
    }
}
