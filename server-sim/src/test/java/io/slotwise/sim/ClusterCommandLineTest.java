package io.slotwise.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The runnable jar's {@code cluster} subcommand, run in-process. */
class ClusterCommandLineTest {

    @Test
    void flagsAreParsedWithDefaultsForTheOmittedOnes() {
        assertEquals(
                new ClusterCommandLine.Options(3, 0, 7000, 2000, Optional.empty()),
                ClusterCommandLine.parse(List.of()));
        assertEquals(
                new ClusterCommandLine.Options(4, 2, 0, 750, Optional.of(Path.of("/tmp/x"))),
                ClusterCommandLine.parse(List.of(
                        "--masters",
                        "4",
                        "--replicas",
                        "2",
                        "--base-port",
                        "0",
                        "--node-timeout",
                        "750",
                        "--dir",
                        "/tmp/x")));
    }

    static Stream<Arguments> badFlags() {
        return Stream.of(
                Arguments.of(List.of("--masters"), "Missing value for --masters"),
                Arguments.of(List.of("--masters", "three"), "Invalid value for --masters: 'three' (expected 1..1000)"),
                Arguments.of(List.of("--replicas", "-1"), "Invalid value for --replicas: '-1' (expected 0..100)"),
                Arguments.of(
                        List.of("--base-port", "70000"), "Invalid value for --base-port: '70000' (expected 0..55535)"),
                Arguments.of(
                        List.of("--node-timeout", "0"),
                        "Invalid value for --node-timeout: '0' (expected 1..2147483647)"),
                Arguments.of(List.of("--port", "7000"), "Unknown option --port"));
    }

    @ParameterizedTest
    @MethodSource("badFlags")
    void badFlagIsNamedAndTheUsageIsPrintedWithStatusOne(List<String> args, String message) {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> ClusterCommandLine.parse(args));
        assertEquals(message, refused.getMessage());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ClusterCommandLine.run(args, new PrintStream(new ByteArrayOutputStream()), print(err));
        assertEquals(1, status);
        assertEquals(message + "\n" + ClusterCommandLine.USAGE + "\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, ClusterCommandLine.run(List.of("--help"), print(out), print(new ByteArrayOutputStream())));
        assertEquals(ClusterCommandLine.USAGE + "\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void startedClusterPrintsItsSeedsAndSlotMap() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClusterCommandLine.Options options =
                ClusterCommandLine.parse(List.of("--masters", "3", "--replicas", "1", "--base-port", "0"));
        try (SimCluster cluster = ClusterCommandLine.start(options, print(out))) {
            String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
            assertEquals(2, lines.length);
            List<String> seeds = cluster.nodes().stream()
                    .map(node -> "127.0.0.1:" + node.port())
                    .toList();
            assertEquals("seeds: " + String.join(",", seeds), lines[0]);
            assertEquals(
                    "slots: 0-5460 " + seeds.get(0) + " | 5461-10922 " + seeds.get(1) + " | 10923-16383 " + seeds.get(2)
                            + "; replicas: " + replicaPairs(seeds),
                    lines[1]);
            assertTrue(PortProbe.answersPing(cluster.nodes().get(5).port()));
        }
    }

    /** Replica i+3 of primary i, sorted as the summary sorts them (by the replica's address text). */
    private static String replicaPairs(List<String> seeds) {
        return Stream.of(0, 1, 2)
                .map(i -> seeds.get(i + 3) + "->" + seeds.get(i))
                .sorted()
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
