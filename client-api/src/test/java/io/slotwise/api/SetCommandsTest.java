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

import io.slotwise.CrossSlotException;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.resp.RespValue;
import io.slotwise.value.KeyValue;
import io.slotwise.value.ScanPage;
import io.slotwise.value.ScoredValue;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SetCommandsTest {

    static Stream<CommandCase> commands() {
        return Stream.of(
                expect("SADD k m", c -> c.sadd("k", "m")),
                expect("SADD k a b", c -> c.sadd("k", List.of("a", "b"))),
                expect("SREM k m", c -> c.srem("k", "m")),
                expect("SREM k a b", c -> c.srem("k", List.of("a", "b"))),
                expect("SMEMBERS k", c -> c.smembers("k")).readOnly(),
                expect("SISMEMBER k m", c -> c.sismember("k", "m")).readOnly(),
                expect("SMISMEMBER k a b", c -> c.smismember("k", List.of("a", "b")))
                        .readOnly(),
                expect("SCARD k", c -> c.scard("k")).readOnly(),
                expect("SPOP k", c -> c.spop("k")),
                expect("SPOP k 2", c -> c.spop("k", 2)),
                expect("SRANDMEMBER k", c -> c.srandmember("k")).readOnly(),
                expect("SRANDMEMBER k -3", c -> c.srandmember("k", -3)).readOnly(),
                expect("SINTER {t}a {t}b", c -> c.sinter(List.of("{t}a", "{t}b")))
                        .keys(1, 2)
                        .readOnly(),
                expect("SINTERSTORE {t}d {t}a {t}b", c -> c.sinterstore("{t}d", List.of("{t}a", "{t}b")))
                        .keys(1, 2, 3),
                expect("SUNION {t}a {t}b", c -> c.sunion(List.of("{t}a", "{t}b")))
                        .keys(1, 2)
                        .readOnly(),
                expect("SUNIONSTORE {t}d {t}a", c -> c.sunionstore("{t}d", List.of("{t}a")))
                        .keys(1, 2),
                expect("SDIFF {t}a {t}b", c -> c.sdiff(List.of("{t}a", "{t}b")))
                        .keys(1, 2)
                        .readOnly(),
                expect("SDIFFSTORE {t}d {t}a {t}b", c -> c.sdiffstore("{t}d", List.of("{t}a", "{t}b")))
                        .keys(1, 2, 3),
                expect("SMOVE {t}a {t}b m", c -> c.smove("{t}a", "{t}b", "m")).keys(1, 2),
                expect("SSCAN k 0", c -> c.sscan("k", "0")).readOnly(),
                expect(
                                "SSCAN k 7 MATCH a* COUNT 100",
                                c -> c.sscan(
                                        "k",
                                        "7",
                                        ScanArgs.builder()
                                                .count(100)
                                                .match("a*")
                                                .build()))
                        .readOnly());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void buildsTheExactCommand(CommandCase row) {
        row.verify();
    }

    static Stream<DecodeCase> replies() {
        return Stream.of(
                decodes("SADD", c -> c.sadd("k", "m"), integer(1), 1L),
                decodes("SMEMBERS RESP2", c -> c.smembers("k"), array(bulk("a"), bulk("b")), Set.of("a", "b")),
                decodes("SMEMBERS RESP3", c -> c.smembers("k"), new RespValue.Set(List.of(bulk("a"))), Set.of("a")),
                decodes("SMEMBERS of a missing key", c -> c.smembers("k"), new RespValue.Set(List.of()), Set.of()),
                decodes("SISMEMBER", c -> c.sismember("k", "m"), integer(0), false),
                decodes(
                        "SMISMEMBER",
                        c -> c.smismember("k", List.of("a", "b")),
                        array(integer(1), integer(0)),
                        List.of(true, false)),
                decodes("SPOP of a missing key", c -> c.spop("k"), nil(), null),
                decodes("SPOP count", c -> c.spop("k", 2), array(bulk("x"), bulk("y")), Set.of("x", "y")),
                decodes(
                        "SRANDMEMBER negative count repeats",
                        c -> c.srandmember("k", -2),
                        array(bulk("x"), bulk("x")),
                        List.of("x", "x")),
                decodes("SMOVE", c -> c.smove("{t}a", "{t}b", "m"), integer(1), true),
                decodes(
                        "SSCAN last page",
                        c -> c.sscan("k", "5"),
                        array(bulk("0"), array(bulk("m"))),
                        new ScanPage<>("0", List.of("m"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void decodesTheReply(DecodeCase row) {
        row.verify();
    }

    @Test
    void aFinishedScanSaysSoAndReplyValuesHideTheirContentInToString() {
        assertTrue(new ScanPage<>("0", List.of()).isFinished());
        assertEquals("ScanPage[cursor=9, elements=1]", new ScanPage<>("9", List.of("secret")).toString());
        assertEquals("KeyValue[key=f, value=(hidden)]", new KeyValue<>("f", "secret").toString());
        assertEquals(
                "ScoredValue[score=1.5, value=(hidden)]",
                ScoredValue.of(1.5, "secret").toString());
    }

    @Test
    void multiKeySetCommandsAcrossSlotsFailBeforeAnythingIsSent() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        assertThrows(CrossSlotException.class, () -> client.sinterstore("d", List.of("a", "b")));
        assertThrows(CrossSlotException.class, () -> client.sunion(List.of("a", "b")));
        assertThrows(CrossSlotException.class, () -> client.smove("a", "b", "m"));
        assertTrue(client.sent().isEmpty());
    }
}
