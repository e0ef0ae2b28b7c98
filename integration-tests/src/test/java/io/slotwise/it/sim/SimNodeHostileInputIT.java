package io.slotwise.it.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.slotwise.it.fixture.ClusterSpec;
import io.slotwise.it.fixture.RedisClusterFixture;
import io.slotwise.it.fixture.RedisServerBinary;
import io.slotwise.it.sim.RawConnection.Transcript;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and random request streams sent over raw sockets to simulator nodes (standalone and cluster mode, in this
 * JVM) get exactly the bytes redis-server 7.0 sends back, the connection closes exactly when Redis closes it, and the
 * node keeps serving other clients. The expected replies are written down in {@link HostileInput} and checked against
 * a real redis-server too when one is installed; random streams are compared with a real redis-server byte for byte.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimNodeHostileInputIT {

    /** A node that keeps the connection open has said everything once it has been silent this long. */
    private static final Duration QUIET = Duration.ofMillis(200);
    /**
     * Used again before reporting a difference that a slow moment (a GC pause) could explain: one transcript a
     * truncation of the other.
     */
    private static final Duration PATIENT_QUIET = Duration.ofMillis(800);

    private static final Duration READ_LIMIT = Duration.ofSeconds(10);
    private static final int SEEDS = 300;
    private static final int PARALLEL_CONNECTIONS = 100;
    private static final String PROTOCOL_ERROR = "ERR Protocol error: ";

    private final Map<NodeKind, SimNodeHandle> nodes = new EnumMap<>(NodeKind.class);
    private final Map<String, Transcript> redisTranscripts = new ConcurrentHashMap<>();
    private RedisClusterFixture redis;

    @BeforeAll
    void startNodes() {
        for (NodeKind kind : NodeKind.values()) {
            nodes.put(kind, kind.start());
        }
        if (RedisServerBinary.locate().isPresent()) {
            redis = RedisClusterFixture.start(ClusterSpec.of(1, 0));
        }
    }

    @AfterAll
    void stopNodes() {
        try {
            nodes.values().forEach(SimNodeHandle::close);
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    Stream<Arguments> nodeKindsAndInputs() {
        return Arrays.stream(NodeKind.values())
                .flatMap(kind -> HostileInput.all().stream().map(input -> Arguments.of(kind, input)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("nodeKindsAndInputs")
    void malformedInputGetsRedisReplyAndClosesOnlyThatConnection(NodeKind kind, HostileInput input) {
        SimNodeHandle node = nodes.get(kind);
        Transcript transcript = attack(node.port(), input.bytes(), QUIET);

        assertServesOtherClients(node, input.name());
        List<String> differences = new ArrayList<>();
        Transcript expected = new Transcript(latin1(input.expectedReply()), input.closes());
        if (!same(expected, transcript)) {
            differences.add("simulator: " + transcript.describe() + "\nRedis:     " + expected.describe());
        }
        if (input.knownMismatch() != null) {
            input.knownMismatch().expectStill(differences);
        }
        assertEquals(List.of(), differences, input.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.slotwise.it.sim.HostileInput#all")
    void realRedisAnswersHostileInputAsTheTableSays(HostileInput input) {
        assumeTrue(redis != null, RedisServerBinary.MISSING_MESSAGE);
        Transcript transcript = attack(redisPort(), input.bytes(), QUIET);

        assertEquals(
                new Transcript(latin1(input.expectedReply()), input.closes()).describe(),
                transcript.describe(),
                "redis-server " + RedisServerBinary.locate().orElseThrow() + " disagrees with the table");
    }

    @ParameterizedTest
    @EnumSource(NodeKind.class)
    void everyHostileInputLeavesTheNodeWithOnlyItsLiveClients(NodeKind kind) {
        SimNodeHandle node = nodes.get(kind);
        for (HostileInput input : HostileInput.all()) {
            if (input.closes()) {
                attack(node.port(), input.bytes(), QUIET);
            }
        }
        try (RawConnection live = RawConnection.open(node.port())) {
            Eventually.await(
                    "only the live connection is left on " + node,
                    Duration.ofSeconds(10),
                    () -> live.call("CLIENT", "LIST").text().split("\n").length,
                    1);
            assertTrue(live.call("CLIENT", "LIST").text().contains(":" + live.localPort() + " "));
        }
    }

    Stream<Arguments> nodeKindsAndNoise() {
        return Arrays.stream(NodeKind.values())
                .flatMap(kind -> Arrays.stream(RequestNoise.values()).map(noise -> Arguments.of(kind, noise)));
    }

    @ParameterizedTest(name = "{0}: {1} noise")
    @MethodSource("nodeKindsAndNoise")
    void randomRequestStreamsAreAnsweredLikeRedisWhileOtherClientsAreServed(NodeKind kind, RequestNoise noise)
            throws Exception {
        SimNodeHandle node = nodes.get(kind);
        List<String> violations = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CONNECTIONS);
        try {
            List<Future<SeedOutcome>> outcomes = LongStream.range(0, SEEDS)
                    .mapToObj(seed -> pool.submit(() -> runSeed(node, noise, seed)))
                    .toList();
            for (Future<SeedOutcome> outcome : outcomes) {
                outcome.get().violation().ifPresent(violations::add);
                outcome.get().difference().ifPresent(differences::add);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(List.of(), violations, "the simulator mishandled random input");
        assertEquals(List.of(), differences, "the simulator answered random input unlike redis-server");
    }

    /** What one random stream revealed: a broken rule of the protocol, and a difference from Redis. */
    private record SeedOutcome(Optional<String> violation, Optional<String> difference) {}

    private SeedOutcome runSeed(SimNodeHandle node, RequestNoise noise, long seed) {
        byte[] bytes = noise.generate(seed);
        String input =
                "seed " + seed + " " + new Transcript(bytes, false).describe().replace(" (still open)", "");
        Transcript sim = attack(node.port(), bytes, QUIET);
        String violation = protocolViolation(sim);
        try (RawConnection other = RawConnection.open(node.port())) {
            String pong = other.call("PING").render();
            if (!pong.equals("+\"PONG\"")) {
                violation = (violation == null ? "" : violation + "; ") + "PING afterwards answered " + pong;
            }
        }
        Optional<String> difference = Optional.empty();
        if (redis != null) {
            Transcript real =
                    redisTranscripts.computeIfAbsent(noise + "/" + seed, key -> attack(redisPort(), bytes, QUIET));
            if (!same(real, sim) && (startsWith(real, sim) || startsWith(sim, real))) {
                // Only a slow moment can make one transcript a truncation of the other: ask both again, patiently.
                sim = attack(node.port(), bytes, PATIENT_QUIET);
                real = attack(redisPort(), bytes, PATIENT_QUIET);
                redisTranscripts.put(noise + "/" + seed, real);
            }
            if (!same(real, sim)) {
                difference =
                        Optional.of(input + "\n  simulator: " + sim.describe() + "\n  Redis:     " + real.describe());
            }
        }
        return new SeedOutcome(Optional.ofNullable(violation).map(v -> input + ": " + v), difference);
    }

    /**
     * Returns why a transcript breaks the rules every node follows, or {@code null}: it is a sequence of whole replies;
     * a protocol error is the last of them and the connection then closes; the connection closes only after one.
     */
    private static String protocolViolation(Transcript transcript) {
        List<WireReply> replies = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(transcript.bytes());
        WireReplyReader reader = new WireReplyReader(in);
        try {
            while (in.available() > 0) {
                replies.add(reader.read());
            }
        } catch (IOException e) {
            return "the node sent something that is not a sequence of whole replies: " + transcript.describe();
        }
        for (int i = 0; i < replies.size(); i++) {
            if (isProtocolError(replies.get(i)) && i != replies.size() - 1) {
                return "the node answered after a protocol error: " + transcript.describe();
            }
        }
        boolean endsWithProtocolError = !replies.isEmpty() && isProtocolError(replies.get(replies.size() - 1));
        if (endsWithProtocolError != transcript.closed()) {
            return endsWithProtocolError
                    ? "the node kept the connection open after a protocol error: " + transcript.describe()
                    : "the node closed the connection without a protocol error: " + transcript.describe();
        }
        return null;
    }

    private static boolean isProtocolError(WireReply reply) {
        return reply.type() == '-' && reply.text().startsWith(PROTOCOL_ERROR);
    }

    private static Transcript attack(int port, byte[] bytes, Duration quiet) {
        try (RawConnection connection = RawConnection.open(port)) {
            connection.send(bytes);
            return connection.readTranscript(quiet, READ_LIMIT);
        }
    }

    private static void assertServesOtherClients(SimNodeHandle node, String after) {
        try (RawConnection other = RawConnection.open(node.port())) {
            assertEquals("+\"PONG\"", other.call("PING").render(), node + " after " + after);
        }
    }

    private int redisPort() {
        return redis.primaries().get(0).port();
    }

    private static boolean same(Transcript a, Transcript b) {
        return a.closed() == b.closed() && Arrays.equals(a.bytes(), b.bytes());
    }

    /** Whether {@code whole}'s bytes start with all of {@code part}'s. */
    private static boolean startsWith(Transcript whole, Transcript part) {
        return whole.bytes().length >= part.bytes().length
                && Arrays.equals(whole.bytes(), 0, part.bytes().length, part.bytes(), 0, part.bytes().length);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
