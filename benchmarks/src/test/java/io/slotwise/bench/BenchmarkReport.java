package io.slotwise.bench;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks and prints, for every benchmark class and parameter set, Slotwise's score as a ratio of each
 * peer's score in the same run (above 1.0 means Slotwise is faster).
 *
 * <p>Every benchmark class names its methods {@code slotwise}, {@code lettuce} and {@code jedis}; scores are
 * throughputs.
 */
public final class BenchmarkReport {

    private static final String SLOTWISE = "slotwise";

    private BenchmarkReport() {}

    /**
     * Runs the benchmarks whose names match the regular expression in {@code args[0]} (default: all) and prints the
     * ratios.
     *
     * @param args an optional JMH include pattern
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        String include = args.length > 0 ? args[0] : ".*";
        Collection<RunResult> results =
                new Runner(new OptionsBuilder().include(include).build()).run();
        printRatios(results);
    }

    private static void printRatios(Collection<RunResult> results) {
        // group -> implementation -> score, where group = benchmark class + parameters
        Map<String, Map<String, Double>> scores = new TreeMap<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            int dot = label.lastIndexOf('.');
            String group = label.substring(0, dot) + paramsOf(result);
            String implementation = label.substring(dot + 1);
            scores.computeIfAbsent(group, g -> new TreeMap<>())
                    .put(implementation, result.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("Slotwise throughput relative to each peer (same run; > 1.0 = Slotwise faster)");
        scores.forEach((group, byImplementation) -> {
            Double ours = byImplementation.get(SLOTWISE);
            if (ours == null) {
                return;
            }
            StringBuilder line = new StringBuilder(group);
            byImplementation.forEach((implementation, score) -> {
                if (!implementation.equals(SLOTWISE)) {
                    line.append(String.format("  vs %s: %.2fx", implementation, ours / score));
                }
            });
            System.out.println(line);
        });
    }

    private static String paramsOf(RunResult result) {
        StringBuilder params = new StringBuilder();
        for (String key : result.getParams().getParamsKeys()) {
            params.append(' ').append(key).append('=').append(result.getParams().getParam(key));
        }
        return params.toString();
    }
}
