package io.slotwise.sim.command;

import io.slotwise.sim.keyspace.DumpPayload;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.Value;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * MEMORY USAGE, STATS, DOCTOR, PURGE, MALLOC-STATS and HELP. The simulator's values live on the JVM heap, so the
 * numbers are estimates: USAGE is {@value #ENTRY_OVERHEAD} bytes of per-key overhead plus the key's length plus the
 * length of the value's serialized (DUMP) form, whatever SAMPLES says; STATS reports the JVM heap as the allocator's
 * figures with Redis's field names; DOCTOR always gives Redis's answer for an instance too small to analyse;
 * MALLOC-STATS answers as a Redis built without jemalloc does; PURGE does nothing.
 */
final class MemoryCommands {
    /** Bytes counted per key besides its name and value, about what Redis's dict entry and object headers take. */
    static final int ENTRY_OVERHEAD = 48;

    private MemoryCommands() {}

    /**
     * Registers the family.
     *
     * @param registry the node's registry
     */
    static void register(CommandRegistry registry) {
        registry.register("memory|usage", MemoryCommands::usage);
        registry.register("memory|stats", MemoryCommands::stats);
        registry.register(
                "memory|doctor",
                ctx -> Reply.verbatimText("Hi Sam, this instance is empty or is using very little memory, my issues"
                        + " detector can't be used in these conditions. Please, leave for your mission on Earth and"
                        + " fill it with some data. The new Sam and I will be back to our programming as soon as I"
                        + " finished rebooting.\n"));
        registry.register("memory|purge", ctx -> Reply.ok());
        registry.register("memory|malloc-stats", ctx -> Reply.bulk("Stats not supported for the current allocator"));
        registry.register(
                "memory|help",
                ctx -> HelpReply.of(
                        "MEMORY",
                        "DOCTOR",
                        "    Return memory problems reports.",
                        "MALLOC-STATS",
                        "    Return internal statistics report from the memory allocator.",
                        "PURGE",
                        "    Attempt to purge dirty pages for reclamation by the allocator.",
                        "STATS",
                        "    Return information about the memory usage of the server.",
                        "USAGE <key> [SAMPLES <count>]",
                        "    Return memory in bytes used by <key> and its value. Nested values are",
                        "    sampled up to <count> times (default: 5, 0 means sample all)."));
    }

    private static Reply usage(CommandContext ctx) {
        for (int i = 3; i < ctx.argc(); i += 2) {
            if (ctx.argIs(i, "SAMPLES") && i + 1 < ctx.argc()) {
                ctx.longArg(i + 1);
            } else {
                throw CommandException.syntaxError();
            }
        }
        Keyspace keyspace = ctx.node().service(Keyspace.class).orElse(null);
        Value value = keyspace == null ? null : keyspace.get(Key.of(ctx.arg(2)));
        if (value == null) {
            return Reply.nullBulk();
        }
        return Reply.integer(estimate(ctx.arg(2).length, value));
    }

    /** Returns the estimate MEMORY USAGE reports for a key of that length holding that value. */
    static long estimate(int keyLength, Value value) {
        return ENTRY_OVERHEAD + keyLength + DumpPayload.encode(value).length;
    }

    private static Reply stats(CommandContext ctx) {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        long total = runtime.totalMemory();
        long keys = ctx.node()
                .service(KeyspaceSummary.class)
                .orElse(KeyspaceSummary.EMPTY)
                .keys();
        List<Reply.Entry> entries = new ArrayList<>();
        entries.add(entry("peak.allocated", used));
        entries.add(entry("total.allocated", used));
        entries.add(entry("startup.allocated", 0));
        entries.add(entry("replication.backlog", 0));
        entries.add(entry("clients.slaves", 0));
        entries.add(entry("clients.normal", 0));
        entries.add(entry("cluster.links", 0));
        entries.add(entry("aof.buffer", 0));
        entries.add(entry("lua.caches", 0));
        entries.add(entry("functions.caches", 0));
        if (keys > 0) {
            entries.add(Reply.entry(
                    Reply.bulk("db.0"),
                    Reply.map(
                            entry("overhead.hashtable.main", keys * 16),
                            entry("overhead.hashtable.expires", 0),
                            entry("overhead.hashtable.slot-to-keys", 0))));
        }
        entries.add(entry("overhead.total", 0));
        entries.add(entry("keys.count", keys));
        entries.add(entry("keys.bytes-per-key", keys == 0 ? 0 : used / keys));
        entries.add(entry("dataset.bytes", used));
        entries.add(Reply.entry(Reply.bulk("dataset.percentage"), Reply.doubleValue(100)));
        entries.add(Reply.entry(Reply.bulk("peak.percentage"), Reply.doubleValue(100)));
        entries.add(entry("allocator.allocated", used));
        entries.add(entry("allocator.active", total));
        entries.add(entry("allocator.resident", total));
        entries.add(Reply.entry(
                Reply.bulk("allocator-fragmentation.ratio"), Reply.doubleValue(used == 0 ? 1 : (double) total / used)));
        entries.add(entry("allocator-fragmentation.bytes", total - used));
        entries.add(Reply.entry(Reply.bulk("allocator-rss.ratio"), Reply.doubleValue(1)));
        entries.add(entry("allocator-rss.bytes", 0));
        entries.add(Reply.entry(Reply.bulk("rss-overhead.ratio"), Reply.doubleValue(1)));
        entries.add(entry("rss-overhead.bytes", 0));
        entries.add(Reply.entry(Reply.bulk("fragmentation"), Reply.doubleValue(used == 0 ? 1 : (double) total / used)));
        entries.add(entry("fragmentation.bytes", total - used));
        return new Reply.Map(entries);
    }

    private static Reply.Entry entry(String name, long value) {
        return Reply.entry(Reply.bulk(name), Reply.integer(value));
    }
}
