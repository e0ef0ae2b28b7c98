package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisCredentials;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ConnectionOptionsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ConnectionOptions defaults = ConnectionOptions.defaults();
        assertEquals(Duration.ofSeconds(5), defaults.connectTimeout());
        assertEquals(Duration.ofSeconds(10), defaults.commandTimeout());
        assertEquals(100_000, defaults.maxQueuedCommands());
        assertEquals(DisconnectedBehavior.QUEUE, defaults.disconnectedBehavior());
        assertEquals(ReconnectBackoff.DEFAULT, defaults.reconnectBackoff());
        assertTrue(defaults.resp3() && defaults.autoReconnect());
        assertFalse(defaults.readOnly());
        assertTrue(defaults.credentials().isEmpty()
                && defaults.clientName().isEmpty()
                && defaults.sslContext().isEmpty());
        assertSame(PushListener.DROP, defaults.pushListener());
        assertSame(ConnectionListener.NONE, defaults.connectionListener());
    }

    @Test
    void toBuilderKeepsEverySetting() {
        ConnectionOptions options = ConnectionOptions.builder()
                .commandTimeout(Duration.ofMillis(250))
                .credentials(RedisCredentials.of("app", "pw".toCharArray()))
                .clientName("svc-1")
                .readOnly(true)
                .disconnectedBehavior(DisconnectedBehavior.FAIL_FAST)
                .maxQueuedCommands(7)
                .build();
        ConnectionOptions copy = options.toBuilder().build();
        assertEquals(options.toString(), copy.toString());
        assertSame(options.credentials().get(), copy.credentials().get());
    }

    @Test
    void toStringNeverShowsTheCredentials() {
        String text = ConnectionOptions.builder()
                .credentials(RedisCredentials.of("app-user", "hunter2".toCharArray()))
                .build()
                .toString();
        assertFalse(text.contains("hunter2") || text.contains("app-user"), text);
    }

    @Test
    void invalidSettingsAreRejected() {
        List<Consumer<ConnectionOptions.Builder>> invalid = List.of(
                b -> b.connectTimeout(Duration.ZERO),
                b -> b.commandTimeout(Duration.ofMillis(-1)),
                b -> b.maxQueuedCommands(0),
                b -> b.clientName("has space"),
                b -> b.clientName(""));
        for (Consumer<ConnectionOptions.Builder> setting : invalid) {
            assertThrows(IllegalArgumentException.class, () -> setting.accept(ConnectionOptions.builder()));
        }
    }
}
