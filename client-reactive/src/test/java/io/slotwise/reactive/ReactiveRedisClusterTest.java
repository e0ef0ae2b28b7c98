package io.slotwise.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisCommandException;
import io.slotwise.RedisConnectionException;
import io.slotwise.command.Command;
import io.slotwise.command.ReplyDecoders;
import io.slotwise.resp.RespValue;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** {@link ReactiveRedisCluster#mono} and {@link ReactiveRedisCluster#execute}: laziness, values and errors. */
class ReactiveRedisClusterTest {

    private final PendingCommands client = new PendingCommands();
    private final ReactiveRedisCluster<String, String> reactive = ReactiveRedisCluster.of(client);

    @Test
    void monoSendsNothingUntilSubscribed() {
        Mono<String> name = reactive.mono(c -> c.get("user:{42}:name"));
        assertEquals(List.of(), client.sent());

        SignalRecorder<String> recorder = SignalRecorder.subscribeTo(name);
        assertEquals("GET", client.onlySent().command().name());
        client.onlySent().replyWith(RespValue.Bulk.of("Ada"));

        assertEquals(List.of("Ada"), recorder.values());
        assertTrue(recorder.completed());
    }

    @Test
    void eachSubscriptionSendsTheCommandAgain() {
        Mono<String> name = reactive.mono(c -> c.get("k"));

        SignalRecorder<String> first = SignalRecorder.subscribeTo(name);
        SignalRecorder<String> second = SignalRecorder.subscribeTo(name);
        assertEquals(2, client.sent().size());
        client.sent().get(0).replyWith(RespValue.Bulk.of("one"));
        client.sent().get(1).replyWith(RespValue.Bulk.of("two"));

        assertEquals(List.of("one"), first.values());
        assertEquals(List.of("two"), second.values());
    }

    @Test
    void nullReplyCompletesTheMonoEmpty() {
        SignalRecorder<String> recorder = SignalRecorder.subscribeTo(reactive.mono(c -> c.get("missing")));
        client.onlySent().replyWith(RespValue.Null.INSTANCE);

        assertEquals(List.of(), recorder.values());
        assertTrue(recorder.completed());
        assertEquals(null, recorder.error());
    }

    @Test
    void serverErrorArrivesAsOnErrorWithItsTypeAndMessage() {
        String text = "WRONGTYPE Operation against a key holding the wrong kind of value";
        SignalRecorder<Long> recorder = SignalRecorder.subscribeTo(reactive.mono(c -> c.incr("k")));
        client.onlySent().replyWith(new RespValue.Error(text));

        RedisCommandException e = assertInstanceOf(RedisCommandException.class, recorder.error());
        assertEquals(text, e.getMessage());
        assertEquals("INCR", e.command());
        assertEquals(List.of(), recorder.values());
    }

    @Test
    void failureWrappedInCompletionExceptionArrivesAsTheOriginalInstance() {
        RedisConnectionException lost = new RedisConnectionException("connection lost", null, true);
        SignalRecorder<String> recorder = SignalRecorder.subscribeTo(reactive.mono(c -> c.get("k")));
        client.onlySent().stage().completeExceptionally(new CompletionException(new CompletionException(lost)));

        assertSame(lost, recorder.error());
    }

    @Test
    void failureFromADerivedStageArrivesAsTheOriginalInstance() {
        RedisCommandException failure = new RedisCommandException("GET", "ERR boom");
        SignalRecorder<Integer> recorder =
                SignalRecorder.subscribeTo(reactive.mono(c -> c.get("k").thenApply(String::length)));
        client.onlySent().stage().completeExceptionally(failure);

        assertSame(failure, recorder.error());
    }

    @Test
    void executeIsLazyAndSendsTheGivenCommand() {
        Command<String> command = client.command("OBJECT ENCODING").key("k").decodedBy(ReplyDecoders.text());
        Mono<String> encoding = reactive.execute(command);
        assertEquals(List.of(), client.sent());

        SignalRecorder<String> recorder = SignalRecorder.subscribeTo(encoding);
        assertSame(command, client.onlySent().command());
        client.onlySent().replyWith(RespValue.Bulk.of("embstr"));

        assertEquals(List.of("embstr"), recorder.values());
    }

    @Test
    void buildingErrorArrivesAsOnErrorAtSubscriptionWithNothingSent() {
        Mono<String> invalid = reactive.mono(c -> c.get(null));

        SignalRecorder<String> recorder = SignalRecorder.subscribeTo(invalid);

        assertInstanceOf(NullPointerException.class, recorder.error());
        assertEquals(List.of(), client.sent());
    }

    @Test
    void operationReturningNullFailsWithAClearMessage() {
        SignalRecorder<String> recorder = SignalRecorder.subscribeTo(reactive.<String>mono(c -> null));

        NullPointerException e = assertInstanceOf(NullPointerException.class, recorder.error());
        assertTrue(e.getMessage().contains("returned null"), e.getMessage());
    }

    @Test
    void stageCompletedBeforeSubscriptionIsDeliveredAtOnce() {
        SignalRecorder<String> recorder =
                SignalRecorder.subscribeTo(reactive.mono(c -> CompletableFuture.completedFuture("ready")));

        assertEquals(List.of("ready"), recorder.values());
        assertFalse(recorder.error() != null);
    }
}
