package io.slotwise.sim.keyspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeySlotTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "123456789     | 12739",
                "''            | 0",
                "foo           | 12182",
                "bar           | 5061",
                "{}foo         | 9500",
                "foo{}{bar}    | 8363",
                "foo{{bar}}zap | 4015",
                "foo{bar}zap   | 5061",
                "{bar}         | 5061",
                "x{bar}{zap}   | 5061",
            })
    void slotMatchesRedisVectorsIncludingHashTags(String key, int expectedSlot) {
        assertEquals(expectedSlot, KeySlot.of(key.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void checksumOfStandardCheckInputIsXmodemCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x31C3, KeySlot.crc16(check, 0, check.length));
    }

    @Test
    void keysSharingAHashTagShareASlot() {
        assertEquals(KeySlot.of(bytes("user1000")), KeySlot.of(bytes("{user1000}.following")));
        assertEquals(KeySlot.of(bytes("user1000")), KeySlot.of(bytes("{user1000}.followers")));
        assertEquals(KeySlot.of(bytes("{bar")), KeySlot.crc16(bytes("{bar"), 0, 4) & 16383);
    }

    @Test
    void slotOfSubrangeIgnoresSurroundingBytes() {
        byte[] framed = bytes("##foo{bar}##");
        assertEquals(5061, KeySlot.of(framed, 2, 8));
        assertEquals(12182, KeySlot.of(framed, 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> KeySlot.of(framed, 10, 5));
    }

    @Test
    void keyCachesItsSlot() {
        assertEquals(12739, Key.of("123456789").slot());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
