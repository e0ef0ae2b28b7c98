package io.slotwise.api;

import static io.slotwise.api.CommandCase.expect;
import static io.slotwise.api.DecodeCase.array;
import static io.slotwise.api.DecodeCase.bulk;
import static io.slotwise.api.DecodeCase.decodes;
import static io.slotwise.api.DecodeCase.integer;
import static io.slotwise.api.DecodeCase.nil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import io.slotwise.UnexpectedReplyException;
import io.slotwise.api.args.Expiry;
import io.slotwise.api.args.SetOptions;
import io.slotwise.codec.RedisCodec;
import io.slotwise.command.Command;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.SlotHash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StringCommandsTest {

    static Stream<CommandCase> commands() {
        return Stream.of(
                expect("GET k", c -> c.get("k")).readOnly(),
                expect("SET k v", c -> c.set("k", "v")),
                expect(
                        "SET k v NX EX 10",
                        c -> c.set(
                                "k",
                                "v",
                                SetOptions.builder().nx().expiry(Expiry.ex(10)).build())),
                expect(
                        "SET k v XX PX 1500",
                        c -> c.set(
                                "k",
                                "v",
                                SetOptions.builder()
                                        .xx()
                                        .expiry(Expiry.px(1500))
                                        .build())),
                expect(
                        "SET k v EXAT 1700000000",
                        c -> c.set(
                                "k",
                                "v",
                                SetOptions.builder()
                                        .expiry(Expiry.exAt(1_700_000_000L))
                                        .build())),
                expect(
                        "SET k v PXAT 1700000000123",
                        c -> c.set(
                                "k",
                                "v",
                                SetOptions.builder()
                                        .expiry(Expiry.at(Instant.ofEpochMilli(1_700_000_000_123L)))
                                        .build())),
                expect(
                        "SET k v PX 2000",
                        c -> c.set(
                                "k",
                                "v",
                                SetOptions.builder()
                                        .expiry(Expiry.in(Duration.ofSeconds(2)))
                                        .build())),
                expect(
                        "SET k v KEEPTTL",
                        c -> c.set(
                                "k",
                                "v",
                                SetOptions.builder().expiry(Expiry.keepTtl()).build())),
                expect("SET k v", c -> c.set("k", "v", SetOptions.none())),
                expect("SET k v GET", c -> c.setGet("k", "v")),
                expect(
                        "SET k v NX EX 5 GET",
                        c -> c.setGet(
                                "k",
                                "v",
                                SetOptions.builder().nx().expiry(Expiry.ex(5)).build())),
                expect("SETNX k v", c -> c.setnx("k", "v")),
                expect("SETEX k 10 v", c -> c.setex("k", 10, "v")),
                expect("PSETEX k 250 v", c -> c.psetex("k", 250, "v")),
                expect("GETSET k v", c -> c.getset("k", "v")),
                expect("GETDEL k", c -> c.getdel("k")),
                expect("GETEX k EX 5", c -> c.getex("k", Expiry.ex(5))),
                expect("GETEX k PERSIST", c -> c.getex("k", Expiry.persist())),
                expect("MGET a b a", c -> c.mget(List.of("a", "b", "a")))
                        .keys(1, 2, 3)
                        .readOnly()
                        .shape("split 1 IN_CALLER_ORDER"),
                expect("MSET a 1 b 2", c -> c.mset(ordered("a", "1", "b", "2")))
                        .keys(1, 3)
                        .shape("split 2 ALL_OK"),
                expect("MSETNX {t}a 1 {t}b 2", c -> c.msetnx(ordered("{t}a", "1", "{t}b", "2")))
                        .keys(1, 3),
                expect("INCR k", c -> c.incr("k")),
                expect("INCRBY k -5", c -> c.incrby("k", -5)),
                expect("INCRBYFLOAT k 0.5", c -> c.incrbyfloat("k", 0.5)),
                expect("DECR k", c -> c.decr("k")),
                expect("DECRBY k 3", c -> c.decrby("k", 3)),
                expect("APPEND k v", c -> c.append("k", "v")),
                expect("STRLEN k", c -> c.strlen("k")).readOnly(),
                expect("GETRANGE k 0 -1", c -> c.getrange("k", 0, -1)).readOnly(),
                expect("SETRANGE k 3 v", c -> c.setrange("k", 3, "v")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void buildsTheExactCommand(CommandCase row) {
        row.verify();
    }

    static Stream<DecodeCase> replies() {
        return Stream.of(
                decodes("GET hit", c -> c.get("k"), bulk("v"), "v"),
                decodes("GET miss", c -> c.get("k"), nil(), null),
                decodes("SET", c -> c.set("k", "v"), RespValue.SimpleString.OK, "OK"),
                decodes(
                        "SET NX not set",
                        c -> c.set("k", "v", SetOptions.builder().nx().build()),
                        nil(),
                        null),
                decodes("SET GET without previous value", c -> c.setGet("k", "v"), nil(), null),
                decodes("SET GET with previous value", c -> c.setGet("k", "v"), bulk("old"), "old"),
                decodes("SETNX existing key", c -> c.setnx("k", "v"), integer(0), false),
                decodes(
                        "MGET with a miss",
                        c -> c.mget(List.of("a", "b")),
                        array(bulk("1"), nil()),
                        Arrays.asList("1", null)),
                decodes("MSET", c -> c.mset(Map.of("a", "1")), RespValue.SimpleString.OK, "OK"),
                decodes("MSETNX set", c -> c.msetnx(Map.of("a", "1")), integer(1), true),
                decodes("INCRBY", c -> c.incrby("k", 2), integer(12), 12L),
                decodes("INCRBYFLOAT", c -> c.incrbyfloat("k", 0.5), bulk("10.5"), 10.5),
                decodes("GETEX miss", c -> c.getex("k", Expiry.ex(1)), nil(), null),
                decodes("STRLEN", c -> c.strlen("k"), integer(5), 5L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void decodesTheReply(DecodeCase row) {
        row.verify();
    }

    @Test
    void binaryKeysAndValuesAreSentByteForByte() {
        RecordingCommands<byte[], byte[]> client = new RecordingCommands<>(RedisCodec.bytes());
        byte[] key = {(byte) 0xff, 0, '{', 'x', '}'};
        byte[] value = {0, 1, 2, (byte) 0x80};
        client.set(key, value);
        Command<?> set = client.onlySent();
        assertArrayEquals("SET".getBytes(StandardCharsets.US_ASCII), set.arg(0));
        assertArrayEquals(key, set.arg(1));
        assertArrayEquals(value, set.arg(2));
        assertEquals(SlotHash.slot(new byte[] {'x'}), set.slot().orElseThrow());
    }

    @Test
    void crossSlotMsetnxFailsBeforeAnythingIsSent() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        CrossSlotException error =
                assertThrows(CrossSlotException.class, () -> client.msetnx(ordered("a", "1", "b", "2")));
        assertTrue(client.sent().isEmpty());
        String message = error.getMessage();
        assertTrue(message.contains("MSETNX"), message);
        assertTrue(message.contains("'a' -> slot " + SlotHash.slot("a".getBytes(StandardCharsets.UTF_8))), message);
        assertTrue(message.contains("'b' -> slot " + SlotHash.slot("b".getBytes(StandardCharsets.UTF_8))), message);
    }

    @Test
    void invalidArgumentsFailBeforeAnythingIsSent() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        assertThrows(IllegalArgumentException.class, () -> client.getex("k", Expiry.keepTtl()));
        assertThrows(IllegalArgumentException.class, () -> client.mget(List.of()));
        assertThrows(IllegalArgumentException.class, () -> client.mset(Map.of()));
        assertThrows(NullPointerException.class, () -> client.get(null));
        assertThrows(NullPointerException.class, () -> client.set("k", null));
        assertThrows(IllegalArgumentException.class, () -> client.incrbyfloat("k", Double.NaN));
        assertTrue(client.sent().isEmpty());
    }

    @Test
    void setOptionsRejectContradictions() {
        assertThrows(
                IllegalStateException.class, () -> SetOptions.builder().nx().xx());
        assertThrows(IllegalArgumentException.class, () -> SetOptions.builder().expiry(Expiry.persist()));
        assertThrows(IllegalArgumentException.class, () -> Expiry.ex(0));
        assertThrows(IllegalArgumentException.class, () -> Expiry.px(-1));
        SetOptions options = SetOptions.builder().nx().expiry(Expiry.ex(3)).build();
        assertEquals(options, options.toBuilder().build());
        assertTrue(options.isConditional());
    }

    @Test
    void aWrongReplyTypeFailsTheStageWithUnexpectedReply() {
        RecordingCommands<String, String> client = RecordingCommands.utf8().replyWith(integer(1));
        CompletableFuture<String> stage = client.get("k").toCompletableFuture();
        CompletionException error = assertThrows(CompletionException.class, stage::join);
        UnexpectedReplyException cause = assertInstanceOf(UnexpectedReplyException.class, error.getCause());
        assertEquals("GET", cause.command());
    }

    static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
