package io.slotwise.api;

import static io.slotwise.api.CommandCase.expect;
import static io.slotwise.api.DecodeCase.decodes;
import static io.slotwise.api.DecodeCase.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.SlotHash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HyperLogLogCommandsTest {

    static Stream<CommandCase> commands() {
        return Stream.of(
                expect("PFADD k a", c -> c.pfadd("k", "a")),
                expect("PFADD k a b c", c -> c.pfadd("k", List.of("a", "b", "c"))),
                expect("PFADD k", c -> c.pfadd("k", List.of())),
                expect("PFCOUNT k", c -> c.pfcount("k")).readOnly(),
                expect("PFCOUNT {h}1 {h}2", c -> c.pfcount(List.of("{h}1", "{h}2")))
                        .keys(1, 2)
                        .readOnly(),
                expect("PFMERGE {h}d {h}1 {h}2", c -> c.pfmerge("{h}d", List.of("{h}1", "{h}2")))
                        .keys(1, 2, 3),
                expect("PFMERGE d", c -> c.pfmerge("d", List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void buildsTheExactCommand(CommandCase row) {
        row.verify();
    }

    static Stream<DecodeCase> replies() {
        return Stream.of(
                decodes("PFADD changed", c -> c.pfadd("k", "a"), integer(1), true),
                decodes("PFADD unchanged", c -> c.pfadd("k", "a"), integer(0), false),
                decodes("PFCOUNT", c -> c.pfcount("k"), integer(3), 3L),
                decodes("PFMERGE", c -> c.pfmerge("{h}d", List.of("{h}s")), RespValue.SimpleString.OK, "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void decodesTheReply(DecodeCase row) {
        row.verify();
    }

    @Test
    void countingTheUnionOfKeysInSeveralSlotsFailsBeforeAnythingIsSentNamingKeysAndSlots() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        CrossSlotException error =
                assertThrows(CrossSlotException.class, () -> client.pfcount(List.of("visits:mon", "visits:tue")));
        String message = error.getMessage();
        assertTrue(message.contains("PFCOUNT"), message);
        assertTrue(message.contains("'visits:mon' -> slot " + slot("visits:mon")), message);
        assertTrue(message.contains("'visits:tue' -> slot " + slot("visits:tue")), message);
        assertThrows(CrossSlotException.class, () -> client.pfmerge("visits:all", List.of("visits:mon")));
        assertTrue(client.sent().isEmpty());
    }

    @Test
    void countingTheUnionOfKeysInOneSlotIsOneCommandForThatSlot() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        client.pfcount(List.of("{visits}:mon", "{visits}:tue"));
        assertEquals(slot("visits"), client.onlySent().slot().orElseThrow());
        assertTrue(client.onlySent().split().isEmpty());
    }

    @Test
    void countingNoKeysIsRejected() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        assertThrows(IllegalArgumentException.class, () -> client.pfcount(List.of()));
        assertTrue(client.sent().isEmpty());
    }

    private static int slot(String key) {
        return SlotHash.slot(key.getBytes(StandardCharsets.UTF_8));
    }
}
