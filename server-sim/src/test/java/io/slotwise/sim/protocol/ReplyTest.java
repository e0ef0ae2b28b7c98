package io.slotwise.sim.protocol;

import static io.slotwise.sim.protocol.DecoderHarness.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replies are values that cannot express a reply that breaks the protocol. */
class ReplyTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nb", "a\nb", "a\rb"})
    void lineRepliesRejectLineBreaks(String text) {
        assertThrows(IllegalArgumentException.class, () -> Reply.simple(text));
        assertThrows(IllegalArgumentException.class, () -> Reply.error(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.5", "+1", "12a", "-"})
    void bigNumberAcceptsOnlyDecimalIntegers(String digits) {
        assertThrows(IllegalArgumentException.class, () -> new Reply.BigNumber(digits));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tx", "txtt", "t:t", "t\rt", ""})
    void verbatimFormatIsThreePrintableCharacters(String format) {
        assertThrows(IllegalArgumentException.class, () -> new Reply.Verbatim(format, bytes("x")));
    }

    @Test
    void byteContentIsComparedByValue() {
        assertEquals(Reply.bulk("v"), Reply.bulk(bytes("v")));
        assertEquals(Reply.bulk("v").hashCode(), Reply.bulk(bytes("v")).hashCode());
        assertEquals(Reply.error("ERR x"), Reply.error("ERR x"));
        assertEquals(Reply.simple("OK"), Reply.ok());
        assertEquals(Reply.verbatimText("t"), new Reply.Verbatim("txt", bytes("t")));
        assertNotEquals(Reply.nullBulk(), Reply.nullArray());
    }

    @Test
    void aggregatesCopyTheirElements() {
        List<Reply> elements = new ArrayList<>(List.of(Reply.integer(1)));
        Reply.Array array = new Reply.Array(elements);
        elements.add(Reply.integer(2));
        assertEquals(1, array.elements().size());
        assertThrows(NullPointerException.class, () -> Reply.array(Reply.ok(), null));
    }

    @Test
    void bulkToStringDoesNotShowTheValue() {
        assertFalse(Reply.bulk("hunter2").toString().contains("hunter2"));
        assertFalse(Reply.verbatimText("hunter2").toString().contains("hunter2"));
    }
}
