package io.slotwise.sim.server;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counters INFO reports (sections stats and errorstats) and CONFIG RESETSTAT resets. Used on the node's event loop
 * only.
 */
public final class NodeStats {
    private long connectionsReceived;
    private long commandsProcessed;
    private long errorReplies;
    private final Map<String, Long> errorsByCode = new TreeMap<>();

    /** Creates zeroed counters. */
    public NodeStats() {}

    /** Counts an accepted connection ({@code total_connections_received}). */
    public void connectionReceived() {
        connectionsReceived++;
    }

    /** Counts an executed command ({@code total_commands_processed}). */
    public void commandProcessed() {
        commandsProcessed++;
    }

    /**
     * Counts an error reply ({@code total_error_replies}, {@code errorstat_<CODE>}).
     *
     * @param message the error text; its first word is the code
     */
    public void errorReplied(String message) {
        errorReplies++;
        int space = message.indexOf(' ');
        errorsByCode.merge(space < 0 ? message : message.substring(0, space), 1L, Long::sum);
    }

    /** Returns {@code total_connections_received}. */
    public long connectionsReceived() {
        return connectionsReceived;
    }

    /** Returns {@code total_commands_processed}. */
    public long commandsProcessed() {
        return commandsProcessed;
    }

    /** Returns {@code total_error_replies}. */
    public long errorReplies() {
        return errorReplies;
    }

    /** Returns the error counts by code, sorted by code, as an unmodifiable view. */
    public Map<String, Long> errorsByCode() {
        return Collections.unmodifiableMap(errorsByCode);
    }

    /** Zeroes every counter (CONFIG RESETSTAT). */
    public void reset() {
        connectionsReceived = 0;
        commandsProcessed = 0;
        errorReplies = 0;
        errorsByCode.clear();
    }
}
