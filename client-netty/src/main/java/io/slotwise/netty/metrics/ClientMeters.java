package io.slotwise.netty.metrics;

import java.util.List;

/**
 * Every meter {@link MicrometerListener} registers: its name, type, base unit, description and tag keys. Meter names
 * use Micrometer's dot notation; registries rename them for their backend (for example
 * {@code slotwise_command_duration_seconds} in Prometheus).
 *
 * <p>Tag values: {@code command} is the command name as the client prints it ({@code GET}, {@code SCRIPT LOAD});
 * {@code outcome} of a command is {@code success}, {@code server_error}, {@code timeout}, {@code connection_error},
 * {@code redirect_limit} or {@code client_error}; {@code outcome} of a refresh is {@code success} or {@code failure};
 * {@code node} is {@code host:port}; {@code kind} is {@code moved} or {@code ask}; {@code event} is {@code connected},
 * {@code connect_failed} or {@code disconnected} for connections, and {@code hit}, {@code miss}, {@code eviction} or
 * {@code invalidation} for the client-side cache (the last two count entries).
 */
public enum ClientMeters {
    /** Time from a command's call to its completion, redirects and retries included. */
    COMMAND_DURATION(
            "slotwise.command.duration",
            Type.TIMER,
            "seconds",
            "Time from a command's call to its completion",
            "command",
            "outcome"),
    /** Requests handed to a node's connection and not completed yet. */
    NODE_IN_FLIGHT(
            "slotwise.node.requests.in.flight",
            Type.GAUGE,
            "requests",
            "Requests sent to a node and awaiting their reply",
            "node"),
    /** Redirects followed, by kind. */
    REDIRECTS("slotwise.redirects", Type.COUNTER, "redirects", "MOVED and ASK redirects followed", "kind"),
    /** Attempts made after the first, for transient failures. */
    RETRIES(
            "slotwise.command.retries",
            Type.COUNTER,
            "retries",
            "Attempts after the first, after transient failures",
            "command"),
    /** Topology refreshes and how long they took. */
    TOPOLOGY_REFRESH(
            "slotwise.topology.refresh", Type.TIMER, "seconds", "Topology refreshes and their duration", "outcome"),
    /** Changes of the client's topology: refreshes that found a new view, and MOVED patches. */
    TOPOLOGY_CHANGES("slotwise.topology.changes", Type.COUNTER, "changes", "Changes of the client's topology"),
    /** Time since the last successful topology refresh; NaN before the first. */
    TOPOLOGY_AGE("slotwise.topology.age", Type.GAUGE, "seconds", "Time since the last successful topology refresh"),
    /** Connection events, by node and event. */
    CONNECTION_EVENTS(
            "slotwise.connection.events",
            Type.COUNTER,
            "events",
            "Connections established, failed and lost",
            "node",
            "event"),
    /** Client-side cache events: hits, misses, evicted entries and invalidated entries. */
    CLIENT_CACHE(
            "slotwise.client.cache",
            Type.COUNTER,
            "events",
            "Client-side cache hits and misses, and entries evicted or invalidated",
            "event");

    /** The kind of meter. */
    public enum Type {
        /** A Micrometer {@code Timer}. */
        TIMER,
        /** A Micrometer {@code Counter}. */
        COUNTER,
        /** A Micrometer {@code Gauge}. */
        GAUGE
    }

    private final String meterName;
    private final Type type;
    private final String baseUnit;
    private final String description;
    private final List<String> tagKeys;

    ClientMeters(String meterName, Type type, String baseUnit, String description, String... tagKeys) {
        this.meterName = meterName;
        this.type = type;
        this.baseUnit = baseUnit;
        this.description = description;
        this.tagKeys = List.of(tagKeys);
    }

    /** The meter's name. */
    public String meterName() {
        return meterName;
    }

    /** The meter's type. */
    public Type type() {
        return type;
    }

    /** The base unit ({@code seconds} for timers, as Micrometer reports them). */
    public String baseUnit() {
        return baseUnit;
    }

    /** A one-line description, registered with the meter. */
    public String description() {
        return description;
    }

    /** The keys of the meter's own tags, besides the listener's common tags. */
    public List<String> tagKeys() {
        return tagKeys;
    }
}
