package io.slotwise.sim.command;

import io.slotwise.sim.server.ClientSession;
import io.slotwise.sim.server.NodeStats;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the sections of INFO in Redis 7.0's order and format: {@code # Section} headers, {@code field:value} lines
 * ending in CRLF, a blank line between sections. Fields the simulator cannot measure as Redis does are reported with
 * Redis's values for an idle, persistence-free master (memory comes from the JVM heap, CPU time from the process
 * without a user/system split). Replication fields come from the {@link ReplicationStatus} service.
 * Stateless; called on the node's event loop.
 */
final class InfoReport {
    /** Every section in Redis's order, with whether INFO without arguments includes it. */
    static final Map<String, Boolean> SECTIONS = orderedSections();

    private InfoReport() {}

    private static Map<String, Boolean> orderedSections() {
        Map<String, Boolean> sections = new LinkedHashMap<>();
        for (String name : List.of("server", "clients", "memory", "persistence", "stats", "replication", "cpu")) {
            sections.put(name, true);
        }
        sections.put("modules", true);
        sections.put("commandstats", false);
        sections.put("errorstats", true);
        sections.put("latencystats", false);
        sections.put("cluster", true);
        sections.put("keyspace", true);
        return Collections.unmodifiableMap(sections);
    }

    /**
     * Appends one section, header included; {@code activity} holds the per-command counters and histograms, {@code
     * loading} whether the node is loading its dataset (INFO persistence {@code loading:1}).
     */
    static void append(String section, NodeServices node, ServerActivity activity, boolean loading, StringBuilder out) {
        out.append("# ").append(header(section)).append("\r\n");
        switch (section) {
            case "server" -> server(node, out);
            case "clients" -> clients(node, out);
            case "memory" -> memory(out);
            case "persistence" -> persistence(node, loading, out);
            case "stats" -> stats(node.stats(), out);
            case "replication" -> replication(node, out);
            case "cpu" -> cpu(out);
            case "errorstats" ->
                node.stats().errorsByCode().forEach((code, count) -> field(out, "errorstat_" + code, "count=" + count));
            case "cluster" -> field(out, "cluster_enabled", node.config().clusterEnabled() ? "1" : "0");
            case "keyspace" -> keyspace(node, out);
            case "commandstats" -> activity.commandStats.appendTo(out);
            case "latencystats" ->
                activity.latencies.appendPercentiles(AdminSettings.infoPercentiles(node.config()), out);
            default -> {
                // modules: nothing to report
            }
        }
    }

    private static String header(String section) {
        return switch (section) {
            case "cpu" -> "CPU";
            case "commandstats" -> "Commandstats";
            case "errorstats" -> "Errorstats";
            case "latencystats" -> "Latencystats";
            default -> Character.toUpperCase(section.charAt(0)) + section.substring(1);
        };
    }

    private static void server(NodeServices node, StringBuilder out) {
        long nowMillis = System.currentTimeMillis();
        long uptime = (nowMillis - node.startedAtMillis()) / 1000;
        field(out, "redis_version", ServerCommands.REDIS_VERSION);
        field(out, "redis_git_sha1", "00000000");
        field(out, "redis_git_dirty", "0");
        field(out, "redis_build_id", "0");
        field(out, "redis_mode", node.config().clusterEnabled() ? "cluster" : "standalone");
        field(
                out,
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        field(out, "arch_bits", "64");
        field(out, "multiplexing_api", "netty-nio");
        field(out, "process_id", Long.toString(node.processId()));
        field(out, "process_supervised", "no");
        field(out, "run_id", node.runId());
        field(out, "tcp_port", Integer.toString(node.port()));
        field(out, "server_time_usec", Long.toString(nowMillis * 1000));
        field(out, "uptime_in_seconds", Long.toString(uptime));
        field(out, "uptime_in_days", Long.toString(uptime / 86400));
        field(out, "hz", "10");
        field(out, "configured_hz", "10");
        field(out, "executable", ProcessHandle.current().info().command().orElse(""));
        field(
                out,
                "config_file",
                node.config().configFile().map(Object::toString).orElse(""));
        field(out, "io_threads_active", "0");
    }

    private static void clients(NodeServices node, StringBuilder out) {
        long blocked = node.clients().sessions().stream()
                .filter(ClientSession::awaitingReply)
                .count();
        field(out, "connected_clients", Integer.toString(node.clients().size()));
        field(out, "cluster_connections", "0");
        field(out, "maxclients", "10000");
        field(out, "client_recent_max_input_buffer", "0");
        field(out, "client_recent_max_output_buffer", "0");
        field(out, "blocked_clients", Long.toString(blocked));
        long tracking = node.clients().sessions().stream()
                .filter(session -> session.tracking().enabled())
                .count();
        field(out, "tracking_clients", Long.toString(tracking));
        field(out, "clients_in_timeout_table", "0");
    }

    private static void memory(StringBuilder out) {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        field(out, "used_memory", Long.toString(used));
        field(out, "used_memory_human", human(used));
        field(out, "maxmemory", "0");
        field(out, "maxmemory_human", "0B");
        field(out, "maxmemory_policy", "noeviction");
        field(out, "mem_allocator", "jvm");
    }

    private static void persistence(NodeServices node, boolean loading, StringBuilder out) {
        field(out, "loading", loading ? "1" : "0");
        field(out, "async_loading", "0");
        field(out, "rdb_changes_since_last_save", "0");
        field(out, "rdb_bgsave_in_progress", "0");
        field(out, "rdb_last_save_time", Long.toString(node.startedAtMillis() / 1000));
        field(out, "rdb_last_bgsave_status", "ok");
        field(out, "aof_enabled", "0");
        field(out, "aof_rewrite_in_progress", "0");
        field(out, "aof_rewrite_scheduled", "0");
        field(out, "aof_last_bgrewrite_status", "ok");
        field(out, "aof_last_write_status", "ok");
    }

    private static void stats(NodeStats stats, StringBuilder out) {
        field(out, "total_connections_received", Long.toString(stats.connectionsReceived()));
        field(out, "total_commands_processed", Long.toString(stats.commandsProcessed()));
        field(out, "instantaneous_ops_per_sec", "0");
        field(out, "rejected_connections", "0");
        field(out, "expired_keys", "0");
        field(out, "evicted_keys", "0");
        field(out, "keyspace_hits", "0");
        field(out, "keyspace_misses", "0");
        field(out, "pubsub_channels", "0");
        field(out, "pubsub_patterns", "0");
        field(out, "unexpected_error_replies", "0");
        field(out, "total_error_replies", Long.toString(stats.errorReplies()));
    }

    private static void replication(NodeServices node, StringBuilder out) {
        ReplicationStatus.of(node).infoFields().forEach((name, value) -> field(out, name, value));
    }

    private static void cpu(StringBuilder out) {
        Duration cpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        field(out, "used_cpu_sys", "0.000000");
        field(out, "used_cpu_user", String.format(Locale.ROOT, "%.6f", cpu.toNanos() / 1e9));
        field(out, "used_cpu_sys_children", "0.000000");
        field(out, "used_cpu_user_children", "0.000000");
    }

    private static void keyspace(NodeServices node, StringBuilder out) {
        KeyspaceSummary summary = node.service(KeyspaceSummary.class).orElse(KeyspaceSummary.EMPTY);
        if (summary.keys() > 0) {
            field(
                    out,
                    "db0",
                    "keys=" + summary.keys() + ",expires=" + summary.keysWithExpiry() + ",avg_ttl="
                            + summary.averageTtlMillis());
        }
    }

    /** Formats a byte count as Redis's {@code bytesToHuman}: {@code 1.64M}. */
    static String human(long bytes) {
        String[] units = {"B", "K", "M", "G", "T", "P"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + "B" : String.format(Locale.ROOT, "%.2f%s", value, units[unit]);
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append(':').append(value).append("\r\n");
    }
}
