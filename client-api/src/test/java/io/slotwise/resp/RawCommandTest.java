package io.slotwise.resp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawCommandTest {

    @Test
    void textArgumentsAreEncodedAsUtf8() {
        RawCommand command = RawCommand.of("SET", "clé", "");
        assertEquals(3, command.argCount());
        assertArrayEquals("SET".getBytes(StandardCharsets.US_ASCII), command.arg(0));
        assertArrayEquals(new byte[] {'c', 'l', (byte) 0xc3, (byte) 0xa9}, command.arg(1));
        assertArrayEquals(new byte[0], command.arg(2));
    }

    @Test
    void commandsWithTheSameArgumentBytesAreEqual() {
        assertEquals(RawCommand.of("GET", "k"), RawCommand.ofBytes("GET".getBytes(), "k".getBytes()));
        assertEquals(
                RawCommand.of("GET", "k").hashCode(),
                RawCommand.ofBytes("GET".getBytes(), "k".getBytes()).hashCode());
        assertNotEquals(RawCommand.of("GET", "k"), RawCommand.of("GET", "j"));
        assertNotEquals(RawCommand.of("GET", "k"), RawCommand.of("GET"));
    }

    @Test
    void toStringNeverShowsArgumentValues() {
        assertEquals(
                "RawCommand[name=AUTH, argCount=3]",
                RawCommand.of("AUTH", "admin", "s3cret").toString());
    }

    @Test
    void commandNeedsANameAndNoNullArguments() {
        assertThrows(IllegalArgumentException.class, () -> new RawCommand(List.of()));
        assertThrows(NullPointerException.class, () -> RawCommand.ofBytes("GET".getBytes(), null));
    }
}
