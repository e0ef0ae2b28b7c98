package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-command latency histograms for LATENCY HISTOGRAM, shaped as Redis 7.0's: for each command that was called, the
 * number of calls and a cumulative distribution over power-of-two buckets from 1024 ns to 1 s, each labelled with the
 * highest latency in microseconds it holds (Redis's HDR histogram with two significant digits labels them 1, 2, 4, 8,
 * 16, 33, 66, ...), listing only the buckets where the count grows. Every command that reached its handler counts,
 * also when it answered an error.
 *
 * <p>Threading: used on the node's event loop only.
 */
final class CommandLatencies {
    private static final long MIN_NANOS = 1024;
    private static final int BUCKETS = 21;

    private final Map<String, long[]> counts = new LinkedHashMap<>();

    /**
     * Records one call.
     *
     * @param command the command's full name, for example {@code client|list}
     * @param nanos how long it took
     */
    void record(String command, long nanos) {
        long[] buckets = counts.computeIfAbsent(command, name -> new long[BUCKETS + 1]);
        buckets[BUCKETS]++;
        buckets[bucket(nanos)]++;
    }

    /** Forgets every histogram (CONFIG RESETSTAT). */
    void reset() {
        counts.clear();
    }

    static int bucket(long nanos) {
        long value = Math.max(nanos, MIN_NANOS);
        int bucket = 0;
        while (bucket < BUCKETS - 1 && value > highestEquivalent(MIN_NANOS << bucket)) {
            bucket++;
        }
        return bucket;
    }

    private static long highestEquivalent(long bucketStart) {
        return bucketStart + bucketStart / 128 - 1;
    }

    /**
     * Returns the histograms of the given commands, or of every command called when {@code commands} is empty.
     *
     * @param commands full command names; a container name stands for each of its subcommands
     * @return a map of command name to its calls and histogram
     */
    Reply histograms(List<String> commands) {
        List<Reply.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : counts.entrySet()) {
            String name = entry.getKey();
            int bar = name.indexOf('|');
            boolean wanted = commands.isEmpty()
                    || commands.contains(name)
                    || (bar > 0 && commands.contains(name.substring(0, bar)));
            if (wanted) {
                entries.add(Reply.entry(Reply.bulk(name), histogram(entry.getValue())));
            }
        }
        return new Reply.Map(entries);
    }

    private static Reply histogram(long[] buckets) {
        List<Reply.Entry> distribution = new ArrayList<>();
        long cumulative = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (buckets[i] > 0) {
                cumulative += buckets[i];
                distribution.add(Reply.entry(
                        Reply.integer(highestEquivalent(MIN_NANOS << i) / 1000), Reply.integer(cumulative)));
            }
        }
        return Reply.map(
                Reply.entry(Reply.bulk("calls"), Reply.integer(buckets[BUCKETS])),
                Reply.entry(Reply.bulk("histogram_usec"), new Reply.Map(distribution)));
    }
}
