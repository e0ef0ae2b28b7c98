package io.slotwise.api;

import static io.slotwise.api.CommandCase.expect;
import static io.slotwise.api.DecodeCase.array;
import static io.slotwise.api.DecodeCase.bulk;
import static io.slotwise.api.DecodeCase.decodes;
import static io.slotwise.api.DecodeCase.integer;
import static io.slotwise.api.DecodeCase.nil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.api.args.ScanArgs;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.SlotHash;
import io.slotwise.value.KeyValue;
import io.slotwise.value.ScanPage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HashCommandsTest {

    static Stream<CommandCase> commands() {
        return Stream.of(
                expect("HSET k f v", c -> c.hset("k", "f", "v")),
                expect("HSET k f1 v1 f2 v2", c -> c.hset("k", StringCommandsTest.ordered("f1", "v1", "f2", "v2"))),
                expect("HSETNX k f v", c -> c.hsetnx("k", "f", "v")),
                expect("HGET k f", c -> c.hget("k", "f")).readOnly(),
                expect("HMGET k f1 f2", c -> c.hmget("k", List.of("f1", "f2"))).readOnly(),
                expect("HGETALL k", c -> c.hgetall("k")).readOnly(),
                expect("HDEL k f", c -> c.hdel("k", "f")),
                expect("HDEL k f1 f2", c -> c.hdel("k", List.of("f1", "f2"))),
                expect("HEXISTS k f", c -> c.hexists("k", "f")).readOnly(),
                expect("HINCRBY k f -2", c -> c.hincrby("k", "f", -2)),
                expect("HINCRBYFLOAT k f 1.25", c -> c.hincrbyfloat("k", "f", 1.25)),
                expect("HLEN k", c -> c.hlen("k")).readOnly(),
                expect("HKEYS k", c -> c.hkeys("k")).readOnly(),
                expect("HVALS k", c -> c.hvals("k")).readOnly(),
                expect("HSTRLEN k f", c -> c.hstrlen("k", "f")).readOnly(),
                expect("HSCAN k 0", c -> c.hscan("k", ScanPage.INITIAL_CURSOR)).readOnly(),
                expect(
                                "HSCAN k 42 MATCH f* COUNT 10",
                                c -> c.hscan(
                                        "k",
                                        "42",
                                        ScanArgs.builder().match("f*").count(10).build()))
                        .readOnly());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void buildsTheExactCommand(CommandCase row) {
        row.verify();
    }

    static Stream<DecodeCase> replies() {
        Map<String, String> fields = StringCommandsTest.ordered("f1", "v1", "f2", "v2");
        return Stream.of(
                decodes("HSET", c -> c.hset("k", "f", "v"), integer(1), 1L),
                decodes("HGET miss", c -> c.hget("k", "f"), nil(), null),
                decodes(
                        "HMGET with a miss",
                        c -> c.hmget("k", List.of("a", "b")),
                        array(nil(), bulk("2")),
                        Arrays.asList(null, "2")),
                decodes(
                        "HGETALL RESP2",
                        c -> c.hgetall("k"),
                        array(bulk("f1"), bulk("v1"), bulk("f2"), bulk("v2")),
                        fields),
                decodes(
                        "HGETALL RESP3",
                        c -> c.hgetall("k"),
                        new RespValue.Map(List.of(
                                new RespValue.Map.Entry(bulk("f1"), bulk("v1")),
                                new RespValue.Map.Entry(bulk("f2"), bulk("v2")))),
                        fields),
                decodes("HGETALL of a missing key", c -> c.hgetall("k"), array(), Map.of()),
                decodes("HEXISTS", c -> c.hexists("k", "f"), integer(1), true),
                decodes("HINCRBYFLOAT", c -> c.hincrbyfloat("k", "f", 1), bulk("3.75"), 3.75),
                decodes("HKEYS", c -> c.hkeys("k"), array(bulk("f1")), List.of("f1")),
                decodes(
                        "HSCAN",
                        c -> c.hscan("k", "0"),
                        array(bulk("12"), array(bulk("f"), bulk("v"))),
                        new ScanPage<>("12", List.of(new KeyValue<>("f", "v")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void decodesTheReply(DecodeCase row) {
        row.verify();
    }

    @Test
    void hashScansRejectTheTypeFilter() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        assertThrows(
                IllegalArgumentException.class,
                () -> client.hscan("k", "0", ScanArgs.builder().type("hash").build()));
        assertThrows(IllegalArgumentException.class, () -> ScanArgs.builder().count(0));
        assertTrue(client.sent().isEmpty());
    }

    @Test
    void fieldsAreNotRoutingKeys() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        // Field "b" hashes elsewhere than key "a": still one slot, the key's.
        client.hmget("a", List.of("b", "c"));
        assertEquals(
                SlotHash.slot("a".getBytes(StandardCharsets.UTF_8)),
                client.onlySent().slot().orElseThrow());
    }
}
