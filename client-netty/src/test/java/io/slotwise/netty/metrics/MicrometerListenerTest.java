package io.slotwise.netty.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotwise.RedisClusterClient;
import io.slotwise.netty.testing.Await;
import io.slotwise.netty.testing.ClusterTestBase;
import io.slotwise.netty.testing.FakeClusterNode;
import io.slotwise.routing.SlotHash;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MicrometerListenerTest extends ClusterTestBase {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void commandsRedirectsRetriesRefreshesAndConnectionsAreCounted() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect(options(cluster.primaries().get(0))
                .eventListener(MicrometerListener.bindTo(registry, Tags.of("cluster", "test")))
                .build());
        FakeClusterNode oldOwner = cluster.primaries().get(0);
        FakeClusterNode newOwner = cluster.primaries().get(1);
        String key = cluster.keyServedBy(oldOwner, "metered");
        cluster.assign(SlotHash.slot(key), newOwner);
        newOwner.replyNext("SET", 1, "-TRYAGAIN Multiple keys request during rehashing of slot\r\n");
        newOwner.replyNext("GET", 1, "-ERR boom\r\n");

        Await.value(client.async().set(key, "v"));
        Await.failure(client.async().get(key), io.slotwise.RedisCommandException.class);
        Await.until(() -> events.refreshes.get() == 2, () -> "the MOVED refresh completed");

        Timer set = registry.get("slotwise.command.duration")
                .tags("command", "SET", "outcome", "success", "cluster", "test")
                .timer();
        assertEquals(1, set.count());
        Timer failedGet = registry.get("slotwise.command.duration")
                .tags("command", "GET", "outcome", "server_error")
                .timer();
        assertEquals(1, failedGet.count());
        assertEquals(
                1.0,
                registry.get("slotwise.redirects")
                        .tags("kind", "moved")
                        .counter()
                        .count());
        assertEquals(
                1.0,
                registry.get("slotwise.command.retries")
                        .tags("command", "SET")
                        .counter()
                        .count());
        Timer refresh = registry.get("slotwise.topology.refresh")
                .tags("outcome", "success")
                .timer();
        assertEquals(2, refresh.count(), "the initial discovery and the MOVED refresh");
        assertTrue(registry.get("slotwise.topology.changes").counter().count() >= 2);
        double age = registry.get("slotwise.topology.age").gauge().value();
        assertTrue(age >= 0 && age < 60, "age " + age);
        Counter connected = registry.get("slotwise.connection.events")
                .tags("node", newOwner.address().toString(), "event", "connected")
                .counter();
        assertEquals(1.0, connected.count());
        Gauge inFlight = registry.get("slotwise.node.requests.in.flight")
                .tags("node", newOwner.address().toString())
                .gauge();
        assertEquals(0.0, inFlight.value());
    }

    @Test
    void everyRegisteredMeterIsDocumentedInClientMeters() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect(options(cluster.primaries().get(0))
                .eventListener(MicrometerListener.bindTo(registry, Tags.empty()))
                .build());
        Await.value(client.async().set("k", "v"));

        assertFalse(registry.getMeters().isEmpty());
        for (Meter meter : registry.getMeters()) {
            String name = meter.getId().getName();
            ClientMeters documented = Arrays.stream(ClientMeters.values())
                    .filter(m -> m.meterName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " is not documented in ClientMeters"));
            for (String tagKey : documented.tagKeys()) {
                assertNotNull(meter.getId().getTag(tagKey), name + " has tag " + tagKey);
            }
            assertEquals(documented.type().name(), typeOf(meter), name);
        }
    }

    private static String typeOf(Meter meter) {
        if (meter instanceof Timer) {
            return "TIMER";
        }
        return meter instanceof Counter
                ? "COUNTER"
                : meter instanceof Gauge ? "GAUGE" : meter.getClass().getName();
    }

    @Test
    void closingTheClientRemovesItsMeters() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect(options(cluster.primaries().get(0))
                .eventListener(MicrometerListener.bindTo(registry, Tags.empty()))
                .build());
        Await.value(client.async().set("k", "v"));
        assertFalse(registry.getMeters().isEmpty());

        Await.value(client.closeAsync());

        assertTrue(registry.getMeters().isEmpty(), () -> "left: " + registry.getMeters());
    }

    @Test
    void aClientWithoutTheListenerRegistersNothingGlobally() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect();

        Await.value(client.async().set("k", "v"));

        assertTrue(Metrics.globalRegistry.getMeters().stream()
                .noneMatch(m -> m.getId().getName().startsWith("slotwise.")));
    }
}
