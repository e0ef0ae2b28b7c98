package io.slotwise.netty.resp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.netty.testing.LeakCheckExtension;
import io.slotwise.resp.RespLimits;
import io.slotwise.resp.RespProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Random and corrupted input, in random fragments: whatever arrives, the decoder must finish, report nothing but a
 * single {@link RespProtocolException} (and then ask to close), and release every buffer. Each iteration has its own
 * seed, named in failure messages for replay.
 */
@ExtendWith(LeakCheckExtension.class)
class RespDecoderFuzzTest {

    private static final int ITERATIONS = 2_000;
    private static final byte[] ALPHABET =
            "+-:$_*%~,#(=>|!0123456789-.einfat\r\n\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final String[] TOKENS = {
        "+", "-", ":", "$", "_", "*", "%", "~", ",", "#", "(", "=", ">", "|", "!", "\r\n", "\r\n", "\r\n", "\r\n", "\r",
        "\n", "0", "1", "2", "3", "-1", "-2", "12", "t", "f", "inf", "nan", "1.5e3", "txt:", "OK", "abc"
    };
    private static final RespLimits SMALL = RespLimits.builder()
            .maxBulkLength(64)
            .maxAggregateLength(8)
            .maxNestingDepth(4)
            .maxLineLength(40)
            .build();

    @Test
    void randomBytesNeverHangLeakOrFailWithAnythingButAProtocolError() {
        Coverage coverage = new Coverage();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (long seed = 0; seed < ITERATIONS; seed++) {
                Random random = new Random(seed);
                byte[] input = randomTokens(random, random.nextInt(120));
                coverage.count(decodeAndCheck(seed, random, input));
            }
        });
        coverage.assertAtLeast(ITERATIONS / 20, ITERATIONS / 2);
    }

    @Test
    void corruptedRepliesNeverHangLeakOrFailWithAnythingButAProtocolError() {
        Coverage coverage = new Coverage();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (long seed = 0; seed < ITERATIONS; seed++) {
                Random random = new Random(seed);
                RandomReplies replies = new RandomReplies(random, 200);
                ByteArrayOutputStream wire = new ByteArrayOutputStream();
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    wire.writeBytes(ReplyWriter.toWire(replies.next(3)));
                }
                coverage.count(decodeAndCheck(seed, random, corrupt(wire.toByteArray(), random)));
            }
        });
        coverage.assertAtLeast(ITERATIONS / 5, ITERATIONS / 5);
    }

    /** Decodes, checks the invariants, and returns the outcome for the coverage counters. */
    private static Outcome decodeAndCheck(long seed, Random random, byte[] input) {
        DecoderHarness harness = new DecoderHarness(random.nextBoolean() ? SMALL : RespLimits.defaults());
        harness.feedInRandomFragments(input, random, 48);
        String context = "seed " + seed;
        try {
            harness.close();
        } catch (AssertionError e) {
            throw new AssertionError(context + ": " + e.getMessage(), e);
        }
        assertTrue(harness.exceptions().size() <= 1, () -> context + ": " + harness.exceptions());
        if (!harness.exceptions().isEmpty()) {
            assertInstanceOf(RespProtocolException.class, harness.exceptions().get(0), context);
            assertTrue(harness.closeRequested(), context + ": a protocol error closes the channel");
        } else {
            assertFalse(harness.closeRequested(), context + ": closed without reporting why");
        }
        return new Outcome(!harness.values().isEmpty(), !harness.exceptions().isEmpty());
    }

    /** Whether an iteration decoded any value, and whether it ended in a protocol error. */
    private record Outcome(boolean decodedValues, boolean failed) {}

    /** Guards against a fuzz loop that silently stops exercising the decoder. */
    private static final class Coverage {
        private int decoded;
        private int failed;

        void count(Outcome outcome) {
            decoded += outcome.decodedValues() ? 1 : 0;
            failed += outcome.failed() ? 1 : 0;
        }

        void assertAtLeast(int minimumDecoded, int minimumFailed) {
            assertTrue(
                    decoded >= minimumDecoded && failed >= minimumFailed,
                    "iterations that decoded values: " + decoded + ", that failed: " + failed);
        }
    }

    /**
     * Random bytes, mostly drawn from RESP's own vocabulary (markers, small numbers, CRLF) so that some inputs get
     * past the first line; one token in ten is an arbitrary byte.
     */
    private static byte[] randomTokens(Random random, int tokenCount) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < tokenCount; i++) {
            if (random.nextInt(10) == 0) {
                out.write(random.nextInt(256));
            } else {
                out.writeBytes(TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    /** Applies one to three random byte-level mutations. */
    private static byte[] corrupt(byte[] wire, Random random) {
        byte[] result = wire;
        for (int mutations = 1 + random.nextInt(3); mutations > 0 && result.length > 0; mutations--) {
            int at = random.nextInt(result.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(result.length + 1);
            switch (random.nextInt(4)) {
                case 0 -> { // change a byte
                    out.write(result, 0, result.length);
                    result = out.toByteArray();
                    result[at] = random.nextBoolean()
                            ? (byte) random.nextInt(256)
                            : ALPHABET[random.nextInt(ALPHABET.length)];
                    continue;
                }
                case 1 -> { // insert a byte
                    out.write(result, 0, at);
                    out.write(ALPHABET[random.nextInt(ALPHABET.length)]);
                    out.write(result, at, result.length - at);
                }
                case 2 -> { // delete a byte
                    out.write(result, 0, at);
                    out.write(result, at + 1, result.length - at - 1);
                }
                default -> out.write(result, 0, at); // truncate
            }
            result = out.toByteArray();
        }
        return result;
    }
}
