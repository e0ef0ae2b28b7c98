package io.slotwise.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisCommandException;
import io.slotwise.resp.RespValue;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** {@link ReactiveRedisCluster#flux}: collection replies as a stream of elements. */
class ReactiveRedisClusterFluxTest {

    private final PendingCommands client = new PendingCommands();
    private final ReactiveRedisCluster<String, String> reactive = ReactiveRedisCluster.of(client);

    private static RespValue.Array bulks(String... texts) {
        return new RespValue.Array(List.of(texts).stream()
                .map(t -> (RespValue) RespValue.Bulk.of(t))
                .toList());
    }

    @Test
    void fluxEmitsListElementsInReplyOrder() {
        Flux<String> items = reactive.flux(c -> c.lrange("queue", 0, -1));
        assertEquals(List.of(), client.sent());

        SignalRecorder<String> recorder = SignalRecorder.subscribeTo(items);
        client.onlySent().replyWith(bulks("c", "a", "b"));

        assertEquals(List.of("c", "a", "b"), recorder.values());
        assertTrue(recorder.completed());
    }

    @Test
    void emptyListCompletesTheFluxEmpty() {
        SignalRecorder<String> recorder = SignalRecorder.subscribeTo(reactive.flux(c -> c.lrange("none", 0, -1)));
        client.onlySent().replyWith(new RespValue.Array(List.of()));

        assertEquals(List.of(), recorder.values());
        assertTrue(recorder.completed());
    }

    @Test
    void nullCollectionCompletesTheFluxEmpty() {
        SignalRecorder<String> recorder =
                SignalRecorder.subscribeTo(reactive.<String>flux(c -> CompletableFuture.completedFuture(null)));

        assertEquals(List.of(), recorder.values());
        assertTrue(recorder.completed());
    }

    @Test
    void nullElementFailsTheFluxNamingItsPositionBeforeEmittingAnything() {
        SignalRecorder<String> recorder =
                SignalRecorder.subscribeTo(reactive.flux(c -> c.mget(List.of("a", "b", "c"))));
        client.onlySent()
                .replyWith(new RespValue.Array(
                        List.of(RespValue.Bulk.of("1"), RespValue.Null.INSTANCE, RespValue.Bulk.of("3"))));

        NullPointerException e = assertInstanceOf(NullPointerException.class, recorder.error());
        assertTrue(e.getMessage().startsWith("element 1 of 3 in the reply is null"), e.getMessage());
        assertEquals(List.of(), recorder.values());
    }

    @Test
    void failedCommandArrivesAsOnErrorWithTheOriginalInstance() {
        RedisCommandException failure = new RedisCommandException("LRANGE", "WRONGTYPE wrong kind of value");
        SignalRecorder<String> recorder = SignalRecorder.subscribeTo(reactive.flux(c -> c.lrange("k", 0, -1)));
        client.onlySent().stage().completeExceptionally(failure);

        assertSame(failure, recorder.error());
        assertEquals(List.of(), recorder.values());
    }

    @Test
    void eachSubscriptionSendsTheCommandAgain() {
        Flux<String> items = reactive.flux(c -> c.lrange("queue", 0, -1));

        SignalRecorder.subscribeTo(items);
        SignalRecorder<String> second = SignalRecorder.subscribeTo(items);

        assertEquals(2, client.sent().size());
        client.sent().get(1).replyWith(bulks("x"));
        assertEquals(List.of("x"), second.values());
        assertNull(second.error());
    }
}
