package io.slotwise.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import io.slotwise.RedisCommandException;
import io.slotwise.RedisConnectionException;
import io.slotwise.RedisException;
import io.slotwise.UnexpectedReplyException;
import io.slotwise.command.ReplyDecoders;
import io.slotwise.resp.RespValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Values and failures of {@link SyncRedisCluster}: what a blocking caller gets back. */
class SyncRedisClusterTest {

    private final FakeCommands client = new FakeCommands();
    private final SyncRedisCluster<String, String> sync = SyncRedisCluster.of(client);

    @Test
    void callReturnsTheDecodedReply() {
        client.replyWith(RespValue.Bulk.of("Ada"));

        assertEquals("Ada", sync.call(c -> c.get("user:{42}:name")));
        assertEquals(1, client.sent().size());
        assertEquals("GET", client.sent().get(0).name());
    }

    @Test
    void missingKeyReturnsNull() {
        client.replyWith(RespValue.Null.INSTANCE);

        assertNull(sync.call(c -> c.get("missing")));
    }

    @Test
    void executeSendsTheGivenCommandAndReturnsItsReply() {
        client.replyWith(RespValue.Bulk.of("embstr"));
        var command = client.command("OBJECT ENCODING").key("k").decodedBy(ReplyDecoders.text());

        assertEquals("embstr", sync.execute(command));
        assertSame(command, client.sent().get(0));
    }

    @Test
    void serverErrorKeepsItsTypeCodeAndServerMessage() {
        String text = "WRONGTYPE Operation against a key holding the wrong kind of value";
        client.replyWith(new RespValue.Error(text));

        RedisCommandException e = assertThrows(RedisCommandException.class, () -> sync.call(c -> c.incr("k")));
        assertEquals(text, e.getMessage());
        assertEquals("WRONGTYPE", e.code());
        assertEquals("INCR", e.command());
    }

    static Stream<Arguments> stageFailures() {
        RedisCommandException serverError = new RedisCommandException("GET", "ERR boom");
        RedisConnectionException lost = new RedisConnectionException("connection to 127.0.0.1:7000 lost", null, true);
        UnexpectedReplyException wrongType =
                new UnexpectedReplyException("a bulk string or null", new RespValue.Int(1));
        return Stream.of(
                Arguments.of("as is", serverError, serverError),
                Arguments.of("in a CompletionException", new CompletionException(serverError), serverError),
                Arguments.of(
                        "in nested wrappers",
                        new CompletionException(new ExecutionException(new CompletionException(lost))),
                        lost),
                Arguments.of("in an ExecutionException", new ExecutionException(wrongType), wrongType),
                Arguments.of("unchecked, not ours", new IllegalStateException("user callback"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stageFailures")
    void failedStageThrowsTheOriginalExceptionInstance(String how, Throwable completedWith, Throwable expected) {
        client.failWith(completedWith);
        Throwable original = expected != null ? expected : completedWith;

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> sync.call(c -> c.get("k")));

        assertSame(original, thrown);
    }

    @Test
    void connectionFailureKeepsWhetherTheCommandMayHaveRun() {
        client.failWith(new RedisConnectionException("closed before write", null, false));

        RedisConnectionException e = assertThrows(RedisConnectionException.class, () -> sync.call(c -> c.get("k")));
        assertEquals(false, e.mayHaveExecuted());
    }

    @Test
    void cancelledStageThrowsRedisExceptionCausedByTheCancellation() {
        CancellationException cancelled = new CancellationException();
        client.failWith(cancelled);

        RedisException e = assertThrows(RedisException.class, () -> sync.call(c -> c.get("k")));
        assertSame(cancelled, e.getCause());
        assertTrue(e.getMessage().contains("GET was cancelled"), e.getMessage());
    }

    @Test
    void checkedFailureIsWrappedInRedisExceptionWithItAsCause() {
        IOException io = new IOException("disk");
        client.failWith(io);

        RedisException e = assertThrows(RedisException.class, () -> sync.call(c -> c.get("k")));
        assertSame(io, e.getCause());
    }

    @Test
    void errorIsRethrownAsItIs() {
        LinkageError error = new LinkageError("test");
        client.failWith(error);

        assertSame(error, assertThrows(LinkageError.class, () -> sync.call(c -> c.get("k"))));
    }

    @Test
    void buildingErrorIsThrownDirectlyWithNothingSent() {
        // "a" and "b" hash to different slots, and MSETNX cannot be split.
        assertThrows(CrossSlotException.class, () -> sync.call(c -> c.msetnx(Map.of("a", "1", "b", "2"))));
        assertThrows(NullPointerException.class, () -> sync.call(c -> c.get(null)));
        assertEquals(List.of(), client.sent());
    }

    @Test
    void operationReturningNullIsRejectedWithAClearMessage() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> sync.call(c -> null));
        assertTrue(e.getMessage().contains("returned null"), e.getMessage());
    }

    @Test
    void stagesOtherThanPlainCompletableFuturesAreAwaited() {
        assertEquals("x", sync.call(c -> CompletableFuture.completedFuture("x").minimalCompletionStage()));

        RedisCommandException failure = new RedisCommandException("GET", "ERR boom");
        RedisCommandException thrown = assertThrows(
                RedisCommandException.class,
                () -> sync.call(c -> CompletableFuture.<String>failedFuture(failure)
                        .minimalCompletionStage()
                        .thenApply(v -> v)));
        assertSame(failure, thrown);
    }

    @Test
    void asyncReturnsTheWrappedClient() {
        assertSame(client, sync.async());
    }
}
