package io.slotwise.api;

import static io.slotwise.api.CommandCase.expect;
import static io.slotwise.api.DecodeCase.array;
import static io.slotwise.api.DecodeCase.bulk;
import static io.slotwise.api.DecodeCase.decodes;
import static io.slotwise.api.DecodeCase.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import io.slotwise.api.args.FlushMode;
import io.slotwise.command.ReplyDecoders;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.SlotHash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScriptingCommandsTest {

    private static final String SHA = "e0e1f9fabfc9d4800c877a703b823ac0578ff8db";

    static Stream<CommandCase> commands() {
        return Stream.of(
                expect(
                                "EVAL script 2 {t}a {t}b x",
                                c -> c.eval("script", List.of("{t}a", "{t}b"), List.of("x"), ReplyDecoders.raw()))
                        .keys(3, 4),
                expect("EVAL script 0", c -> c.eval("script", List.of(), List.of(), ReplyDecoders.raw()))
                        .keys()
                        .shape("any-node"),
                expect("EVAL script 0 x y", c -> c.eval("script", List.of(), List.of("x", "y"), ReplyDecoders.raw()))
                        .keys()
                        .shape("any-node"),
                expect("EVALSHA " + SHA + " 1 k", c -> c.evalsha(SHA, List.of("k"), List.of(), ReplyDecoders.raw()))
                        .keys(3),
                expect("SCRIPT LOAD script", c -> c.scriptLoad("script")).keys().shape("fan-out ALL_PRIMARIES FIRST"),
                expect("SCRIPT EXISTS " + SHA + " abc", c -> c.scriptExists(List.of(SHA, "abc")))
                        .keys()
                        .readOnly()
                        .shape("fan-out ALL_PRIMARIES AND_ELEMENTWISE"),
                expect("SCRIPT FLUSH", AsyncCommands::scriptFlush).keys().shape("fan-out ALL_PRIMARIES ALL_OK"),
                expect("SCRIPT FLUSH ASYNC", c -> c.scriptFlush(FlushMode.ASYNC))
                        .keys()
                        .shape("fan-out ALL_PRIMARIES ALL_OK"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void buildsTheExactCommand(CommandCase row) {
        row.verify();
    }

    static Stream<DecodeCase> replies() {
        RespValue scriptReply = array(integer(1), bulk("two"));
        return Stream.of(
                decodes(
                        "EVAL raw",
                        c -> c.eval("s", List.of("k"), List.of(), ReplyDecoders.raw()),
                        scriptReply,
                        scriptReply),
                decodes("EVAL typed", c -> c.eval("s", List.of(), List.of(), ReplyDecoders.integer()), integer(7), 7L),
                decodes("SCRIPT LOAD", c -> c.scriptLoad("s"), bulk(SHA), SHA),
                decodes(
                        "SCRIPT EXISTS",
                        c -> c.scriptExists(List.of(SHA, "abc")),
                        array(integer(1), integer(0)),
                        List.of(true, false)),
                decodes("SCRIPT FLUSH", AsyncCommands::scriptFlush, RespValue.SimpleString.OK, "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void decodesTheReply(DecodeCase row) {
        row.verify();
    }

    @Test
    void scriptsWithKeysInSeveralSlotsFailBeforeAnythingIsSent() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        CrossSlotException error = assertThrows(
                CrossSlotException.class,
                () -> client.eval("s", List.of("user:1", "user:2"), List.of(), ReplyDecoders.raw()));
        String message = error.getMessage();
        assertTrue(message.contains("EVAL"), message);
        assertTrue(message.contains("'user:1' -> slot " + slot("user:1")), message);
        assertTrue(message.contains("'user:2' -> slot " + slot("user:2")), message);
        assertThrows(
                CrossSlotException.class,
                () -> client.evalsha(SHA, List.of("user:1", "user:2"), List.of(), ReplyDecoders.raw()));
        assertTrue(client.sent().isEmpty());
    }

    @Test
    void scriptKeysRouteTheScriptToTheirSlot() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        client.eval("s", List.of("{user1}:a", "{user1}:b"), List.of("arg"), ReplyDecoders.raw());
        assertEquals(slot("user1"), client.onlySent().slot().orElseThrow());
    }

    @Test
    void scriptExistsNeedsADigest() {
        assertThrows(
                IllegalArgumentException.class, () -> RecordingCommands.utf8().scriptExists(List.of()));
    }

    private static int slot(String key) {
        return SlotHash.slot(key.getBytes(StandardCharsets.UTF_8));
    }
}
