package io.slotwise.sim.command;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The per-command counters INFO commandstats reports, with Redis 7.0's semantics:
 *
 * <ul>
 *   <li>{@code calls} and {@code usec}: every execution of the command's handler, whoever runs it (a client, EXEC for
 *       a queued command, a script's {@code redis.call}, the replication link), EXEC, MULTI and the scripts
 *       themselves included;
 *   <li>{@code failed_calls}: executions that answered an error (WRONGTYPE, EXECABORT, a script's error); EXEC is not
 *       failed by the errors of the commands it ran;
 *   <li>{@code rejected_calls}: refusals before execution of a command the table knows: wrong arity, NOAUTH, NOPERM,
 *       MOVED, ASK, CROSSSLOT, CLUSTERDOWN, TRYAGAIN, READONLY, BUSY, commands not allowed in a transaction or while
 *       subscribed, the same checks of a script's {@code redis.call}, and commands the simulator does not implement.
 *       An unknown command or subcommand counts nowhere.
 * </ul>
 *
 * A command appears once one of its counters is non-zero, under its full lower-case name ({@code client|list}), in
 * the order commands were first counted (Redis lists them in its hash table's order).
 *
 * <p>Threading: used on the node's event loop only.
 */
final class CommandStats {
    private final Map<String, Counters> byCommand = new LinkedHashMap<>();

    private static final class Counters {
        long calls;
        long nanos;
        long rejected;
        long failed;
    }

    /**
     * Counts an execution.
     *
     * @param command the full command name
     * @param nanos how long its handler took
     */
    void executed(String command, long nanos) {
        Counters counters = counters(command);
        counters.calls++;
        counters.nanos += nanos;
    }

    /**
     * Counts an execution that answered an error.
     *
     * @param command the full command name
     */
    void failed(String command) {
        counters(command).failed++;
    }

    /**
     * Counts a refusal before execution.
     *
     * @param command the full command name
     */
    void rejected(String command) {
        counters(command).rejected++;
    }

    /** Forgets every counter (CONFIG RESETSTAT). */
    void reset() {
        byCommand.clear();
    }

    /**
     * Appends the INFO commandstats lines: {@code
     * cmdstat_<command>:calls=N,usec=N,usec_per_call=N.NN,rejected_calls=N,failed_calls=N}.
     *
     * @param out the report
     */
    void appendTo(StringBuilder out) {
        byCommand.forEach((command, counters) -> {
            long usec = counters.nanos / 1000;
            double perCall = counters.calls == 0 ? 0 : (double) usec / counters.calls;
            out.append("cmdstat_")
                    .append(command)
                    .append(":calls=")
                    .append(counters.calls)
                    .append(",usec=")
                    .append(usec)
                    .append(",usec_per_call=")
                    .append(String.format(Locale.ROOT, "%.2f", perCall))
                    .append(",rejected_calls=")
                    .append(counters.rejected)
                    .append(",failed_calls=")
                    .append(counters.failed)
                    .append("\r\n");
        });
    }

    private Counters counters(String command) {
        return byCommand.computeIfAbsent(command, name -> new Counters());
    }
}
