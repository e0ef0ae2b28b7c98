package io.slotwise.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamIdTest {

    @Test
    void parsesAndPrintsTheServersFormIncludingUnsigned64BitParts() {
        for (String text : List.of("0-0", "1700000000000-0", "5-18446744073709551615", "18446744073709551615-1")) {
            assertEquals(text, StreamId.parse(text).toString());
        }
        assertEquals(StreamId.MAX, StreamId.parse("18446744073709551615-18446744073709551615"));
        assertEquals(StreamId.of(12, 3), StreamId.parse("12-3"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "5",
                "-5",
                "5-",
                "a-1",
                "1-b",
                "1-2-3",
                "18446744073709551616-0",
                "+1-0",
                "1-+0",
                "*",
                ">",
                "$"
            })
    void rejectsTextThatIsNotACompleteId(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> StreamId.parse(text));
        assertTrue(error.getMessage().contains("'" + text + "'"), error.getMessage());
    }

    @Test
    void ordersByTimeThenSequenceUnsigned() {
        List<StreamId> sorted = List.of(
                StreamId.MIN,
                StreamId.of(0, 1),
                StreamId.of(1, 0),
                StreamId.of(1, Long.MAX_VALUE),
                StreamId.of(1, -1),
                StreamId.of(Long.MAX_VALUE, 0),
                StreamId.of(-1, 0),
                StreamId.MAX);
        List<StreamId> shuffled = new ArrayList<>(sorted);
        Collections.reverse(shuffled);
        Collections.sort(shuffled);
        assertEquals(sorted, shuffled);
    }

    @Test
    void nextIsTheLowestGreaterId() {
        assertEquals(StreamId.of(1, 1), StreamId.of(1, 0).next());
        assertEquals(StreamId.of(2, 0), StreamId.of(1, -1).next());
        assertThrows(IllegalStateException.class, StreamId.MAX::next);
    }

    @Test
    void entriesHideTheirFieldsFromToStringAndTellDeletedOnes() {
        StreamEntry<String, String> entry = new StreamEntry<>(StreamId.of(1, 1), Map.of("password", "secret"));
        assertEquals("StreamEntry[id=1-1, fields=1]", entry.toString());
        assertTrue(new StreamEntry<String, String>(StreamId.MIN, Map.of()).isDeleted());
    }
}
