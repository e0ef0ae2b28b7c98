package io.slotwise.api;

import static io.slotwise.api.DecodeCase.array;
import static io.slotwise.api.DecodeCase.bulk;
import static io.slotwise.api.DecodeCase.decodes;
import static io.slotwise.api.DecodeCase.integer;
import static io.slotwise.api.DecodeCase.nil;
import static io.slotwise.api.StringCommandsTest.ordered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.UnexpectedReplyException;
import io.slotwise.api.args.StreamBound;
import io.slotwise.api.args.StreamOffset;
import io.slotwise.api.args.StreamPosition;
import io.slotwise.api.args.XAddArgs;
import io.slotwise.api.args.XClaimArgs;
import io.slotwise.api.args.XPendingArgs;
import io.slotwise.api.args.XReadArgs;
import io.slotwise.resp.RespValue;
import io.slotwise.value.StreamAutoClaim;
import io.slotwise.value.StreamConsumerInfo;
import io.slotwise.value.StreamEntry;
import io.slotwise.value.StreamGroupInfo;
import io.slotwise.value.StreamId;
import io.slotwise.value.StreamInfo;
import io.slotwise.value.StreamPendingEntry;
import io.slotwise.value.StreamPendingSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Stream replies decode alike from the RESP2 and RESP3 shapes a Redis 7.0 server sends. */
class StreamRepliesTest {

    private static final Duration IDLE = Duration.ofMinutes(1);
    private static final List<StreamOffset<String>> READ_K =
            List.of(StreamOffset.of("k", StreamPosition.after(StreamId.MIN)));
    private static final List<StreamOffset<String>> GROUP_READ_K =
            List.of(StreamOffset.of("k", StreamPosition.undelivered()));

    static Stream<DecodeCase> replies() {
        Function<AsyncCommands<String, String>, CompletionStage<?>> xread = c -> c.xread(XReadArgs.none(), READ_K);
        Function<AsyncCommands<String, String>, CompletionStage<?>> xreadgroup =
                c -> c.xreadgroup("g", "alice", XReadArgs.none(), GROUP_READ_K);
        Function<AsyncCommands<String, String>, CompletionStage<?>> xinfoGroups = c -> c.xinfoGroups("k");
        Function<AsyncCommands<String, String>, CompletionStage<?>> xinfoConsumers = c -> c.xinfoConsumers("k", "g");
        return Stream.of(
                decodes("XADD", c -> c.xadd("k", Map.of("f", "v")), bulk("1-1"), StreamId.of(1, 1)),
                decodes(
                        "XADD NOMKSTREAM on a missing stream",
                        c -> c.xadd("k", XAddArgs.none().noMkStream(), Map.of("f", "v")),
                        nil(),
                        null),
                decodes("XLEN", c -> c.xlen("k"), integer(3), 3L),
                decodes(
                        "XRANGE",
                        c -> c.xrange("k", StreamBound.minimum(), StreamBound.maximum()),
                        array(entry1(), entry2()),
                        List.of(expected1(), expected2())),
                decodes(
                        "XRANGE of a missing stream",
                        c -> c.xrange("k", StreamBound.minimum(), StreamBound.maximum()),
                        array(),
                        List.of()),
                decodes(
                        "XREAD RESP2",
                        xread,
                        array(array(bulk("k"), array(entry1(), entry2()))),
                        Map.of("k", List.of(expected1(), expected2()))),
                decodes(
                        "XREAD RESP3",
                        xread,
                        map(bulk("k"), array(entry1(), entry2())),
                        Map.of("k", List.of(expected1(), expected2()))),
                decodes("XREAD timeout (RESP2 null array, RESP3 null)", xread, nil(), Map.of()),
                decodes(
                        "XREADGROUP history with a deleted entry",
                        xreadgroup,
                        map(bulk("k"), array(array(bulk("1-1"), nil()))),
                        Map.of("k", List.of(new StreamEntry<>(StreamId.of(1, 1), Map.of())))),
                decodes(
                        "XPENDING summary",
                        c -> c.xpending("k", "g"),
                        array(
                                integer(3),
                                bulk("1-1"),
                                bulk("9-0"),
                                array(array(bulk("alice"), bulk("2")), array(bulk("bob"), bulk("1")))),
                        new StreamPendingSummary(
                                3, StreamId.of(1, 1), StreamId.of(9, 0), Map.of("alice", 2L, "bob", 1L))),
                decodes(
                        "XPENDING summary of an empty group",
                        c -> c.xpending("k", "g"),
                        array(integer(0), nil(), nil(), nil()),
                        new StreamPendingSummary(0, null, null, Map.of())),
                decodes(
                        "XPENDING extended",
                        c -> c.xpending("k", "g", XPendingArgs.range(StreamBound.minimum(), StreamBound.maximum(), 10)),
                        array(array(bulk("1-1"), bulk("alice"), integer(23), integer(1))),
                        List.of(new StreamPendingEntry(StreamId.of(1, 1), "alice", Duration.ofMillis(23), 1))),
                decodes(
                        "XCLAIM",
                        c -> c.xclaim("k", "g", "bob", IDLE, List.of(StreamId.of(1, 1)), XClaimArgs.none()),
                        array(entry1()),
                        List.of(expected1())),
                decodes(
                        "XCLAIM of a deleted entry before Redis 7",
                        c -> c.xclaim("k", "g", "bob", IDLE, List.of(StreamId.of(1, 1)), XClaimArgs.none()),
                        array(nil(), entry2()),
                        List.of(expected2())),
                decodes(
                        "XCLAIM JUSTID",
                        c -> c.xclaimJustId("k", "g", "bob", IDLE, List.of(StreamId.of(1, 1)), XClaimArgs.none()),
                        array(bulk("1-1")),
                        List.of(StreamId.of(1, 1))),
                decodes(
                        "XAUTOCLAIM",
                        c -> c.xautoclaim("k", "g", "carol", IDLE, StreamId.MIN, 1),
                        array(bulk("2-0"), array(entry1()), array(bulk("1-5"))),
                        new StreamAutoClaim<>(StreamId.of(2, 0), List.of(expected1()), List.of(StreamId.of(1, 5)))),
                decodes(
                        "XAUTOCLAIM JUSTID, Redis 6.2 shape without deleted IDs",
                        c -> c.xautoclaimJustId("k", "g", "carol", IDLE, StreamId.MIN, 1),
                        array(bulk("0-0"), array(bulk("1-1"))),
                        new StreamAutoClaim<>(StreamId.MIN, List.of(StreamId.of(1, 1)), List.of())),
                decodes("XINFO GROUPS RESP2", xinfoGroups, array(flat(groupFields())), List.of(expectedGroup())),
                decodes("XINFO GROUPS RESP3", xinfoGroups, array(map(groupFields())), List.of(expectedGroup())),
                decodes(
                        "XINFO GROUPS with unknown lag",
                        xinfoGroups,
                        array(map(
                                bulk("name"),
                                bulk("g"),
                                bulk("consumers"),
                                integer(0),
                                bulk("pending"),
                                integer(0),
                                bulk("last-delivered-id"),
                                bulk("0-0"),
                                bulk("entries-read"),
                                nil(),
                                bulk("lag"),
                                nil())),
                        List.of(new StreamGroupInfo("g", 0, 0, StreamId.MIN, null, null))),
                decodes(
                        "XINFO CONSUMERS RESP2",
                        xinfoConsumers,
                        array(flat(consumerFields())),
                        List.of(expectedConsumer())),
                decodes(
                        "XINFO CONSUMERS RESP3",
                        xinfoConsumers,
                        array(map(consumerFields())),
                        List.of(expectedConsumer())),
                decodes("XINFO STREAM RESP2", c -> c.xinfoStream("k"), flat(streamFields()), expectedStream()),
                decodes("XINFO STREAM RESP3", c -> c.xinfoStream("k"), map(streamFields()), expectedStream()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void decodesTheReply(DecodeCase row) {
        row.verify();
    }

    @Test
    void entryFieldsKeepTheServersOrder() {
        RecordingCommands<String, String> client = RecordingCommands.utf8()
                .replyWith(array(
                        array(bulk("1-1"), array(bulk("z"), bulk("1"), bulk("a"), bulk("2"), bulk("m"), bulk("3")))));
        List<StreamEntry<String, String>> entries = client.xrange("k", StreamBound.minimum(), StreamBound.maximum())
                .toCompletableFuture()
                .join();
        assertEquals(
                List.of("z", "a", "m"), new ArrayList<>(entries.get(0).fields().keySet()));
    }

    @Test
    void readRepliesKeepTheOrderOfStreams() {
        RecordingCommands<String, String> client =
                RecordingCommands.utf8().replyWith(map(bulk("{s}b"), array(entry2()), bulk("{s}a"), array(entry1())));
        Map<String, List<StreamEntry<String, String>>> read = client.xread(
                        XReadArgs.none(),
                        List.of(
                                StreamOffset.of("{s}a", StreamPosition.lastEntry()),
                                StreamOffset.of("{s}b", StreamPosition.lastEntry())))
                .toCompletableFuture()
                .join();
        assertEquals(List.of("{s}b", "{s}a"), new ArrayList<>(read.keySet()));
    }

    static Stream<RespValue> malformed() {
        return Stream.of(
                bulk("not-an-id"),
                array(array(bulk("1-1"))),
                array(array(bulk("1-1"), array(bulk("odd")))),
                array(array(bulk("1-1"), array(bulk("f"), nil()))),
                array(array(nil(), array(bulk("f"), bulk("v")))),
                integer(1));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedEntriesFailTheStageWithUnexpectedReply(RespValue reply) {
        RecordingCommands<String, String> client = RecordingCommands.utf8().replyWith(reply);
        CompletionException failure = assertThrows(
                CompletionException.class,
                () -> client.xrange("k", StreamBound.minimum(), StreamBound.maximum())
                        .toCompletableFuture()
                        .join());
        assertTrue(
                failure.getCause() instanceof UnexpectedReplyException,
                failure.getCause().toString());
    }

    @Test
    void pendingSummaryWithOnlyOneBoundFailsTheStage() {
        RecordingCommands<String, String> client =
                RecordingCommands.utf8().replyWith(array(integer(1), bulk("1-1"), nil(), array()));
        CompletionException failure = assertThrows(
                CompletionException.class,
                () -> client.xpending("k", "g").toCompletableFuture().join());
        assertTrue(failure.getCause() instanceof UnexpectedReplyException);
    }

    @Test
    void xinfoStreamWithoutARequiredFieldFailsTheStage() {
        RecordingCommands<String, String> client = RecordingCommands.utf8().replyWith(map(bulk("length"), integer(1)));
        CompletionException failure = assertThrows(
                CompletionException.class,
                () -> client.xinfoStream("k").toCompletableFuture().join());
        assertTrue(failure.getCause() instanceof UnexpectedReplyException);
    }

    private static RespValue entry1() {
        return array(bulk("1-1"), array(bulk("a"), bulk("1"), bulk("b"), bulk("2")));
    }

    private static RespValue entry2() {
        return array(bulk("2-0"), array(bulk("c"), bulk("3")));
    }

    private static StreamEntry<String, String> expected1() {
        return new StreamEntry<>(StreamId.of(1, 1), ordered("a", "1", "b", "2"));
    }

    private static StreamEntry<String, String> expected2() {
        return new StreamEntry<>(StreamId.of(2, 0), ordered("c", "3"));
    }

    private static RespValue[] groupFields() {
        return new RespValue[] {
            bulk("name"), bulk("g"), bulk("consumers"), integer(3), bulk("pending"), integer(2),
            bulk("last-delivered-id"), bulk("2-0"), bulk("entries-read"), integer(2), bulk("lag"), integer(1)
        };
    }

    private static StreamGroupInfo expectedGroup() {
        return new StreamGroupInfo("g", 3, 2, StreamId.of(2, 0), 2L, 1L);
    }

    private static RespValue[] consumerFields() {
        return new RespValue[] {bulk("name"), bulk("alice"), bulk("pending"), integer(1), bulk("idle"), integer(23)};
    }

    private static StreamConsumerInfo expectedConsumer() {
        return new StreamConsumerInfo("alice", 1, Duration.ofMillis(23), null);
    }

    private static RespValue[] streamFields() {
        return new RespValue[] {
            bulk("length"), integer(2),
            bulk("radix-tree-keys"), integer(1),
            bulk("radix-tree-nodes"), integer(2),
            bulk("last-generated-id"), bulk("2-0"),
            bulk("max-deleted-entry-id"), bulk("0-0"),
            bulk("entries-added"), integer(2),
            bulk("recorded-first-entry-id"), bulk("1-1"),
            bulk("groups"), integer(1),
            bulk("first-entry"), entry1(),
            bulk("last-entry"), entry2(),
            bulk("a-field-of-a-newer-server"), integer(7)
        };
    }

    private static StreamInfo<String, String> expectedStream() {
        return new StreamInfo<>(
                2, 1, 2, StreamId.of(2, 0), StreamId.MIN, 2L, StreamId.of(1, 1), 1, expected1(), expected2());
    }

    /** A RESP2 reply of named fields: a flat array. */
    private static RespValue flat(RespValue... namesAndValues) {
        return array(namesAndValues);
    }

    /** A RESP3 map of alternating keys and values. */
    private static RespValue map(RespValue... keysAndValues) {
        List<RespValue.Map.Entry> entries = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.add(new RespValue.Map.Entry(keysAndValues[i], keysAndValues[i + 1]));
        }
        return new RespValue.Map(entries);
    }
}
