package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-command latency histograms for LATENCY HISTOGRAM and INFO latencystats, with the resolution of Redis 7.0's HDR
 * histograms (values from 1 ns to 1 s, two significant digits: every value below 256 ns exactly, above it in ranges
 * of 1/128 to 1/256 of the value). LATENCY HISTOGRAM shows, for each command that was called, the number of calls and
 * a cumulative distribution over power-of-two buckets from 1024 ns to 1 s, each labelled with the highest latency in
 * microseconds it holds (1, 2, 4, 8, 16, 33, 66, ...), listing only the buckets where the count grows. INFO
 * latencystats shows percentiles, each the highest latency of the range holding it. Every command that reached its
 * handler counts, also when it answered an error.
 *
 * <p>Threading: used on the node's event loop only.
 */
final class CommandLatencies {
    private static final long MIN_NANOS = 1024;
    private static final int BUCKETS = 21;
    private static final long LOWEST_TRACKED = 1;
    private static final long HIGHEST_TRACKED = 1_000_000_000L;
    /** Values below this are kept exactly; above, each power of two is split into 128 equal ranges. */
    private static final long EXACT_BELOW = 256;

    private final Map<String, Histogram> histograms = new LinkedHashMap<>();

    /** The calls of one command and their latencies, counted by the lowest value of their range. */
    private static final class Histogram {
        long calls;
        final TreeMap<Long, Long> countsByRange = new TreeMap<>();
    }

    /**
     * Records one call; latencies outside 1 ns to 1 s count as the nearest bound, as in Redis.
     *
     * @param command the command's full name, for example {@code client|list}
     * @param nanos how long it took
     */
    void record(String command, long nanos) {
        long value = Math.min(Math.max(nanos, LOWEST_TRACKED), HIGHEST_TRACKED);
        Histogram histogram = histograms.computeIfAbsent(command, name -> new Histogram());
        histogram.calls++;
        histogram.countsByRange.merge(lowestEquivalent(value), 1L, Long::sum);
    }

    /** Forgets every histogram (CONFIG RESETSTAT). */
    void reset() {
        histograms.clear();
    }

    /** The LATENCY HISTOGRAM bucket of a latency: 0 up to 1031 ns, 1 up to 2063 ns, and so on. */
    static int bucket(long nanos) {
        long value = Math.max(nanos, MIN_NANOS);
        int bucket = 0;
        while (bucket < BUCKETS - 1 && value > highestEquivalent(MIN_NANOS << bucket)) {
            bucket++;
        }
        return bucket;
    }

    /** The lowest value of the range a value falls in, at two significant digits. */
    static long lowestEquivalent(long value) {
        return value < EXACT_BELOW ? value : (value >> shift(value)) << shift(value);
    }

    /** The highest value of the range a value falls in, at two significant digits. */
    static long highestEquivalent(long value) {
        return value < EXACT_BELOW ? value : lowestEquivalent(value) + (1L << shift(value)) - 1;
    }

    private static int shift(long value) {
        return 63 - Long.numberOfLeadingZeros(value) - 7;
    }

    /**
     * Returns a latency percentile of one command as Redis computes it: the smallest recorded latency at or below
     * which {@code percentile}% of the calls (rounded to the nearest call, at least one) lie, reported as the highest
     * value of its range.
     *
     * @param command the command's full name
     * @param percentile between 0 and 100
     * @return the latency in nanoseconds, or 0 if the command was not recorded
     */
    long percentileNanos(String command, double percentile) {
        Histogram histogram = histograms.get(command);
        if (histogram == null) {
            return 0;
        }
        long wanted = Math.max(1, (long) (Math.min(percentile, 100.0) / 100 * histogram.calls + 0.5));
        long seen = 0;
        for (Map.Entry<Long, Long> range : histogram.countsByRange.entrySet()) {
            seen += range.getValue();
            if (seen >= wanted) {
                return highestEquivalent(range.getKey());
            }
        }
        return highestEquivalent(histogram.countsByRange.lastKey());
    }

    /**
     * Appends the INFO latencystats lines: {@code latency_percentiles_usec_<command>:p50=1.003,p99=...} for every
     * command recorded.
     *
     * @param percentiles the canonical percentile texts of {@code latency-tracking-info-percentiles}, for example
     *     {@code 99.9}
     * @param out the report
     */
    void appendPercentiles(List<String> percentiles, StringBuilder out) {
        for (String command : histograms.keySet()) {
            out.append("latency_percentiles_usec_").append(command).append(':');
            for (int i = 0; i < percentiles.size(); i++) {
                String label = percentiles.get(i);
                long nanos = percentileNanos(command, Double.parseDouble(label));
                out.append(i == 0 ? "" : ",").append('p').append(label).append('=');
                out.append(String.format(Locale.ROOT, "%.3f", nanos / 1000.0));
            }
            out.append("\r\n");
        }
    }

    /**
     * Returns the histograms of the given commands, or of every command called when {@code commands} is empty.
     *
     * @param commands full command names; a container name stands for each of its subcommands
     * @return a map of command name to its calls and histogram
     */
    Reply histograms(List<String> commands) {
        List<Reply.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Histogram> entry : histograms.entrySet()) {
            String name = entry.getKey();
            int bar = name.indexOf('|');
            boolean wanted = commands.isEmpty()
                    || commands.contains(name)
                    || (bar > 0 && commands.contains(name.substring(0, bar)));
            if (wanted) {
                entries.add(Reply.entry(Reply.bulk(name), powerOfTwoView(entry.getValue())));
            }
        }
        return new Reply.Map(entries);
    }

    private static Reply powerOfTwoView(Histogram histogram) {
        long[] buckets = new long[BUCKETS];
        histogram.countsByRange.forEach((lowest, count) -> buckets[bucket(lowest)] += count);
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
                Reply.entry(Reply.bulk("calls"), Reply.integer(histogram.calls)),
                Reply.entry(Reply.bulk("histogram_usec"), new Reply.Map(distribution)));
    }
}
