package io.slotwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientSideCacheOptionsTest {

    private static ClusterClientOptions.Builder seeded() {
        return ClusterClientOptions.builder().seeds("redis://127.0.0.1:7000");
    }

    @Test
    void cachingIsOffUnlessAskedForAndKeptByToBuilder() {
        assertEquals(Optional.empty(), seeded().build().clientSideCache());
        ClientSideCacheOptions cache = ClientSideCacheOptions.defaults().withMaxEntries(5);
        ClusterClientOptions options = seeded().clientSideCache(cache).build();
        assertEquals(Optional.of(cache), options.toBuilder().build().clientSideCache());
    }

    @Test
    void cachingWithoutResp3IsRejectedWithTheReason() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> seeded().resp3(false)
                        .clientSideCache(ClientSideCacheOptions.defaults())
                        .build());
        assertTrue(e.getMessage().contains("needs RESP3"), e.getMessage());
    }

    @Test
    void commandNamesAreNormalisedToUpperCase() {
        ClientSideCacheOptions options = ClientSideCacheOptions.defaults().withCommands("get", "Hget", "GET");
        assertEquals(Set.of("GET", "HGET"), options.commands());
    }

    @ParameterizedTest(name = "{0} cannot be cached")
    @ValueSource(strings = {"TTL", "SRANDMEMBER", "SET", "MGET", "SORT_RO", "KEYS"})
    void commandsOutsideTheAllowListAreRejected(String command) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ClientSideCacheOptions.defaults().withCommands(command));
        assertTrue(e.getMessage().contains("cannot cache " + command), e.getMessage());
    }

    @Test
    void limitsAreValidated() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ClientSideCacheOptions.defaults().withMaxEntries(0));
        assertThrows(
                IllegalArgumentException.class,
                () -> ClientSideCacheOptions.defaults().withMaxAge(Duration.ofSeconds(-1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> ClientSideCacheOptions.defaults().withCommands());
        assertEquals(
                Duration.ofSeconds(3),
                ClientSideCacheOptions.defaults()
                        .withMaxAge(Duration.ofSeconds(3))
                        .maxAge());
    }
}
