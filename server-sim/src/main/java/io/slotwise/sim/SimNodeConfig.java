package io.slotwise.sim;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The immutable configuration of one simulator node: every {@link ConfigDirective} with its canonical value (the form
 * CONFIG GET answers), and the configuration file it came from, if any.
 *
 * <p>Build one from a redis-server command line ({@link #fromCommandLine}), from redis.conf text ({@link #fromText}),
 * or from the {@link #defaults()} and {@link #with(String, String...)}. {@link #toString()} never shows the value of a
 * sensitive directive ({@code requirepass}). Thread-safe.
 */
public final class SimNodeConfig {
    private final Map<ConfigDirective, String> values;
    private final Path configFile;

    private SimNodeConfig(Map<ConfigDirective, String> values, Path configFile) {
        this.values = values;
        this.configFile = configFile;
    }

    /** Returns the defaults: Redis 7.0's, except {@code bind 127.0.0.1} and {@code dir} the working directory. */
    public static SimNodeConfig defaults() {
        Map<ConfigDirective, String> values = new EnumMap<>(ConfigDirective.class);
        for (ConfigDirective directive : ConfigDirective.values()) {
            values.put(directive, directive.defaultValue());
        }
        values.put(ConfigDirective.DIR, ConfigDirective.DIR.parse(List.of(".")));
        return new SimNodeConfig(values, null);
    }

    /**
     * Reads a redis-server command line: {@code [config-file] [--directive value ...]}; options override the file.
     *
     * @param args the arguments
     * @return the configuration
     * @throws ConfigException if the file cannot be read, or a directive is unknown or has a bad value
     */
    public static SimNodeConfig fromCommandLine(String... args) throws ConfigException {
        return ConfigLoader.fromCommandLine(Arrays.asList(args));
    }

    /**
     * Reads redis.conf text; the node then has no configuration file (CONFIG REWRITE fails as in Redis).
     *
     * @param text lines of {@code directive arg...}, comments and blank lines
     * @return the configuration
     * @throws ConfigException if a directive is unknown or has a bad value
     */
    public static SimNodeConfig fromText(String text) throws ConfigException {
        return ConfigLoader.fromText(text);
    }

    /**
     * Returns a copy with one directive changed.
     *
     * @param name the directive's name, any case
     * @param args its arguments, as in redis.conf
     * @return the new configuration
     * @throws IllegalArgumentException if the directive is unknown or the value is bad; the message names both
     */
    public SimNodeConfig with(String name, String... args) {
        ConfigDirective directive = ConfigDirective.byName(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown directive '" + name + "'"));
        try {
            return with(directive, directive.parse(List.of(args)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + directive.configName() + "': " + e.getMessage(), e);
        }
    }

    /**
     * Returns a copy with several directives set to values already {@linkplain ConfigDirective#parse validated}.
     *
     * @param canonicalValues the new canonical values
     * @return the new configuration
     */
    public SimNodeConfig withValues(Map<ConfigDirective, String> canonicalValues) {
        return withAll(canonicalValues, configFile);
    }

    SimNodeConfig with(ConfigDirective directive, String canonicalValue) {
        return withAll(Map.of(directive, canonicalValue), configFile);
    }

    SimNodeConfig withAll(Map<ConfigDirective, String> canonicalValues, Path file) {
        Map<ConfigDirective, String> copy = new EnumMap<>(values);
        copy.putAll(canonicalValues);
        return new SimNodeConfig(copy, file);
    }

    /**
     * Returns a directive's canonical value, for example {@code yes}, {@code 15000}, or {@code 127.0.0.1 ::1}.
     *
     * @param directive the directive
     * @return the value; never null
     */
    public String get(ConfigDirective directive) {
        return values.get(directive);
    }

    /** Returns the configuration file the node was started with (absolute), or empty. */
    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    /** Returns {@code port}: the client port, 0 for an ephemeral one. */
    public int port() {
        return Integer.parseInt(get(ConfigDirective.PORT));
    }

    /** Returns {@code bind}: the addresses to listen on. */
    public List<String> bind() {
        return List.of(get(ConfigDirective.BIND).split(" "));
    }

    /** Returns {@code cluster-enabled}. */
    public boolean clusterEnabled() {
        return isYes(ConfigDirective.CLUSTER_ENABLED);
    }

    /** Returns {@code cluster-config-file} resolved against {@link #dir()}. */
    public Path clusterConfigFile() {
        return dir().resolve(get(ConfigDirective.CLUSTER_CONFIG_FILE));
    }

    /** Returns {@code cluster-node-timeout} in milliseconds. */
    public long clusterNodeTimeoutMillis() {
        return Long.parseLong(get(ConfigDirective.CLUSTER_NODE_TIMEOUT));
    }

    /** Returns {@code cluster-announce-ip}, or empty when not set. */
    public Optional<String> clusterAnnounceIp() {
        String ip = get(ConfigDirective.CLUSTER_ANNOUNCE_IP);
        return ip.isEmpty() ? Optional.empty() : Optional.of(ip);
    }

    /** Returns {@code cluster-port}: the cluster bus port, 0 for the client port plus 10000. */
    public int clusterPort() {
        return Integer.parseInt(get(ConfigDirective.CLUSTER_PORT));
    }

    /** Returns {@code requirepass}, or empty when no password is required. */
    public Optional<String> requirePass() {
        String password = get(ConfigDirective.REQUIREPASS);
        return password.isEmpty() ? Optional.empty() : Optional.of(password);
    }

    /** Returns {@code dir}, absolute. */
    public Path dir() {
        return Path.of(get(ConfigDirective.DIR));
    }

    /** Returns {@code cluster-require-full-coverage}. */
    public boolean clusterRequireFullCoverage() {
        return isYes(ConfigDirective.CLUSTER_REQUIRE_FULL_COVERAGE);
    }

    /** Returns {@code cluster-allow-reads-when-down}. */
    public boolean clusterAllowReadsWhenDown() {
        return isYes(ConfigDirective.CLUSTER_ALLOW_READS_WHEN_DOWN);
    }

    /** Returns {@code cluster-replica-no-failover}. */
    public boolean clusterReplicaNoFailover() {
        return isYes(ConfigDirective.CLUSTER_REPLICA_NO_FAILOVER);
    }

    /** Returns {@code cluster-replica-validity-factor}; 0 means no limit. */
    public long clusterReplicaValidityFactor() {
        return Long.parseLong(get(ConfigDirective.CLUSTER_REPLICA_VALIDITY_FACTOR));
    }

    /** Returns {@code cluster-allow-replica-migration}. */
    public boolean clusterAllowReplicaMigration() {
        return isYes(ConfigDirective.CLUSTER_ALLOW_REPLICA_MIGRATION);
    }

    /** Returns {@code cluster-migration-barrier}: the working replicas a master keeps when one migrates away. */
    public int clusterMigrationBarrier() {
        return Integer.parseInt(get(ConfigDirective.CLUSTER_MIGRATION_BARRIER));
    }

    /** Returns {@code proto-max-bulk-len} in bytes. */
    public long protoMaxBulkLen() {
        return Long.parseLong(get(ConfigDirective.PROTO_MAX_BULK_LEN));
    }

    private boolean isYes(ConfigDirective directive) {
        return get(directive).equals("yes");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SimNodeConfig that
                && values.equals(that.values)
                && Objects.equals(configFile, that.configFile);
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + Objects.hashCode(configFile);
    }

    /** Shows the config file and the directives that differ from their defaults; secrets show as {@code (redacted)}. */
    @Override
    public String toString() {
        StringJoiner shown = new StringJoiner(", ", "SimNodeConfig[", "]");
        if (configFile != null) {
            shown.add("file=" + configFile);
        }
        values.forEach((directive, value) -> {
            if (!value.equals(directive.defaultValue())) {
                shown.add(directive.configName() + "=" + (directive.sensitive() ? "(redacted)" : value));
            }
        });
        return shown.toString();
    }
}
