package io.slotwise.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlotHashTest {

    static Stream<Arguments> knownSlots() {
        return Stream.of(
                // The CRC16-XMODEM check value, as in the Redis Cluster specification.
                Arguments.of("123456789", 12739),
                Arguments.of("", 0),
                Arguments.of("foo", 12182),
                Arguments.of("bar", 5061),
                Arguments.of("user:1000", SlotHash.slot("user:1000")),
                // Hash tags: only the first {...} with non-empty content counts.
                Arguments.of("{user1000}.following", SlotHash.slot("user1000")),
                Arguments.of("{user1000}.followers", SlotHash.slot("user1000")),
                Arguments.of("foo{bar}{zap}", SlotHash.slot("bar")),
                Arguments.of("foo{{bar}}zap", SlotHash.slot("{bar")),
                Arguments.of("{}", SlotHash.crc16(utf8("{}"), 0, 2) & 16383),
                Arguments.of("foo{}{bar}", SlotHash.crc16(utf8("foo{}{bar}"), 0, 10) & 16383),
                Arguments.of("foo{bar", SlotHash.crc16(utf8("foo{bar"), 0, 7) & 16383),
                Arguments.of("foo}bar{", SlotHash.crc16(utf8("foo}bar{"), 0, 8) & 16383),
                Arguments.of("{a}", SlotHash.slot("a")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("knownSlots")
    void keyHashesToTheSlotRedisAssigns(String key, int expectedSlot) {
        assertEquals(expectedSlot, SlotHash.slot(key));
        assertEquals(expectedSlot, SlotHash.slot(utf8(key)));
    }

    static Stream<Arguments> crcVectors() {
        // Values computed independently with the bitwise CRC16-XMODEM definition (poly 0x1021, init 0).
        return Stream.of(
                Arguments.of("123456789", 0x31C3),
                Arguments.of("A", 0x58E5),
                Arguments.of("", 0x0000),
                Arguments.of("foo", 0xAF96),
                Arguments.of("bar", 0x93C5));
    }

    @ParameterizedTest(name = "crc16({0}) = {1}")
    @MethodSource("crcVectors")
    void crc16MatchesTheXmodemCheckValues(String input, int expected) {
        byte[] bytes = utf8(input);
        assertEquals(expected, SlotHash.crc16(bytes, 0, bytes.length));
    }

    @Test
    void emptyHashTagHashesTheWholeKeyNotTheEmptyTag() {
        assertEquals(SlotHash.slot("foo{}{bar}"), SlotHash.crc16(utf8("foo{}{bar}"), 0, 10) & 16383);
        // The second tag is never considered, even though it is non-empty.
        assertNotEquals(SlotHash.slot("bar"), SlotHash.slot("foo{}{bar}"));
    }

    @Test
    void nonAsciiKeysHashTheirUtf8Bytes() {
        String key = "clé:ü:日本";
        assertEquals(SlotHash.slot(key.getBytes(StandardCharsets.UTF_8)), SlotHash.slot(key));
        assertEquals(SlotHash.slot("{日本}:a"), SlotHash.slot("{日本}:b"));
        assertEquals(SlotHash.slot("{日本}:a"), SlotHash.slot("日本"));
    }

    @Test
    void binaryKeysWithHighBytesAndBracesHashByByte() {
        byte[] key = {(byte) 0xFF, '{', (byte) 0x80, 0, '}', (byte) 0xFE};
        assertEquals(SlotHash.slot(new byte[] {(byte) 0x80, 0}), SlotHash.slot(key));
        assertEquals(bitwiseSlot(key, 2, 4), SlotHash.slot(key));
    }

    @Test
    void tableDrivenCrcAgreesWithTheBitwiseDefinitionOnRandomKeys() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            byte[] key = new byte[random.nextInt(40)];
            random.nextBytes(key);
            assertEquals(bitwiseCrc16(key, 0, key.length), SlotHash.crc16(key, 0, key.length));
            int slot = SlotHash.slot(key);
            assertEquals(slot, slot & 16383);
        }
    }

    private static int bitwiseSlot(byte[] key, int from, int to) {
        return bitwiseCrc16(key, from, to) & 16383;
    }

    /** The CRC16-XMODEM definition, one bit at a time: an oracle independent of the lookup table. */
    private static int bitwiseCrc16(byte[] bytes, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc ^= (bytes[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        return crc;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
