package io.slotwise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.resp.RespValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** One row of a family's decoding table: a call, the reply the server sends, and what the caller must receive. */
final class DecodeCase {

    private final String name;
    private final Function<AsyncCommands<String, String>, CompletionStage<?>> call;
    private final RespValue reply;
    private final Object expected;

    private DecodeCase(
            String name,
            Function<AsyncCommands<String, String>, CompletionStage<?>> call,
            RespValue reply,
            Object expected) {
        this.name = name;
        this.call = call;
        this.reply = reply;
        this.expected = expected;
    }

    static DecodeCase decodes(
            String name,
            Function<AsyncCommands<String, String>, CompletionStage<?>> call,
            RespValue reply,
            Object expected) {
        return new DecodeCase(name, call, reply, expected);
    }

    void verify() {
        RecordingCommands<String, String> client = RecordingCommands.utf8().replyWith(reply);
        Object actual = call.apply(client).toCompletableFuture().join();
        assertEquals(expected, actual);
    }

    static RespValue.Bulk bulk(String text) {
        return RespValue.Bulk.of(text);
    }

    static RespValue integer(long value) {
        return new RespValue.Int(value);
    }

    static RespValue array(RespValue... elements) {
        return new RespValue.Array(new ArrayList<>(List.of(elements)));
    }

    static RespValue nil() {
        return RespValue.Null.INSTANCE;
    }

    @Override
    public String toString() {
        return name;
    }
}
