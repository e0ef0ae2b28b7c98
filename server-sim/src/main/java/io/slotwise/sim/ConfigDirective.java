package io.slotwise.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration directives the simulator accepts, in redis.conf and as {@code --name value} options, with Redis
 * 7.0's defaults except where noted.
 *
 * <p>Directives that take effect: {@code port} (0 binds an ephemeral port, reported as the bound one), {@code bind}
 * (default {@code 127.0.0.1}, not Redis's {@code * -::*}, so that a simulator is never exposed by accident), {@code
 * cluster-enabled}, {@code cluster-config-file}, {@code cluster-node-timeout}, {@code cluster-announce-ip}, {@code
 * cluster-port}, {@code requirepass}, {@code dir} (config and data paths are resolved against it; the process does
 * not change its working directory), {@code cluster-require-full-coverage}, {@code cluster-allow-reads-when-down},
 * {@code cluster-replica-no-failover}, {@code cluster-replica-validity-factor}, {@code
 * cluster-allow-replica-migration}, {@code cluster-migration-barrier}, {@code proto-max-bulk-len}, {@code
 * slowlog-log-slower-than}, {@code slowlog-max-len}, {@code busy-reply-threshold} (alias {@code lua-time-limit}),
 * {@code latency-tracking} and {@code latency-tracking-info-percentiles}.
 *
 * <p>Directives accepted, validated and reported by CONFIG GET, but without effect ({@link #ignored()}): {@code
 * daemonize} (only {@code no}: the simulator never forks), {@code appendonly}, {@code appendfilename}, {@code save},
 * {@code dbfilename}, {@code loglevel}, {@code logfile}, {@code pidfile}, {@code protected-mode}, {@code
 * repl-diskless-sync-delay}, {@code always-show-logo}, {@code enable-debug-command}. Redis's test suites and
 * {@code redis-cli --cluster} scripts commonly pass these.
 *
 * <p>Unlike Redis, {@code port}, {@code bind} and {@code dir} cannot be changed by CONFIG SET.
 */
public enum ConfigDirective {
    /** The client port; 0 for an ephemeral one. */
    PORT("port", ConfigValueType.integer(0, 65535), "6379", Mutability.IMMUTABLE),
    /** The addresses to listen on. */
    BIND("bind", ConfigValueType.addresses(), "127.0.0.1", Mutability.IMMUTABLE),
    /** Whether the node runs in cluster mode. */
    CLUSTER_ENABLED("cluster-enabled", ConfigValueType.bool(), "no", Mutability.IMMUTABLE),
    /** The nodes.conf file of a cluster node, relative to {@code dir}. */
    CLUSTER_CONFIG_FILE("cluster-config-file", ConfigValueType.string(), "nodes.conf", Mutability.IMMUTABLE),
    /** Milliseconds before an unreachable node is suspected. */
    CLUSTER_NODE_TIMEOUT(
            "cluster-node-timeout", ConfigValueType.integer(0, Long.MAX_VALUE), "15000", Mutability.MUTABLE),
    /** The IP address the node announces to the cluster; empty for the one peers see. */
    CLUSTER_ANNOUNCE_IP("cluster-announce-ip", ConfigValueType.string(), "", Mutability.MUTABLE),
    /** The cluster bus port; 0 for the client port plus 10000. */
    CLUSTER_PORT("cluster-port", ConfigValueType.integer(0, 65535), "0", Mutability.IMMUTABLE),
    /** The password of the default user; empty for none. Never logged. */
    REQUIREPASS("requirepass", ConfigValueType.string(), "", Mutability.MUTABLE, true),
    /** The working directory for config and data files. */
    DIR("dir", ConfigValueType.directory(), ".", Mutability.IMMUTABLE),
    /** Whether the cluster stops serving when a slot is not covered. */
    CLUSTER_REQUIRE_FULL_COVERAGE("cluster-require-full-coverage", ConfigValueType.bool(), "yes", Mutability.MUTABLE),
    /** Whether a node of a failed cluster still serves reads. */
    CLUSTER_ALLOW_READS_WHEN_DOWN("cluster-allow-reads-when-down", ConfigValueType.bool(), "no", Mutability.MUTABLE),
    /** Whether a replica never starts an automatic failover (a manual CLUSTER FAILOVER still works). */
    CLUSTER_REPLICA_NO_FAILOVER("cluster-replica-no-failover", ConfigValueType.bool(), "no", Mutability.MUTABLE),
    /**
     * How stale a replica's data may be for it to fail over automatically: at most {@code 10 s + node timeout x
     * factor} without contact with its master; 0 for no limit.
     */
    CLUSTER_REPLICA_VALIDITY_FACTOR(
            "cluster-replica-validity-factor", ConfigValueType.integer(0, Integer.MAX_VALUE), "10", Mutability.MUTABLE),
    /**
     * Whether replicas migrate to orphaned masters, and whether a master left without slots follows the node that
     * took its last slot.
     */
    CLUSTER_ALLOW_REPLICA_MIGRATION(
            "cluster-allow-replica-migration", ConfigValueType.bool(), "yes", Mutability.MUTABLE),
    /** How many working replicas a master keeps when one of its replicas migrates to an orphaned master. */
    CLUSTER_MIGRATION_BARRIER(
            "cluster-migration-barrier", ConfigValueType.integer(0, Integer.MAX_VALUE), "1", Mutability.MUTABLE),
    /** The largest bulk string a client may send. */
    PROTO_MAX_BULK_LEN(
            "proto-max-bulk-len", ConfigValueType.memory(1024 * 1024, Long.MAX_VALUE), "536870912", Mutability.MUTABLE),
    /** Commands taking at least this many microseconds enter the slow log; negative disables it, 0 logs all. */
    SLOWLOG_LOG_SLOWER_THAN(
            "slowlog-log-slower-than",
            ConfigValueType.integer(Long.MIN_VALUE, Long.MAX_VALUE),
            "10000",
            Mutability.MUTABLE),
    /** The most entries the slow log keeps. */
    SLOWLOG_MAX_LEN("slowlog-max-len", ConfigValueType.integer(0, Long.MAX_VALUE), "128", Mutability.MUTABLE),
    /**
     * Milliseconds a script runs before other clients get {@code BUSY} (and SCRIPT KILL may stop it); alias {@code
     * lua-time-limit}.
     */
    BUSY_REPLY_THRESHOLD(
            "busy-reply-threshold", ConfigValueType.integer(0, Long.MAX_VALUE), "5000", Mutability.MUTABLE),
    /** Whether executed commands feed the per-command latency histograms (LATENCY HISTOGRAM, INFO latencystats). */
    LATENCY_TRACKING("latency-tracking", ConfigValueType.bool(), "yes", Mutability.MUTABLE),
    /** The percentiles INFO latencystats reports, each between 0 and 100; empty for none. */
    LATENCY_TRACKING_INFO_PERCENTILES(
            "latency-tracking-info-percentiles", ConfigValueType.percentiles(), "50 99 99.9", Mutability.MUTABLE),
    /** Accepted ({@code no} only) and ignored. */
    DAEMONIZE("daemonize", ConfigValueType.oneOf("no"), "no", Mutability.IGNORED_IMMUTABLE),
    /** Accepted and ignored. */
    APPENDONLY("appendonly", ConfigValueType.bool(), "no", Mutability.IGNORED),
    /** Accepted and ignored. */
    APPENDFILENAME("appendfilename", ConfigValueType.string(), "appendonly.aof", Mutability.IGNORED_IMMUTABLE),
    /** Accepted and ignored. */
    SAVE("save", ConfigValueType.saveParameters(), "3600 1 300 100 60 10000", Mutability.IGNORED),
    /** Accepted and ignored. */
    DBFILENAME("dbfilename", ConfigValueType.string(), "dump.rdb", Mutability.IGNORED),
    /** Accepted and ignored. */
    LOGLEVEL("loglevel", ConfigValueType.oneOf("debug", "verbose", "notice", "warning"), "notice", Mutability.IGNORED),
    /** Accepted and ignored: the simulator logs through SLF4J. */
    LOGFILE("logfile", ConfigValueType.string(), "", Mutability.IGNORED_IMMUTABLE),
    /** Accepted and ignored. */
    PIDFILE("pidfile", ConfigValueType.string(), "", Mutability.IGNORED_IMMUTABLE),
    /** Accepted and ignored. */
    PROTECTED_MODE("protected-mode", ConfigValueType.bool(), "yes", Mutability.IGNORED),
    /** Accepted and ignored. */
    REPL_DISKLESS_SYNC_DELAY(
            "repl-diskless-sync-delay", ConfigValueType.integer(0, Integer.MAX_VALUE), "5", Mutability.IGNORED),
    /** Accepted and ignored. */
    ALWAYS_SHOW_LOGO("always-show-logo", ConfigValueType.bool(), "no", Mutability.IGNORED_IMMUTABLE),
    /** Accepted and ignored. */
    ENABLE_DEBUG_COMMAND(
            "enable-debug-command", ConfigValueType.oneOf("no", "yes", "local"), "no", Mutability.IGNORED_IMMUTABLE);

    private enum Mutability {
        MUTABLE,
        IMMUTABLE,
        IGNORED,
        IGNORED_IMMUTABLE
    }

    private static final Map<String, ConfigDirective> BY_NAME = new HashMap<>();

    private static final Map<String, ConfigDirective> ALIASES = Map.of("lua-time-limit", BUSY_REPLY_THRESHOLD);

    static {
        for (ConfigDirective directive : values()) {
            BY_NAME.put(directive.configName, directive);
        }
        BY_NAME.putAll(ALIASES);
    }

    private final String configName;
    private final ConfigValueType type;
    private final String defaultValue;
    private final Mutability mutability;
    private final boolean sensitive;

    ConfigDirective(String configName, ConfigValueType type, String defaultValue, Mutability mutability) {
        this(configName, type, defaultValue, mutability, false);
    }

    ConfigDirective(
            String configName, ConfigValueType type, String defaultValue, Mutability mutability, boolean sensitive) {
        this.configName = configName;
        this.type = type;
        this.defaultValue = defaultValue;
        this.mutability = mutability;
        this.sensitive = sensitive;
    }

    /**
     * Finds a directive by name.
     *
     * @param name the name in any case, for example {@code Port}
     * @return the directive, or empty if the simulator does not accept it
     */
    public static Optional<ConfigDirective> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Returns the other names of directives, as Redis 7.0 accepts them everywhere and lists them in {@code CONFIG GET
     * *}: {@code lua-time-limit} for {@code busy-reply-threshold}.
     *
     * @return the directive of each alias, by alias
     */
    public static Map<String, ConfigDirective> aliases() {
        return ALIASES;
    }

    /** Returns the name as redis.conf spells it, for example {@code cluster-node-timeout}. */
    public String configName() {
        return configName;
    }

    /** Returns the canonical default value. */
    public String defaultValue() {
        return defaultValue;
    }

    /** Whether CONFIG SET may change it. */
    public boolean mutable() {
        return mutability == Mutability.MUTABLE || mutability == Mutability.IGNORED;
    }

    /** Whether the simulator accepts it without acting on it. */
    public boolean ignored() {
        return mutability == Mutability.IGNORED || mutability == Mutability.IGNORED_IMMUTABLE;
    }

    /** Whether its value is a secret that must never be logged. */
    public boolean sensitive() {
        return sensitive;
    }

    /** Whether the canonical value is several space-separated arguments. */
    boolean multiWord() {
        return type.multiWord();
    }

    /**
     * Splits a value given as one string (CONFIG SET) into the directive's arguments: several words for {@code bind},
     * {@code save} and {@code latency-tracking-info-percentiles}, the whole string otherwise.
     *
     * @param value the value as one string
     * @return the arguments to {@linkplain #parse parse}
     */
    public List<String> argumentsOf(String value) {
        if (!multiWord()) {
            return List.of(value);
        }
        String words = value.strip();
        return words.isEmpty() ? List.of("") : List.of(words.split(" +"));
    }

    /**
     * Validates arguments.
     *
     * @param args the arguments after the name
     * @return the canonical value
     * @throws IllegalArgumentException with Redis's reason, for example {@code argument must be 'yes' or 'no'}
     */
    public String parse(List<String> args) {
        return type.parse(args);
    }
}
