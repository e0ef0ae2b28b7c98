package io.slotwise.resp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RespValueTest {

    @Test
    void bulkStringsWithTheSameBytesAreEqual() {
        RespValue.Bulk a = new RespValue.Bulk(new byte[] {1, 2, 3});
        RespValue.Bulk b = RespValue.Bulk.copyOf(new byte[] {1, 2, 3});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new RespValue.Bulk(new byte[] {1, 2}));
        assertEquals(RespValue.Bulk.of("hello"), new RespValue.Bulk("hello".getBytes()));
    }

    @Test
    void bulkStringCannotBeChangedThroughItsAccessors() {
        RespValue.Bulk bulk = RespValue.Bulk.of("abc");
        byte[] copy = bulk.bytes();
        copy[0] = 'X';
        assertEquals("abc", bulk.asString());
        ByteBuffer view = bulk.asReadOnlyBuffer();
        assertThrows(ReadOnlyBufferException.class, () -> view.put(0, (byte) 'X'));
        assertEquals(3, view.remaining());
        assertEquals(3, bulk.length());
    }

    @Test
    void copyOfLeavesTheCallerFreeToReuseItsArray() {
        byte[] buffer = {'a', 'b'};
        RespValue.Bulk bulk = RespValue.Bulk.copyOf(buffer);
        buffer[0] = 'z';
        assertArrayEquals(new byte[] {'a', 'b'}, bulk.bytes());
    }

    @Test
    void bulkStringToStringNeverShowsThePayload() {
        assertEquals("Bulk[6 bytes]", RespValue.Bulk.of("s3cret").toString());
        assertEquals("Bulk[0 bytes]", new RespValue.Bulk(new byte[0]).toString());
    }

    @ParameterizedTest
    @CsvSource({
        "'MOVED 3999 127.0.0.1:6381', MOVED",
        "'ERR unknown command', ERR",
        "'CLUSTERDOWN', CLUSTERDOWN",
        "'', ''"
    })
    void errorCodeIsTheFirstWordOfTheMessage(String message, String code) {
        assertEquals(code, new RespValue.Error(message).code());
    }

    @Test
    void aggregatesAreImmutableCopies() {
        List<RespValue> source = new ArrayList<>(List.of(new RespValue.Int(1)));
        RespValue.Array array = new RespValue.Array(source);
        source.add(new RespValue.Int(2));
        assertEquals(List.of(new RespValue.Int(1)), array.elements());
        assertThrows(UnsupportedOperationException.class, () -> array.elements().add(new RespValue.Int(3)));
        assertThrows(NullPointerException.class, () -> new RespValue.Set(Arrays.asList(RespValue.Null.INSTANCE, null)));
    }

    @Test
    void doublesCompareLikeDoubleCompare() {
        assertEquals(new RespValue.Double(Double.NaN), new RespValue.Double(Double.NaN));
        assertNotEquals(new RespValue.Double(0.0), new RespValue.Double(-0.0));
    }

    @Test
    void allNullsAreEqual() {
        assertEquals(RespValue.Null.INSTANCE, new RespValue.Null());
        assertTrue(RespValue.Null.INSTANCE.isNull());
    }

    @Test
    void attributesCanBeLookedThroughOrIgnored() {
        RespValue.Map attributes = new RespValue.Map(
                List.of(new RespValue.Map.Entry(new RespValue.SimpleString("ttl"), new RespValue.Int(5))));
        RespValue error = new RespValue.Error("ERR x");
        RespValue twice = new RespValue.Attributed(attributes, new RespValue.Attributed(attributes, error));
        assertSame(error, twice.withoutAttributes());
        assertTrue(twice.isError());
        assertFalse(twice.isNull());
        assertTrue(new RespValue.Attributed(attributes, RespValue.Null.INSTANCE).isNull());
        assertSame(error, error.withoutAttributes());
    }
}
