package io.slotwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.event.ClientEventListener;
import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterClientOptionsTest {

    private static ClusterClientOptions.Builder seeded() {
        return ClusterClientOptions.builder().seeds("redis://127.0.0.1:7000");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        ClusterClientOptions options = seeded().build();

        assertEquals(ReadFrom.PRIMARY, options.readFrom());
        assertEquals(Duration.ofSeconds(10), options.commandTimeout());
        assertEquals(Duration.ofSeconds(5), options.connectTimeout());
        assertEquals(5, options.maxRedirects());
        assertEquals(Duration.ofSeconds(30), options.topologyRefreshPeriod());
        assertEquals(Duration.ofSeconds(1), options.adaptiveRefreshMinInterval());
        assertEquals(Duration.ofSeconds(5), options.latencyProbeInterval());
        assertEquals(RetrySettings.DEFAULT, options.retry());
        assertFalse(options.replayUnknownOutcomeWrites());
        assertFalse(options.tls());
        assertEquals(Optional.empty(), options.credentials());
        assertEquals(Optional.empty(), options.clientName());
        assertEquals(List.of(), options.eventListeners());
        NodeAddress address = new NodeAddress("10.0.0.1", 7000);
        assertSame(address, options.addressMapper().apply(address));
    }

    @Test
    void toBuilderKeepsEverySetting() {
        ClientEventListener listener = new ClientEventListener() {};
        UnaryOperator<NodeAddress> mapper = a -> new NodeAddress("127.0.0.1", a.port());
        ClusterClientOptions options = ClusterClientOptions.builder()
                .seeds("rediss://app:pw@127.0.0.1:7000", "rediss://127.0.0.1:7001")
                .readFrom(ReadFrom.REPLICA_PREFERRED)
                .commandTimeout(Duration.ofSeconds(2))
                .connectTimeout(Duration.ofSeconds(3))
                .maxRedirects(2)
                .topologyRefreshPeriod(Duration.ZERO)
                .adaptiveRefreshMinInterval(Duration.ofMillis(500))
                .latencyProbeInterval(Duration.ofMillis(700))
                .retry(new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(100)))
                .replayUnknownOutcomeWrites(true)
                .addressMapper(mapper)
                .clientName("orders")
                .eventListener(listener)
                .build();

        ClusterClientOptions copy = options.toBuilder().build();

        assertEquals(options.seeds().toString(), copy.seeds().toString());
        assertTrue(copy.tls());
        assertEquals(Optional.of("app"), copy.credentials().orElseThrow().user());
        assertEquals(ReadFrom.REPLICA_PREFERRED, copy.readFrom());
        assertEquals(Duration.ofSeconds(2), copy.commandTimeout());
        assertEquals(Duration.ofSeconds(3), copy.connectTimeout());
        assertEquals(2, copy.maxRedirects());
        assertEquals(Duration.ZERO, copy.topologyRefreshPeriod());
        assertEquals(Duration.ofMillis(500), copy.adaptiveRefreshMinInterval());
        assertEquals(Duration.ofMillis(700), copy.latencyProbeInterval());
        assertEquals(options.retry(), copy.retry());
        assertTrue(copy.replayUnknownOutcomeWrites());
        assertSame(mapper, copy.addressMapper());
        assertEquals(Optional.of("orders"), copy.clientName());
        assertEquals(List.of(listener), copy.eventListeners());
        assertEquals(options.toString(), copy.toString());
    }

    @Test
    void toStringNeverShowsPasswordsOrUsers() {
        String text = ClusterClientOptions.builder()
                .seeds("redis://admin:hunter2@127.0.0.1:7000")
                .build()
                .toString();

        assertFalse(text.contains("hunter2"), text);
        assertFalse(text.contains("admin"), text);
        assertTrue(text.contains("127.0.0.1:7000"), text);
    }

    @Test
    void explicitCredentialsOverrideTheSeeds() {
        ClusterClientOptions options = ClusterClientOptions.builder()
                .seeds("redis://app:one@127.0.0.1:7000")
                .credentials(RedisCredentials.of("other", "two".toCharArray()))
                .build();

        assertEquals(Optional.of("other"), options.credentials().orElseThrow().user());
        assertArrayEquals(
                "two".toCharArray(), options.credentials().orElseThrow().password());
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.<Arguments>of(
                invalid("no seed", b -> ClusterClientOptions.builder().build(), "At least one seed"),
                invalid("empty seed list", b -> b.seeds(List.of()), "At least one seed"),
                invalid(
                        "mixed TLS",
                        b -> b.seeds("redis://127.0.0.1:7000", "rediss://127.0.0.1:7001")
                                .build(),
                        "mix"),
                invalid(
                        "different credentials",
                        b -> b.seeds("redis://a:x@127.0.0.1:7000", "redis://a:y@127.0.0.1:7001")
                                .build(),
                        "different credentials"),
                invalid("zero command timeout", b -> b.commandTimeout(Duration.ZERO), "commandTimeout"),
                invalid("negative connect timeout", b -> b.connectTimeout(Duration.ofSeconds(-1)), "connectTimeout"),
                invalid("negative redirects", b -> b.maxRedirects(-1), "maxRedirects"),
                invalid(
                        "negative period",
                        b -> b.topologyRefreshPeriod(Duration.ofSeconds(-1)),
                        "topologyRefreshPeriod"),
                invalid(
                        "negative interval",
                        b -> b.adaptiveRefreshMinInterval(Duration.ofSeconds(-1)),
                        "adaptiveRefreshMinInterval"),
                invalid(
                        "zero latency probe interval",
                        b -> b.latencyProbeInterval(Duration.ZERO),
                        "latencyProbeInterval"),
                invalid("client name with space", b -> b.clientName("my app"), "clientName"),
                invalid(
                        "retry without attempts",
                        b -> new RetrySettings(0, Duration.ofMillis(1), Duration.ofMillis(1)),
                        "maxAttempts"),
                invalid(
                        "backoff cap below base",
                        b -> new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(1)),
                        "backoffCap"));
    }

    private static Arguments invalid(String name, Consumer<ClusterClientOptions.Builder> change, String mentioned) {
        return Arguments.of(name, change, mentioned);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void invalidSettingsFailAtOnceNamingTheSetting(
            String name, Consumer<ClusterClientOptions.Builder> change, String mentioned) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> change.accept(seeded()));

        assertTrue(failure.getMessage().contains(mentioned), failure.getMessage());
    }
}
