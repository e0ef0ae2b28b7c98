package io.slotwise.sim.keyspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.keyspace.DumpPayloadException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DumpPayloadTest {

    static Stream<Arguments> values() {
        byte[] allBytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            allBytes[i] = (byte) i;
        }
        byte[] large = new byte[200_000];
        new SplittableRandom(1).nextBytes(large);

        ListValue emptyElementList = new ListValue();
        emptyElementList.pushLast(Bytes.EMPTY);
        ListValue longList = new ListValue();
        for (int i = 0; i < 1_000; i++) {
            longList.pushLast(Bytes.of("element" + (i % 17)));
        }
        longList.pushFirst(Bytes.of(allBytes));

        SetValue emptyMemberSet = new SetValue();
        emptyMemberSet.add(Bytes.EMPTY);
        SetValue bigSet = new SetValue();
        for (int i = 0; i < 5_000; i++) {
            bigSet.add(Bytes.of("member" + i));
        }
        bigSet.add(Bytes.of(allBytes));

        SortedSetValue oddScores = new SortedSetValue();
        oddScores.add(Bytes.EMPTY, -0.0);
        oddScores.add(Bytes.of("inf"), Double.POSITIVE_INFINITY);
        oddScores.add(Bytes.of("-inf"), Double.NEGATIVE_INFINITY);
        oddScores.add(Bytes.of("tiny"), Double.MIN_VALUE);
        oddScores.add(Bytes.of("huge"), -Double.MAX_VALUE);
        oddScores.add(Bytes.of(allBytes), 0.1);

        HashValue emptyFieldHash = new HashValue();
        emptyFieldHash.put(Bytes.EMPTY, Bytes.EMPTY);
        HashValue binaryHash = new HashValue();
        for (int i = 0; i < 300; i++) {
            binaryHash.put(Bytes.of(new byte[] {(byte) i, 0}), Bytes.of(Arrays.copyOf(allBytes, i)));
        }

        return Stream.of(
                Arguments.of("empty string", StringValue.of("")),
                Arguments.of("binary string", StringValue.of(allBytes)),
                Arguments.of("200 KB string", StringValue.of(large)),
                Arguments.of("list with one empty element", emptyElementList),
                Arguments.of("list of 1001", longList),
                Arguments.of("set with the empty member", emptyMemberSet),
                Arguments.of("set of 5001", bigSet),
                Arguments.of("zset with odd scores", oddScores),
                Arguments.of("hash with empty field and value", emptyFieldHash),
                Arguments.of("binary hash", binaryHash));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void everyValueTypeRoundTrips(String description, Value value) throws DumpPayloadException {
        byte[] payload = DumpPayload.encode(value);
        Value restored = DumpPayload.decode(payload);
        assertEquals(value.type(), restored.type());
        assertEquals(value, restored);
        assertArrayEquals(payload, DumpPayload.encode(restored), "encoding depends only on content");
    }

    @Test
    void extremeScoresSurviveTheRoundTripBitForBit() throws DumpPayloadException {
        SortedSetValue zset = new SortedSetValue();
        double[] scores = {Double.MIN_VALUE, -Double.MAX_VALUE, Double.NEGATIVE_INFINITY, 0.1 + 0.2};
        for (int i = 0; i < scores.length; i++) {
            zset.add(Bytes.of("m" + i), scores[i]);
        }
        SortedSetValue restored = (SortedSetValue) DumpPayload.decode(DumpPayload.encode(zset));
        for (int i = 0; i < scores.length; i++) {
            assertEquals(
                    Double.doubleToLongBits(scores[i]), Double.doubleToLongBits(restored.score(Bytes.of("m" + i))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void anySingleCorruptedByteIsDetected(String description, Value value) {
        byte[] payload = DumpPayload.encode(value);
        SplittableRandom random = new SplittableRandom(payload.length);
        int step = Math.max(1, payload.length / 400);
        for (int position = 0; position < payload.length; position += step) {
            for (int mask : new int[] {0x01, 0x80, 0xFF, 1 + random.nextInt(255)}) {
                byte[] corrupted = payload.clone();
                corrupted[position] ^= (byte) mask;
                assertRejected(Reason.VERSION_OR_CHECKSUM, corrupted);
            }
        }
    }

    @Test
    void everyCorruptionOfEveryByteOfASmallPayloadIsDetected() {
        HashValue hash = new HashValue();
        hash.put(Bytes.of("field"), Bytes.of("value"));
        byte[] payload = DumpPayload.encode(hash);
        for (int position = 0; position < payload.length; position++) {
            for (int mask = 1; mask < 256; mask++) {
                byte[] corrupted = payload.clone();
                corrupted[position] ^= (byte) mask;
                assertRejected(Reason.VERSION_OR_CHECKSUM, corrupted);
            }
        }
    }

    @Test
    void truncatedOrExtendedPayloadsAreDetected() {
        byte[] payload = DumpPayload.encode(StringValue.of("some value"));
        for (int length = 0; length < payload.length; length++) {
            assertRejected(Reason.VERSION_OR_CHECKSUM, Arrays.copyOf(payload, length));
        }
        assertRejected(Reason.VERSION_OR_CHECKSUM, Arrays.copyOf(payload, payload.length + 1));
    }

    @Test
    void realRedisPayloadIsRejectedAsWrongVersion() {
        // Redis 7.0 DUMP of the integer 1: type 0, int-encoded 1, RDB version 10, CRC-64.
        assertRejected(Reason.VERSION_OR_CHECKSUM, frame(new byte[] {0x00, (byte) 0xC0, 0x01}, 10));
    }

    @Test
    void malformedBodiesWithValidFootersAreBadDataFormat() {
        List<byte[]> bodies = List.of(
                new byte[] {9, 0},
                new byte[] {DumpPayload.TYPE_STRING, 3, 'a', 'b'},
                new byte[] {DumpPayload.TYPE_STRING, 1, 'a', 'b'},
                new byte[] {DumpPayload.TYPE_STRING, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x7F},
                new byte[] {DumpPayload.TYPE_STRING, (byte) 0x81, 0x00, 'a'},
                new byte[] {DumpPayload.TYPE_LIST, 0},
                new byte[] {DumpPayload.TYPE_LIST, 100, 1, 'a'},
                new byte[] {DumpPayload.TYPE_SET, 2, 1, 'a', 1, 'a'},
                new byte[] {DumpPayload.TYPE_HASH, 2, 1, 'f', 0, 1, 'f', 0},
                zsetBody(Double.NaN),
                new byte[] {});
        for (byte[] body : bodies) {
            assertRejected(Reason.BAD_DATA_FORMAT, frame(body, DumpPayload.VERSION));
        }
    }

    @Test
    void wellFormedHandBuiltBodyDecodes() throws DumpPayloadException {
        Value decoded = DumpPayload.decode(frame(zsetBody(2.5), DumpPayload.VERSION));
        assertEquals(List.of(new ZEntry(Bytes.of("m"), 2.5)), ((SortedSetValue) decoded).entries());
    }

    @Test
    void crc64MatchesTheJonesCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xe9c6d914c4b8d9caL, Crc64.checksum(check, 0, check.length));
    }

    @Test
    void digestIsEqualForEqualValuesBuiltInAnyOrder() {
        HashValue forward = new HashValue();
        HashValue backward = new HashValue();
        for (int i = 0; i < 100; i++) {
            forward.put(Bytes.of("f" + i), Bytes.of("v" + i));
            backward.put(Bytes.of("f" + (99 - i)), Bytes.of("v" + (99 - i)));
        }
        String digest = DumpPayload.digestHex(forward);
        assertEquals(40, digest.length());
        assertTrue(digest.matches("[0-9a-f]{40}"));
        assertEquals(digest, DumpPayload.digestHex(backward));
        backward.put(Bytes.of("f0"), Bytes.of("changed"));
        assertNotEquals(digest, DumpPayload.digestHex(backward));
    }

    @Test
    void exceptionMessagesAreRedisErrorTexts() {
        assertEquals("ERR DUMP payload version or checksum are wrong", Reason.VERSION_OR_CHECKSUM.errorText());
        assertEquals("ERR Bad data format", new DumpPayloadException(Reason.BAD_DATA_FORMAT).getMessage());
    }

    private static byte[] zsetBody(double score) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {DumpPayload.TYPE_ZSET, 1, 1, 'm'});
        long bits = Double.doubleToRawLongBits(score);
        for (int shift = 56; shift >= 0; shift -= 8) {
            body.write((int) (bits >>> shift) & 0xFF);
        }
        return body.toByteArray();
    }

    /** Appends a version and a correct CRC-64 footer to {@code body}. */
    private static byte[] frame(byte[] body, int version) {
        byte[] framed = Arrays.copyOf(body, body.length + 10);
        framed[body.length] = (byte) version;
        framed[body.length + 1] = (byte) (version >>> 8);
        long crc = Crc64.checksum(framed, 0, body.length + 2);
        for (int i = 0; i < 8; i++) {
            framed[body.length + 2 + i] = (byte) (crc >>> (8 * i));
        }
        return framed;
    }

    private static void assertRejected(Reason expected, byte[] payload) {
        DumpPayloadException e = assertThrows(DumpPayloadException.class, () -> DumpPayload.decode(payload));
        assertEquals(expected, e.reason());
        assertEquals(expected.errorText(), e.getMessage());
    }
}
