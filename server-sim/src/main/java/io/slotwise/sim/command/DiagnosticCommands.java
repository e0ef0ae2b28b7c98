package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SLOWLOG (GET, LEN, RESET, HELP) over the node's {@link SlowLog}, and LATENCY for a node whose latency monitor is
 * disabled, as Redis's is by default ({@code latency-monitor-threshold 0}): no events are ever sampled, so LATEST and
 * HISTORY answer empty arrays, RESET 0, GRAPH Redis's "no samples" error and DOCTOR Redis's "monitoring is disabled"
 * text; HISTOGRAM answers the per-command {@link CommandLatencies}.
 */
final class DiagnosticCommands {
    private DiagnosticCommands() {}

    /**
     * Registers the family.
     *
     * @param registry the node's registry
     */
    static void register(CommandRegistry registry) {
        registry.register("slowlog|get", ctx -> {
            long count = 10;
            if (ctx.argc() == 3) {
                count = RedisNumbers.parseLong(ctx.arg(2)).orElse(Long.MIN_VALUE);
                if (count < -1) {
                    throw new CommandException("ERR count should be greater than or equal to -1");
                }
            }
            SlowLog log = ctx.activity().slowLog;
            log.trim(AdminSettings.slowlogMaxLen(ctx.node().config()));
            return log.newest(count);
        });
        registry.register("slowlog|len", ctx -> {
            SlowLog log = ctx.activity().slowLog;
            log.trim(AdminSettings.slowlogMaxLen(ctx.node().config()));
            return Reply.integer(log.length());
        });
        registry.register("slowlog|reset", ctx -> {
            ctx.activity().slowLog.reset();
            return Reply.ok();
        });
        registry.register(
                "slowlog|help",
                ctx -> HelpReply.of(
                        "SLOWLOG",
                        "GET [<count>]",
                        "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
                        "    Entries are made of:",
                        "    id, timestamp, time in microseconds, arguments array, client IP and port,",
                        "    client name",
                        "LEN",
                        "    Return the length of the slowlog.",
                        "RESET",
                        "    Reset the slowlog."));
        registry.register("latency|latest", ctx -> Reply.array());
        registry.register("latency|history", ctx -> Reply.array());
        registry.register("latency|reset", ctx -> Reply.integer(0));
        registry.register("latency|graph", ctx -> {
            throw CommandException.echoing("ERR No samples available for event '" + ctx.argLatin1(2) + "'");
        });
        registry.register(
                "latency|doctor",
                ctx -> Reply.verbatimText("I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this"
                        + " Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in"
                        + " order to enable it. If we weren't in a deep space mission I'd suggest to take a look at"
                        + " https://redis.io/topics/latency-monitor.\n"));
        registry.register("latency|histogram", ctx -> {
            List<String> commands = new ArrayList<>();
            for (int i = 2; i < ctx.argc(); i++) {
                commands.add(ctx.argLatin1(i).toLowerCase(Locale.ROOT));
            }
            return ctx.activity().latencies.histograms(commands);
        });
        registry.register(
                "latency|help",
                ctx -> HelpReply.of(
                        "LATENCY",
                        "DOCTOR",
                        "    Return a human readable latency analysis report.",
                        "GRAPH <event>",
                        "    Return an ASCII latency graph for the <event> class.",
                        "HISTORY <event>",
                        "    Return time-latency samples for the <event> class.",
                        "LATEST",
                        "    Return the latest latency samples for all events.",
                        "RESET [<event> ...]",
                        "    Reset latency data of one or more <event> classes.",
                        "    (default: reset all data for all event classes)",
                        "HISTOGRAM [COMMAND ...]",
                        "    Return a cumulative distribution of latencies in the format of a histogram for the"
                                + " specified command names.",
                        "    If no commands are specified then all histograms are replied."));
    }
}
