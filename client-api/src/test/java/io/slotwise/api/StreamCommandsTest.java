package io.slotwise.api;

import static io.slotwise.api.CommandCase.expect;
import static io.slotwise.api.StringCommandsTest.ordered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import io.slotwise.api.args.StreamBound;
import io.slotwise.api.args.StreamOffset;
import io.slotwise.api.args.StreamPosition;
import io.slotwise.api.args.StreamTrim;
import io.slotwise.api.args.XAddArgs;
import io.slotwise.api.args.XClaimArgs;
import io.slotwise.api.args.XGroupCreateArgs;
import io.slotwise.api.args.XPendingArgs;
import io.slotwise.api.args.XReadArgs;
import io.slotwise.value.StreamId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact commands the stream API builds, and what it refuses to build. Reply decoding: StreamRepliesTest. */
class StreamCommandsTest {

    private static final StreamId ID = StreamId.of(5, 1);
    private static final Duration MIN_IDLE = Duration.ofMillis(60_000);

    static Stream<CommandCase> commands() {
        StreamBound min = StreamBound.minimum();
        StreamBound max = StreamBound.maximum();
        return Stream.of(
                expect("XADD k * f v g w", c -> c.xadd("k", ordered("f", "v", "g", "w"))),
                expect("XADD k 5-1 f v", c -> c.xadd("k", XAddArgs.none().id(ID), Map.of("f", "v"))),
                expect(
                        "XADD k NOMKSTREAM MAXLEN ~ 1000 LIMIT 50 * f v",
                        c -> c.xadd(
                                "k",
                                XAddArgs.none()
                                        .noMkStream()
                                        .trim(StreamTrim.maxLen(1000)
                                                .approximately()
                                                .limit(50)),
                                Map.of("f", "v"))),
                expect(
                        "XADD k MINID = 5-1 * f v",
                        c -> c.xadd(
                                "k", XAddArgs.none().trim(StreamTrim.minId(ID).exactly()), Map.of("f", "v"))),
                expect(
                        "XADD k MAXLEN 0 * f v",
                        c -> c.xadd("k", XAddArgs.none().trim(StreamTrim.maxLen(0)), Map.of("f", "v"))),
                expect("XLEN k", c -> c.xlen("k")).readOnly(),
                expect("XRANGE k - +", c -> c.xrange("k", min, max)).readOnly(),
                expect(
                                "XRANGE k (5-1 18446744073709551615-18446744073709551615 COUNT 2",
                                c -> c.xrange("k", StreamBound.exclusive(ID), StreamBound.inclusive(StreamId.MAX), 2))
                        .readOnly(),
                expect("XREVRANGE k + -", c -> c.xrevrange("k", max, min)).readOnly(),
                expect("XREVRANGE k + 5-1 COUNT 0", c -> c.xrevrange("k", max, StreamBound.inclusive(ID), 0))
                        .readOnly(),
                expect("XDEL k 5-1 0-1", c -> c.xdel("k", List.of(ID, StreamId.of(0, 1)))),
                expect(
                        "XTRIM k MAXLEN = 10",
                        c -> c.xtrim("k", StreamTrim.maxLen(10).exactly())),
                expect(
                        "XTRIM k MINID ~ 5-1",
                        c -> c.xtrim("k", StreamTrim.minId(ID).approximately())),
                expect(
                                "XREAD STREAMS k 0-0",
                                c -> c.xread(
                                        XReadArgs.none(), List.of(offset("k", StreamPosition.after(StreamId.MIN)))))
                        .keys(2)
                        .readOnly(),
                expect(
                                "XREAD COUNT 10 BLOCK 1500 STREAMS {s}a {s}b 5-1 $",
                                c -> c.xread(
                                        XReadArgs.none().count(10).block(Duration.ofMillis(1500)),
                                        List.of(
                                                offset("{s}a", StreamPosition.after(ID)),
                                                offset("{s}b", StreamPosition.lastEntry()))))
                        .keys(6, 7)
                        .readOnly()
                        .blocking(),
                expect(
                                "XGROUP CREATE k g $",
                                c -> c.xgroupCreate("k", "g", StreamPosition.lastEntry(), XGroupCreateArgs.none()))
                        .keys(2),
                expect(
                                "XGROUP CREATE k g 0-0 MKSTREAM ENTRIESREAD 3",
                                c -> c.xgroupCreate(
                                        "k",
                                        "g",
                                        StreamPosition.after(StreamId.MIN),
                                        XGroupCreateArgs.none().mkStream().entriesRead(3)))
                        .keys(2),
                expect("XGROUP DESTROY k g", c -> c.xgroupDestroy("k", "g")).keys(2),
                expect("XGROUP CREATECONSUMER k g c", c -> c.xgroupCreateConsumer("k", "g", "c"))
                        .keys(2),
                expect("XGROUP DELCONSUMER k g c", c -> c.xgroupDelConsumer("k", "g", "c"))
                        .keys(2),
                expect("XGROUP SETID k g 5-1", c -> c.xgroupSetId("k", "g", StreamPosition.after(ID)))
                        .keys(2),
                expect("XGROUP SETID k g $ ENTRIESREAD 0", c -> c.xgroupSetId("k", "g", StreamPosition.lastEntry(), 0))
                        .keys(2),
                expect(
                                "XREADGROUP GROUP g c STREAMS k >",
                                c -> c.xreadgroup(
                                        "g", "c", XReadArgs.none(), List.of(offset("k", StreamPosition.undelivered()))))
                        .keys(5),
                expect(
                                "XREADGROUP GROUP g c COUNT 1 BLOCK 0 NOACK STREAMS {s}a {s}b > 0-0",
                                c -> c.xreadgroup(
                                        "g",
                                        "c",
                                        XReadArgs.none()
                                                .count(1)
                                                .block(Duration.ZERO)
                                                .noAck(),
                                        List.of(
                                                offset("{s}a", StreamPosition.undelivered()),
                                                offset("{s}b", StreamPosition.after(StreamId.MIN)))))
                        .keys(10, 11)
                        .blocking(),
                expect("XACK k g 5-1", c -> c.xack("k", "g", List.of(ID))),
                expect("XPENDING k g", c -> c.xpending("k", "g")).readOnly(),
                expect("XPENDING k g - + 10", c -> c.xpending("k", "g", XPendingArgs.range(min, max, 10)))
                        .readOnly(),
                expect(
                                "XPENDING k g IDLE 60000 (5-1 + 3 alice",
                                c -> c.xpending(
                                        "k",
                                        "g",
                                        XPendingArgs.range(StreamBound.exclusive(ID), max, 3)
                                                .idle(MIN_IDLE)
                                                .consumer("alice")))
                        .readOnly(),
                expect(
                        "XCLAIM k g c 60000 5-1",
                        c -> c.xclaim("k", "g", "c", MIN_IDLE, List.of(ID), XClaimArgs.none())),
                expect(
                        "XCLAIM k g c 0 5-1 0-1 IDLE 10 RETRYCOUNT 2 FORCE",
                        c -> c.xclaim(
                                "k",
                                "g",
                                "c",
                                Duration.ZERO,
                                List.of(ID, StreamId.of(0, 1)),
                                XClaimArgs.none()
                                        .idle(Duration.ofMillis(10))
                                        .retryCount(2)
                                        .force())),
                expect(
                        "XCLAIM k g c 60000 5-1 TIME 1000 JUSTID",
                        c -> c.xclaimJustId(
                                "k",
                                "g",
                                "c",
                                MIN_IDLE,
                                List.of(ID),
                                XClaimArgs.none().time(Instant.ofEpochMilli(1000)))),
                expect(
                        "XAUTOCLAIM k g c 60000 0-0 COUNT 25",
                        c -> c.xautoclaim("k", "g", "c", MIN_IDLE, StreamId.MIN, 25)),
                expect(
                        "XAUTOCLAIM k g c 60000 5-1 COUNT 1 JUSTID",
                        c -> c.xautoclaimJustId("k", "g", "c", MIN_IDLE, ID, 1)),
                expect("XINFO STREAM k", c -> c.xinfoStream("k")).keys(2).readOnly(),
                expect("XINFO GROUPS k", c -> c.xinfoGroups("k")).keys(2).readOnly(),
                expect("XINFO CONSUMERS k g", c -> c.xinfoConsumers("k", "g"))
                        .keys(2)
                        .readOnly());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void buildsTheExactCommand(CommandCase row) {
        row.verify();
    }

    @Test
    void blockingReadsCarryTheirTimeoutRoundedUpToWholeMilliseconds() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        List<StreamOffset<String>> latest = List.of(offset("k", StreamPosition.lastEntry()));
        client.xread(XReadArgs.none().block(Duration.ofNanos(1_500_000)), latest);
        client.xread(XReadArgs.none(), latest);
        client.xreadgroup(
                "g", "c", XReadArgs.none().block(Duration.ZERO), List.of(offset("k", StreamPosition.undelivered())));
        assertEquals(Optional.of(Duration.ofMillis(2)), client.sent().get(0).blockingTimeout());
        assertEquals("2", CommandCase.texts(client.sent().get(0)).get(2));
        assertEquals(Optional.empty(), client.sent().get(1).blockingTimeout());
        assertEquals(Optional.of(Duration.ZERO), client.sent().get(2).blockingTimeout());
    }

    static Stream<Refusal> refusals() {
        List<StreamOffset<String>> crossSlot =
                List.of(offset("a", StreamPosition.lastEntry()), offset("b", StreamPosition.lastEntry()));
        List<StreamOffset<String>> undelivered = List.of(offset("k", StreamPosition.undelivered()));
        List<StreamOffset<String>> last = List.of(offset("k", StreamPosition.lastEntry()));
        return Stream.of(
                new Refusal("XREAD across slots", CrossSlotException.class, c -> c.xread(XReadArgs.none(), crossSlot)),
                new Refusal(
                        "XREADGROUP across slots",
                        CrossSlotException.class,
                        c -> c.xreadgroup(
                                "g",
                                "c",
                                XReadArgs.none(),
                                List.of(
                                        offset("a", StreamPosition.undelivered()),
                                        offset("b", StreamPosition.undelivered())))),
                new Refusal(
                        "XREAD of no stream",
                        IllegalArgumentException.class,
                        c -> c.xread(XReadArgs.none(), List.of())),
                new Refusal(
                        "XREAD from >", IllegalArgumentException.class, c -> c.xread(XReadArgs.none(), undelivered)),
                new Refusal(
                        "XREAD NOACK",
                        IllegalArgumentException.class,
                        c -> c.xread(XReadArgs.none().noAck(), last)),
                new Refusal(
                        "XREADGROUP from $",
                        IllegalArgumentException.class,
                        c -> c.xreadgroup("g", "c", XReadArgs.none(), last)),
                new Refusal(
                        "XGROUP CREATE at >",
                        IllegalArgumentException.class,
                        c -> c.xgroupCreate("k", "g", StreamPosition.undelivered(), XGroupCreateArgs.none())),
                new Refusal(
                        "XGROUP SETID to >",
                        IllegalArgumentException.class,
                        c -> c.xgroupSetId("k", "g", StreamPosition.undelivered())),
                new Refusal(
                        "XGROUP SETID ENTRIESREAD -1",
                        IllegalArgumentException.class,
                        c -> c.xgroupSetId("k", "g", StreamPosition.lastEntry(), -1)),
                new Refusal("XDEL of no ID", IllegalArgumentException.class, c -> c.xdel("k", List.of())),
                new Refusal("XACK of no ID", IllegalArgumentException.class, c -> c.xack("k", "g", List.of())),
                new Refusal("XADD without fields", IllegalArgumentException.class, c -> c.xadd("k", Map.of())),
                new Refusal(
                        "XRANGE COUNT -1",
                        IllegalArgumentException.class,
                        c -> c.xrange("k", StreamBound.minimum(), StreamBound.maximum(), -1)),
                new Refusal(
                        "XCLAIM negative min-idle",
                        IllegalArgumentException.class,
                        c -> c.xclaim("k", "g", "c", Duration.ofMillis(-1), List.of(ID), XClaimArgs.none())),
                new Refusal(
                        "XAUTOCLAIM COUNT 0",
                        IllegalArgumentException.class,
                        c -> c.xautoclaim("k", "g", "c", MIN_IDLE, StreamId.MIN, 0)),
                new Refusal("XACK null group", NullPointerException.class, c -> c.xack("k", null, List.of(ID))),
                new Refusal(
                        "XAUTOCLAIM null start",
                        NullPointerException.class,
                        c -> c.xautoclaim("k", "g", "c", MIN_IDLE, null, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void invalidCallsFailBeforeAnythingIsSent(Refusal row) {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        assertThrows(row.error(), () -> row.call().accept(client));
        assertTrue(client.sent().isEmpty());
    }

    private static StreamOffset<String> offset(String stream, StreamPosition position) {
        return StreamOffset.of(stream, position);
    }

    /** A call that must throw before sending. */
    record Refusal(String name, Class<? extends Throwable> error, Consumer<AsyncCommands<String, String>> call) {
        @Override
        public String toString() {
            return name;
        }
    }
}
