package io.slotwise.api;

import static io.slotwise.api.CommandCase.expect;
import static io.slotwise.api.DecodeCase.array;
import static io.slotwise.api.DecodeCase.bulk;
import static io.slotwise.api.DecodeCase.decodes;
import static io.slotwise.api.DecodeCase.integer;
import static io.slotwise.api.DecodeCase.nil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.api.args.LexBound;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.api.args.ScoreBound;
import io.slotwise.api.args.ZAddOptions;
import io.slotwise.api.args.ZRangeQuery;
import io.slotwise.resp.RespValue;
import io.slotwise.value.ScanPage;
import io.slotwise.value.ScoredValue;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SortedSetCommandsTest {

    static Stream<CommandCase> commands() {
        ZRangeQuery byScore = ZRangeQuery.byScore(ScoreBound.inclusive(1), ScoreBound.exclusive(5));
        ZRangeQuery byLex = ZRangeQuery.byLex(LexBound.inclusive("a"), LexBound.exclusive("c"));
        return Stream.of(
                expect("ZADD k 1.5 m", c -> c.zadd("k", 1.5, "m")),
                expect("ZADD k 1 a 2 b", c -> c.zadd("k", List.of(ScoredValue.of(1, "a"), ScoredValue.of(2, "b")))),
                expect(
                        "ZADD k NX CH 1 a",
                        c -> c.zadd("k", ZAddOptions.builder().nx().ch().build(), List.of(ScoredValue.of(1, "a")))),
                expect(
                        "ZADD k XX GT CH -inf a",
                        c -> c.zadd(
                                "k",
                                ZAddOptions.builder().ch().gt().xx().build(),
                                List.of(ScoredValue.of(Double.NEGATIVE_INFINITY, "a")))),
                expect(
                        "ZADD k LT INCR 2 m",
                        c -> c.zaddIncr("k", ZAddOptions.builder().lt().build(), 2, "m")),
                expect("ZADD k INCR 0.5 m", c -> c.zaddIncr("k", ZAddOptions.none(), 0.5, "m")),
                expect("ZREM k m", c -> c.zrem("k", "m")),
                expect("ZREM k a b", c -> c.zrem("k", List.of("a", "b"))),
                expect("ZSCORE k m", c -> c.zscore("k", "m")).readOnly(),
                expect("ZMSCORE k a b", c -> c.zmscore("k", List.of("a", "b"))).readOnly(),
                expect("ZINCRBY k 2.5 m", c -> c.zincrby("k", 2.5, "m")),
                expect("ZCARD k", c -> c.zcard("k")).readOnly(),
                expect("ZCOUNT k (1 +inf", c -> c.zcount("k", ScoreBound.exclusive(1), ScoreBound.positiveInfinity()))
                        .readOnly(),
                expect("ZRANGE k 0 -1", c -> c.zrange("k", ZRangeQuery.byRank(0, -1)))
                        .readOnly(),
                expect(
                                "ZRANGE k 0 2 REV",
                                c -> c.zrange("k", ZRangeQuery.byRank(0, 2).reversed()))
                        .readOnly(),
                expect("ZRANGE k 1 (5 BYSCORE", c -> c.zrange("k", byScore)).readOnly(),
                expect(
                                "ZRANGE k (5 1 BYSCORE REV LIMIT 0 10",
                                c -> c.zrange("k", byScore.reversed().limit(0, 10)))
                        .readOnly(),
                expect("ZRANGE k [a (c BYLEX", c -> c.zrange("k", byLex)).readOnly(),
                expect(
                                "ZRANGE k + - BYLEX REV",
                                c -> c.zrange(
                                        "k",
                                        ZRangeQuery.byLex(LexBound.min(), LexBound.max())
                                                .reversed()))
                        .readOnly(),
                expect("ZRANGE k 0 -1 WITHSCORES", c -> c.zrangeWithScores("k", ZRangeQuery.byRank(0, -1)))
                        .readOnly(),
                expect(
                                "ZRANGE k -inf +inf BYSCORE LIMIT 5 -1 WITHSCORES",
                                c -> c.zrangeWithScores(
                                        "k",
                                        ZRangeQuery.byScore(
                                                        ScoreBound.negativeInfinity(), ScoreBound.positiveInfinity())
                                                .limit(5, -1)))
                        .readOnly(),
                expect("ZRANK k m", c -> c.zrank("k", "m")).readOnly(),
                expect("ZREVRANK k m", c -> c.zrevrank("k", "m")).readOnly(),
                expect("ZPOPMIN k", c -> c.zpopmin("k")),
                expect("ZPOPMIN k 2", c -> c.zpopmin("k", 2)),
                expect("ZPOPMAX k", c -> c.zpopmax("k")),
                expect("ZPOPMAX k 2", c -> c.zpopmax("k", 2)),
                expect(
                        "ZREMRANGEBYSCORE k -inf (0",
                        c -> c.zremrangebyscore("k", ScoreBound.negativeInfinity(), ScoreBound.exclusive(0))),
                expect("ZREMRANGEBYRANK k 0 1", c -> c.zremrangebyrank("k", 0, 1)),
                expect("ZSCAN k 0", c -> c.zscan("k", "0")).readOnly(),
                expect(
                                "ZSCAN k 3 COUNT 5",
                                c -> c.zscan(
                                        "k", "3", ScanArgs.builder().count(5).build()))
                        .readOnly());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void buildsTheExactCommand(CommandCase row) {
        row.verify();
    }

    static Stream<DecodeCase> replies() {
        List<ScoredValue<String>> ab = List.of(ScoredValue.of(1, "a"), ScoredValue.of(2.5, "b"));
        return Stream.of(
                decodes("ZADD", c -> c.zadd("k", 1, "m"), integer(1), 1L),
                decodes("ZADD INCR RESP2", c -> c.zaddIncr("k", ZAddOptions.none(), 1, "m"), bulk("3"), 3.0),
                decodes(
                        "ZADD INCR stopped by a condition",
                        c -> c.zaddIncr("k", ZAddOptions.builder().nx().build(), 1, "m"),
                        nil(),
                        null),
                decodes("ZSCORE RESP2", c -> c.zscore("k", "m"), bulk("1.5"), 1.5),
                decodes("ZSCORE RESP3", c -> c.zscore("k", "m"), new RespValue.Double(1.5), 1.5),
                decodes("ZSCORE of a non-member", c -> c.zscore("k", "m"), nil(), null),
                decodes(
                        "ZMSCORE with a non-member",
                        c -> c.zmscore("k", List.of("a", "b")),
                        array(bulk("1"), nil()),
                        Arrays.asList(1.0, null)),
                decodes("ZINCRBY RESP3", c -> c.zincrby("k", 1, "m"), new RespValue.Double(-2), -2.0),
                decodes(
                        "ZRANGE",
                        c -> c.zrange("k", ZRangeQuery.byRank(0, -1)),
                        array(bulk("a"), bulk("b")),
                        List.of("a", "b")),
                decodes(
                        "ZRANGE WITHSCORES RESP2",
                        c -> c.zrangeWithScores("k", ZRangeQuery.byRank(0, -1)),
                        array(bulk("a"), bulk("1"), bulk("b"), bulk("2.5")),
                        ab),
                decodes(
                        "ZRANGE WITHSCORES RESP3",
                        c -> c.zrangeWithScores("k", ZRangeQuery.byRank(0, -1)),
                        array(array(bulk("a"), new RespValue.Double(1)), array(bulk("b"), new RespValue.Double(2.5))),
                        ab),
                decodes("ZRANK of a non-member", c -> c.zrank("k", "m"), nil(), null),
                decodes("ZREVRANK", c -> c.zrevrank("k", "m"), integer(0), 0L),
                decodes("ZPOPMIN RESP2", c -> c.zpopmin("k"), array(bulk("a"), bulk("1")), ScoredValue.of(1, "a")),
                decodes(
                        "ZPOPMIN RESP3",
                        c -> c.zpopmin("k"),
                        array(bulk("a"), new RespValue.Double(1)),
                        ScoredValue.of(1, "a")),
                decodes("ZPOPMIN of an empty set", c -> c.zpopmin("k"), array(), null),
                decodes(
                        "ZPOPMAX count RESP3",
                        c -> c.zpopmax("k", 2),
                        array(array(bulk("b"), new RespValue.Double(2.5)), array(bulk("a"), new RespValue.Double(1))),
                        List.of(ScoredValue.of(2.5, "b"), ScoredValue.of(1, "a"))),
                decodes(
                        "ZSCAN",
                        c -> c.zscan("k", "0"),
                        array(bulk("0"), array(bulk("a"), bulk("1"))),
                        new ScanPage<>("0", List.of(ScoredValue.of(1, "a")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void decodesTheReply(DecodeCase row) {
        row.verify();
    }

    @Test
    void optionsThatRedisRejectsFailBeforeAnythingIsSent() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ZAddOptions.builder().nx().gt().build());
        assertThrows(
                IllegalStateException.class, () -> ZAddOptions.builder().nx().xx());
        assertThrows(
                IllegalStateException.class, () -> ZAddOptions.builder().gt().lt());
        assertThrows(
                IllegalArgumentException.class, () -> ZRangeQuery.byRank(0, 1).limit(0, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> ZRangeQuery.byScore(ScoreBound.inclusive(0), ScoreBound.inclusive(1))
                        .limit(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> ScoreBound.inclusive(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ScoredValue.of(Double.NaN, "m"));
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        assertThrows(IllegalArgumentException.class, () -> client.zadd("k", List.of()));
        // Redis: "ERR syntax error, WITHSCORES not supported in combination with BYLEX".
        assertThrows(
                IllegalArgumentException.class,
                () -> client.zrangeWithScores("k", ZRangeQuery.byLex(LexBound.min(), LexBound.max())));
        assertThrows(
                IllegalArgumentException.class,
                () -> client.zrangeWithScores(
                        "k", ZRangeQuery.byLex(LexBound.min(), LexBound.max()).reversed()));
        assertTrue(client.sent().isEmpty());
    }

    @Test
    void lexBoundsAreBinarySafe() {
        byte[] member = {(byte) 0xff, 0};
        assertArrayEquals(
                new byte[] {'[', (byte) 0xff, 0}, LexBound.inclusive(member).argument());
        assertArrayEquals(
                new byte[] {'(', (byte) 0xff, 0}, LexBound.exclusive(member).argument());
    }
}
