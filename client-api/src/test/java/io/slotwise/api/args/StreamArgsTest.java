package io.slotwise.api.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotwise.value.StreamId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The stream option values: the tokens they contribute, and the combinations Redis rejects, refused when built. */
class StreamArgsTest {

    @Test
    void optionsContributeTheirTokensInRedisOrder() {
        assertEquals("MAXLEN 5", text(StreamTrim.maxLen(5).arguments()));
        assertEquals("MAXLEN = 5", text(StreamTrim.maxLen(5).exactly().arguments()));
        assertEquals(
                "MINID ~ 1-2 LIMIT 0",
                text(StreamTrim.minId(StreamId.of(1, 2))
                        .approximately()
                        .limit(0)
                        .arguments()));
        assertEquals("*", text(XAddArgs.none().arguments()));
        assertEquals(
                "NOMKSTREAM 9-9",
                text(XAddArgs.none().id(StreamId.of(9, 9)).noMkStream().arguments()));
        assertEquals("", text(XReadArgs.none().arguments()));
        assertEquals(
                "COUNT 3 BLOCK 0 NOACK",
                text(XReadArgs.none().noAck().block(Duration.ZERO).count(3).arguments()));
        assertEquals("", text(XClaimArgs.none().arguments()));
        assertEquals(
                "TIME 7 RETRYCOUNT 0 FORCE",
                text(XClaimArgs.none()
                        .force()
                        .retryCount(0)
                        .time(Instant.ofEpochMilli(7))
                        .arguments()));
        assertEquals(
                "MKSTREAM ENTRIESREAD 0",
                text(XGroupCreateArgs.none().entriesRead(0).mkStream().arguments()));
        assertEquals(
                "- + 0",
                text(XPendingArgs.range(StreamBound.minimum(), StreamBound.maximum(), 0)
                        .arguments()));
        assertEquals("(0-0", new String(StreamBound.exclusive(StreamId.MIN).argument(), StandardCharsets.UTF_8));
        assertEquals(">", StreamPosition.undelivered().toString());
        assertEquals("$", StreamPosition.lastEntry().toString());
        assertEquals("3-4", StreamPosition.after(StreamId.of(3, 4)).toString());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("MAXLEN -1", IllegalArgumentException.class, () -> StreamTrim.maxLen(-1)),
                refusal(
                        "LIMIT with exact trimming",
                        IllegalStateException.class,
                        () -> StreamTrim.maxLen(1).limit(10)),
                refusal(
                        "exact after LIMIT",
                        IllegalStateException.class,
                        () -> StreamTrim.maxLen(1).approximately().limit(10).exactly()),
                refusal(
                        "LIMIT -1",
                        IllegalArgumentException.class,
                        () -> StreamTrim.maxLen(1).approximately().limit(-1)),
                refusal(
                        "XADD ID 0-0",
                        IllegalArgumentException.class,
                        () -> XAddArgs.none().id(StreamId.MIN)),
                refusal(
                        "COUNT 0",
                        IllegalArgumentException.class,
                        () -> XReadArgs.none().count(0)),
                refusal(
                        "negative BLOCK",
                        IllegalArgumentException.class,
                        () -> XReadArgs.none().block(Duration.ofMillis(-1))),
                refusal(
                        "negative XPENDING count",
                        IllegalArgumentException.class,
                        () -> XPendingArgs.range(StreamBound.minimum(), StreamBound.maximum(), -1)),
                refusal(
                        "IDLE and TIME",
                        IllegalStateException.class,
                        () -> XClaimArgs.none().idle(Duration.ZERO).time(Instant.EPOCH)),
                refusal(
                        "TIME before the epoch",
                        IllegalArgumentException.class,
                        () -> XClaimArgs.none().time(Instant.EPOCH.minusMillis(1))),
                refusal(
                        "negative RETRYCOUNT",
                        IllegalArgumentException.class,
                        () -> XClaimArgs.none().retryCount(-1)),
                refusal(
                        "negative ENTRIESREAD",
                        IllegalArgumentException.class,
                        () -> XGroupCreateArgs.none().entriesRead(-1)),
                refusal(
                        "null stream",
                        NullPointerException.class,
                        () -> StreamOffset.of(null, StreamPosition.lastEntry())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void invalidCombinationsAreRefusedWithAClearError(String name, Class<? extends Throwable> error, Executable build) {
        assertThrows(error, build);
    }

    @Test
    void blockTimeoutRoundsUpToWholeMillisecondsSoAShortWaitNeverBecomesInfinite() {
        assertEquals(
                Duration.ofMillis(1),
                XReadArgs.none().block(Duration.ofNanos(1)).blockTimeout().orElseThrow());
        assertEquals(
                Duration.ZERO,
                XReadArgs.none().block(Duration.ZERO).blockTimeout().orElseThrow());
    }

    private static Arguments refusal(String name, Class<? extends Throwable> error, Executable build) {
        return Arguments.of(name, error, build);
    }

    private static String text(List<byte[]> args) {
        return String.join(
                " ",
                args.stream()
                        .map(arg -> new String(arg, StandardCharsets.UTF_8))
                        .toList());
    }
}
