package io.slotwise.sim.protocol;

import static io.slotwise.sim.protocol.DecoderHarness.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Memory follows the bytes that arrive, never the lengths a client declares. */
class RequestDecoderMemoryTest {
    private static final int CHUNK = 64 * 1024;

    @ParameterizedTest(name = "declared {0} bytes")
    @ValueSource(longs = {500_000_000L, ProtocolLimits.MAX_STORABLE_BULK_LENGTH})
    void declaredHugeBulkCostsOnlyWhatArrives(long declared) {
        RequestDecoder decoder = new RequestDecoder(() -> Long.MAX_VALUE, () -> false);
        try (DecoderHarness harness = new DecoderHarness(decoder)) {
            harness.feed(bytes("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + declared + "\r\n" + "v".repeat(100)));
            assertEquals(List.of(), harness.drain());
            assertTrue(decoder.retainedBytes() <= 64 * 1024, "retained " + decoder.retainedBytes());

            int arrived = 100;
            byte[] chunk = new byte[CHUNK];
            for (int i = 0; i < 16; i++) {
                harness.feed(chunk);
                arrived += CHUNK;
                assertTrue(
                        decoder.retainedBytes() <= 2L * arrived + CHUNK,
                        "retained " + decoder.retainedBytes() + " after " + arrived + " bytes");
            }
            assertEquals(List.of(), harness.drain());
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {16 * 1024, 16 * 1024 + 1, 100_000})
    void bulksAroundTheCollectingThresholdKeepEveryByte(int length) {
        byte[] value = new byte[length];
        for (int i = 0; i < length; i++) {
            value[i] = (byte) (i % 251);
        }
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(bytes("*2\r\n$4\r\nECHO\r\n$" + length + "\r\n"));
        input.writeBytes(value);
        input.writeBytes(bytes("\r\n"));
        for (Fragmentation fragmentation : List.of(Fragmentation.WHOLE, Fragmentation.random(11))) {
            List<Object> decoded = DecoderHarness.decode(input.toByteArray(), fragmentation);
            assertEquals(1, decoded.size());
            assertArrayEquals(value, ((Request) decoded.get(0)).arg(1));
        }
    }

    @ParameterizedTest(name = "count {0}")
    @ValueSource(ints = {1_000_000, Integer.MAX_VALUE})
    void declaredHugeArgumentCountCostsOnlyWhatArrives(int count) {
        try (DecoderHarness harness = new DecoderHarness()) {
            harness.feed(bytes("*" + count + "\r\n"));
            byte[] arguments = bytes("$1\r\nk\r\n".repeat(1000));
            for (int i = 0; i < 10; i++) {
                harness.feed(arguments);
            }
            assertEquals(List.of(), harness.drain());
            assertTrue(harness.decoder.retainedBytes() <= 64 * 1024, "retained " + harness.decoder.retainedBytes());
        }
    }

    @Test
    void consumedInputIsNotRetained() {
        int requests = 10_000;
        try (DecoderHarness harness = new DecoderHarness()) {
            byte[] ping = bytes("*1\r\n$4\r\nPING\r\n");
            for (int i = 0; i < requests; i++) {
                harness.feed(ping);
            }
            assertEquals(requests, harness.drain().size());
            assertEquals(0, harness.decoder.retainedBytes());
        }
    }
}
