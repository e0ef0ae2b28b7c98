package io.slotwise.netty.resp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.slotwise.netty.resp.ReplyTable.ReplyCase;
import io.slotwise.netty.testing.LeakCheckExtension;
import io.slotwise.resp.RespLimits;
import io.slotwise.resp.RespValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(LeakCheckExtension.class)
class RespDecoderReplyTest {

    private static final long[] SEEDS = {1, 7, 42, 1234, 987_654_321};

    static List<ReplyCase> replies() {
        return ReplyTable.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void replyDecodesWhenFedWhole(ReplyCase reply) {
        assertDecodes(List.of(reply.expected()), harness -> harness.feed(reply.wire()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void replyDecodesWhenFedOneByteAtATime(ReplyCase reply) {
        assertDecodes(List.of(reply.expected()), harness -> harness.feedOneByteAtATime(reply.wire()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void replyDecodesWhenFedInRandomFragments(ReplyCase reply) {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            assertDecodes(List.of(reply.expected()), harness -> harness.feedInRandomFragments(reply.wire(), random, 7));
        }
    }

    @Test
    void pipelinedRepliesInOneBufferDecodeInOrder() {
        assertDecodes(expectedOfAll(), harness -> harness.feed(wireOfAll()));
    }

    @Test
    void pipelinedRepliesFedOneByteAtATimeDecodeInOrder() {
        assertDecodes(expectedOfAll(), harness -> harness.feedOneByteAtATime(wireOfAll()));
    }

    @Test
    void pipelinedRepliesInRandomFragmentsDecodeInOrder() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            assertDecodes(expectedOfAll(), harness -> harness.feedInRandomFragments(wireOfAll(), random, 64));
        }
    }

    @Test
    void generatedRepliesRoundTripWhateverTheFragmentation() {
        for (long seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            RandomReplies replies = new RandomReplies(random, 20_000);
            List<RespValue> expected = new ArrayList<>();
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            for (int i = 0; i < 1 + random.nextInt(5); i++) {
                RespValue value = replies.next(4);
                expected.add(value);
                wire.writeBytes(ReplyWriter.toWire(value));
            }
            assertDecodes(expected, harness -> harness.feedInRandomFragments(wire.toByteArray(), random, 40));
        }
    }

    @Test
    void longLineAndLargeBulkInFragmentsDecodeInLinearTime() {
        // 32 MiB each in 2048 fragments of 16 KiB. Decoding takes well under a second; re-scanning the pending line
        // from its start on every fragment (about 32 GiB of scanning) or re-copying the pending payload would blow
        // the timeout.
        int size = 32 << 20;
        byte[] text = new byte[size];
        Arrays.fill(text, (byte) 'x');
        String textString = new String(text, StandardCharsets.US_ASCII);
        ByteArrayOutputStream wire = new ByteArrayOutputStream(2 * size + 64);
        wire.writeBytes(("+" + textString + "\r\n$" + size + "\r\n").getBytes(StandardCharsets.US_ASCII));
        wire.writeBytes(text);
        wire.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        RespLimits limits = RespLimits.builder().maxLineLength(size).build();
        DecoderHarness harness = new DecoderHarness(limits);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            harness.feedInFragmentsOf(wire.toByteArray(), 16 * 1024);
            harness.close();
        });
        assertEquals(List.of(), harness.exceptions());
        assertEquals(List.of(new RespValue.SimpleString(textString), new RespValue.Bulk(text)), harness.values());
    }

    @Test
    void truncatedReplyAtCloseEmitsNothingAndReleasesInput() {
        DecoderHarness harness = new DecoderHarness();
        harness.feed("+OK\r\n*2\r\n:1\r\n$5\r\nhel".getBytes(StandardCharsets.US_ASCII));
        harness.close();
        assertEquals(List.of(), harness.exceptions());
        assertEquals(List.of(ReplyTable.simple("OK")), harness.values());
    }

    /** Feeds, closes (checking every input buffer was released), then compares: values must outlive the buffers. */
    private static void assertDecodes(List<RespValue> expected, Consumer<DecoderHarness> feeding) {
        DecoderHarness harness = new DecoderHarness();
        boolean closeRequested;
        try {
            feeding.accept(harness);
            closeRequested = harness.closeRequested();
        } finally {
            harness.close();
        }
        assertEquals(List.of(), harness.exceptions());
        assertFalse(closeRequested, "the channel stays open on valid input");
        assertEquals(expected, harness.values());
    }

    private static byte[] wireOfAll() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        replies().forEach(reply -> wire.writeBytes(reply.wire()));
        return wire.toByteArray();
    }

    private static List<RespValue> expectedOfAll() {
        return replies().stream().map(ReplyCase::expected).toList();
    }
}
