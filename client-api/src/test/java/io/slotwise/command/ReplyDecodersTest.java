package io.slotwise.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.UnexpectedReplyException;
import io.slotwise.codec.RedisCodec;
import io.slotwise.resp.RespValue;
import io.slotwise.value.KeyValue;
import io.slotwise.value.ScanPage;
import io.slotwise.value.ScoredValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplyDecodersTest {

    private static final RedisCodec<String, String> UTF8 = RedisCodec.utf8();
    private static final RespValue NULL = RespValue.Null.INSTANCE;

    static Stream<Arguments> accepted() {
        ReplyDecoder<String> value = ReplyDecoders.value(UTF8);
        return Stream.of(
                // name, decoder, reply, expected
                of("value from bulk", value, bulk("v"), "v"),
                of("value from null", value, NULL, null),
                of("key from bulk", ReplyDecoders.key(UTF8), bulk("k"), "k"),
                of("key from null", ReplyDecoders.key(UTF8), NULL, null),
                of("text from simple string", ReplyDecoders.text(), new RespValue.SimpleString("PONG"), "PONG"),
                of("text from bulk", ReplyDecoders.text(), bulk("# Server"), "# Server"),
                of(
                        "text from RESP3 verbatim",
                        ReplyDecoders.text(),
                        new RespValue.Verbatim("txt", "# Server"),
                        "# Server"),
                of("ok", ReplyDecoders.ok(), RespValue.SimpleString.OK, "OK"),
                of("okOrNull from OK", ReplyDecoders.okOrNull(), RespValue.SimpleString.OK, "OK"),
                of("okOrNull from null (SET NX not set)", ReplyDecoders.okOrNull(), NULL, null),
                of("integer", ReplyDecoders.integer(), new RespValue.Int(-3), -3L),
                of("integerOrNull from null", ReplyDecoders.integerOrNull(), NULL, null),
                of("bool from 1", ReplyDecoders.bool(), new RespValue.Int(1), true),
                of("bool from 0", ReplyDecoders.bool(), new RespValue.Int(0), false),
                of("bool from RESP3 boolean", ReplyDecoders.bool(), new RespValue.Boolean(true), true),
                of("double from RESP2 bulk", ReplyDecoders.doubleValue(), bulk("2.5"), 2.5),
                of("double from RESP2 bulk inf", ReplyDecoders.doubleValue(), bulk("inf"), Double.POSITIVE_INFINITY),
                of("double from RESP3 double", ReplyDecoders.doubleValue(), new RespValue.Double(-1.25), -1.25),
                of("double from null", ReplyDecoders.doubleValue(), NULL, null),
                of(
                        "time",
                        ReplyDecoders.time(),
                        array(bulk("1700000000"), bulk("123456")),
                        Instant.ofEpochSecond(1_700_000_000L, 123_456_000L)),
                of("list with nulls", ReplyDecoders.list(value), array(bulk("a"), NULL), Arrays.asList("a", null)),
                of("list from null", ReplyDecoders.list(value), NULL, List.of()),
                of(
                        "list from RESP3 set",
                        ReplyDecoders.list(value),
                        new RespValue.Set(List.of(bulk("x"))),
                        List.of("x")),
                of(
                        "set from RESP2 array",
                        ReplyDecoders.set(value),
                        array(bulk("a"), bulk("b"), bulk("a")),
                        Set.of("a", "b")),
                of("set from RESP3 set", ReplyDecoders.set(value), new RespValue.Set(List.of(bulk("a"))), Set.of("a")),
                of(
                        "map from RESP2 flat array",
                        ReplyDecoders.map(ReplyDecoders.key(UTF8), value),
                        array(bulk("f1"), bulk("v1"), bulk("f2"), bulk("v2")),
                        orderedMap("f1", "v1", "f2", "v2")),
                of(
                        "map from RESP3 map",
                        ReplyDecoders.map(ReplyDecoders.key(UTF8), value),
                        new RespValue.Map(List.of(new RespValue.Map.Entry(bulk("f1"), bulk("v1")))),
                        Map.of("f1", "v1")),
                of("map from null", ReplyDecoders.map(ReplyDecoders.key(UTF8), value), NULL, Map.of()),
                of(
                        "keyValue (BLPOP)",
                        ReplyDecoders.keyValue(ReplyDecoders.key(UTF8), value),
                        array(bulk("list"), bulk("e")),
                        new KeyValue<>("list", "e")),
                of("keyValue timeout", ReplyDecoders.keyValue(ReplyDecoders.key(UTF8), value), NULL, null),
                of(
                        "keyValues (HSCAN)",
                        ReplyDecoders.keyValues(ReplyDecoders.key(UTF8), value),
                        array(bulk("f"), bulk("v"), bulk("f"), bulk("w")),
                        List.of(new KeyValue<>("f", "v"), new KeyValue<>("f", "w"))),
                of(
                        "scored values RESP2 flat",
                        ReplyDecoders.scoredValues(value),
                        array(bulk("a"), bulk("1"), bulk("b"), bulk("2.5")),
                        List.of(ScoredValue.of(1, "a"), ScoredValue.of(2.5, "b"))),
                of(
                        "scored values RESP3 nested",
                        ReplyDecoders.scoredValues(value),
                        array(array(bulk("a"), new RespValue.Double(1)), array(bulk("b"), new RespValue.Double(2.5))),
                        List.of(ScoredValue.of(1, "a"), ScoredValue.of(2.5, "b"))),
                of("scored values empty", ReplyDecoders.scoredValues(value), array(), List.of()),
                of(
                        "scored value ZPOPMIN flat",
                        ReplyDecoders.scoredValue(value),
                        array(bulk("a"), new RespValue.Double(-inf())),
                        ScoredValue.of(-inf(), "a")),
                of(
                        "scored value ZPOPMIN nested",
                        ReplyDecoders.scoredValue(value),
                        array(array(bulk("a"), bulk("3"))),
                        ScoredValue.of(3, "a")),
                of("scored value ZPOPMIN empty", ReplyDecoders.scoredValue(value), array(), null),
                of(
                        "scan page",
                        ReplyDecoders.scanPage(ReplyDecoders.list(value)),
                        array(bulk("17"), array(bulk("m"))),
                        new ScanPage<>("17", List.of("m"))),
                of(
                        "attributes are ignored",
                        ReplyDecoders.integer(),
                        new RespValue.Attributed(new RespValue.Map(List.of()), new RespValue.Int(9)),
                        9L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void decodesEveryAcceptedReplyForm(String name, ReplyDecoder<?> decoder, RespValue reply, Object expected) {
        assertEquals(expected, decoder.decode(reply));
    }

    static Stream<Arguments> rejected() {
        ReplyDecoder<String> value = ReplyDecoders.value(UTF8);
        return Stream.of(
                Arguments.of("value given an integer", value, new RespValue.Int(1)),
                Arguments.of("value given an array", value, array(bulk("a"))),
                Arguments.of("ok given another status", ReplyDecoders.ok(), new RespValue.SimpleString("QUEUED")),
                Arguments.of("ok given null", ReplyDecoders.ok(), NULL),
                Arguments.of("integer given a bulk", ReplyDecoders.integer(), bulk("12")),
                Arguments.of("integer given null", ReplyDecoders.integer(), NULL),
                Arguments.of("bool given 2", ReplyDecoders.bool(), new RespValue.Int(2)),
                Arguments.of("double given garbage", ReplyDecoders.doubleValue(), bulk("abc")),
                Arguments.of("double given an array", ReplyDecoders.doubleValue(), array()),
                Arguments.of("text given an integer", ReplyDecoders.text(), new RespValue.Int(1)),
                Arguments.of("list given a bulk", ReplyDecoders.list(value), bulk("a")),
                Arguments.of("list element of the wrong type", ReplyDecoders.list(value), array(new RespValue.Int(1))),
                Arguments.of("map given an odd array", ReplyDecoders.map(value, value), array(bulk("a"))),
                Arguments.of("map with a null key", ReplyDecoders.map(value, value), array(NULL, bulk("a"))),
                Arguments.of(
                        "scored values with a bad score",
                        ReplyDecoders.scoredValues(value),
                        array(bulk("a"), bulk("x"))),
                Arguments.of(
                        "scored values with a null member", ReplyDecoders.scoredValues(value), array(NULL, bulk("1"))),
                Arguments.of(
                        "scored value with two pairs",
                        ReplyDecoders.scoredValue(value),
                        array(bulk("a"), bulk("1"), bulk("b"), bulk("2"))),
                Arguments.of(
                        "keyValue of three elements",
                        ReplyDecoders.keyValue(value, value),
                        array(bulk("a"), bulk("b"), bulk("c"))),
                Arguments.of(
                        "scan page without elements",
                        ReplyDecoders.scanPage(ReplyDecoders.list(value)),
                        array(bulk("0"))),
                Arguments.of("time of one element", ReplyDecoders.time(), array(bulk("1"))),
                Arguments.of("push is never a reply", ReplyDecoders.text(), new RespValue.Push("message", List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void aReplyOfTheWrongTypeFailsWithUnexpectedReplyNotClassCast(
            String name, ReplyDecoder<?> decoder, RespValue reply) {
        UnexpectedReplyException error = assertThrows(UnexpectedReplyException.class, () -> decoder.decode(reply));
        assertTrue(error.getMessage().startsWith("expected "), error.getMessage());
    }

    @Test
    void errorMessagesDescribeTheReplyTypeButNotItsContent() {
        UnexpectedReplyException error = assertThrows(
                UnexpectedReplyException.class, () -> ReplyDecoders.integer().decode(bulk("s3cret-token")));
        assertEquals("expected an integer but the reply was a bulk string (12 bytes)", error.getMessage());
        assertEquals("an integer", error.expected());
        assertEquals("a bulk string (12 bytes)", error.actual());
    }

    @Test
    void bytesAreCopiedOutOfTheReply() {
        RespValue.Bulk reply = RespValue.Bulk.of("dump");
        byte[] decoded = ReplyDecoders.bytes().decode(reply);
        decoded[0] = 'X';
        assertArrayEquals("dump".getBytes(StandardCharsets.UTF_8), reply.bytes());
    }

    @Test
    void decodedCollectionsAreUnmodifiable() {
        List<String> list = ReplyDecoders.list(ReplyDecoders.text()).decode(array(bulk("a")));
        assertThrows(UnsupportedOperationException.class, () -> list.add("b"));
        Map<String, String> map =
                ReplyDecoders.map(ReplyDecoders.text(), ReplyDecoders.text()).decode(array(bulk("a"), bulk("b")));
        assertThrows(UnsupportedOperationException.class, () -> map.put("c", "d"));
    }

    @Test
    void andThenMapsTheDecodedValue() {
        assertEquals(4, ReplyDecoders.text().andThen(String::length).decode(bulk("four")));
    }

    private static Arguments of(String name, ReplyDecoder<?> decoder, RespValue reply, Object expected) {
        return Arguments.of(name, decoder, reply, expected);
    }

    static RespValue.Bulk bulk(String text) {
        return RespValue.Bulk.of(text);
    }

    static RespValue array(RespValue... elements) {
        return new RespValue.Array(new ArrayList<>(List.of(elements)));
    }

    private static double inf() {
        return Double.POSITIVE_INFINITY;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
