package io.slotwise.api;

import static io.slotwise.api.CommandCase.expect;
import static io.slotwise.api.DecodeCase.array;
import static io.slotwise.api.DecodeCase.bulk;
import static io.slotwise.api.DecodeCase.decodes;
import static io.slotwise.api.DecodeCase.integer;
import static io.slotwise.api.DecodeCase.nil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import io.slotwise.api.args.InsertPosition;
import io.slotwise.api.args.ListSide;
import io.slotwise.resp.RespValue;
import io.slotwise.value.KeyValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ListCommandsTest {

    static Stream<CommandCase> commands() {
        return Stream.of(
                expect("LPUSH k a", c -> c.lpush("k", "a")),
                expect("LPUSH k a b", c -> c.lpush("k", List.of("a", "b"))),
                expect("RPUSH k a", c -> c.rpush("k", "a")),
                expect("RPUSH k a b", c -> c.rpush("k", List.of("a", "b"))),
                expect("LPUSHX k a", c -> c.lpushx("k", List.of("a"))),
                expect("RPUSHX k a b", c -> c.rpushx("k", List.of("a", "b"))),
                expect("LPOP k", c -> c.lpop("k")),
                expect("LPOP k 2", c -> c.lpop("k", 2)),
                expect("RPOP k", c -> c.rpop("k")),
                expect("RPOP k 3", c -> c.rpop("k", 3)),
                expect("LRANGE k 0 -1", c -> c.lrange("k", 0, -1)).readOnly(),
                expect("LLEN k", c -> c.llen("k")).readOnly(),
                expect("LINDEX k -1", c -> c.lindex("k", -1)).readOnly(),
                expect("LSET k 0 v", c -> c.lset("k", 0, "v")),
                expect("LREM k -2 v", c -> c.lrem("k", -2, "v")),
                expect("LTRIM k 1 5", c -> c.ltrim("k", 1, 5)),
                expect("LINSERT k BEFORE p e", c -> c.linsert("k", InsertPosition.BEFORE, "p", "e")),
                expect("LINSERT k AFTER p e", c -> c.linsert("k", InsertPosition.AFTER, "p", "e")),
                expect("LPOS k e", c -> c.lpos("k", "e")).readOnly(),
                expect("LPOS k e COUNT 0", c -> c.lpos("k", "e", 0)).readOnly(),
                expect("LMOVE {t}a {t}b LEFT RIGHT", c -> c.lmove("{t}a", "{t}b", ListSide.LEFT, ListSide.RIGHT))
                        .keys(1, 2),
                expect("BLPOP {t}a {t}b 1.5", c -> c.blpop(Duration.ofMillis(1500), List.of("{t}a", "{t}b")))
                        .keys(1, 2)
                        .blocking(),
                expect("BRPOP k 0", c -> c.brpop(Duration.ZERO, List.of("k"))).blocking(),
                // Rounded up: "0" would make the server wait indefinitely.
                expect("BRPOP k 0.001", c -> c.brpop(Duration.ofNanos(1), List.of("k")))
                        .blocking(),
                expect("BLPOP k 1.002", c -> c.blpop(Duration.ofNanos(1_001_000_001), List.of("k")))
                        .blocking(),
                expect(
                                "BLMOVE {t}a {t}b RIGHT LEFT 2",
                                c -> c.blmove("{t}a", "{t}b", ListSide.RIGHT, ListSide.LEFT, Duration.ofSeconds(2)))
                        .keys(1, 2)
                        .blocking());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void buildsTheExactCommand(CommandCase row) {
        row.verify();
    }

    static Stream<DecodeCase> replies() {
        return Stream.of(
                decodes("LPUSH", c -> c.lpush("k", "a"), integer(3), 3L),
                decodes("LPOP of a missing list", c -> c.lpop("k"), nil(), null),
                decodes("LPOP count of a missing list (RESP2 null array)", c -> c.lpop("k", 2), nil(), List.of()),
                decodes("LPOP count", c -> c.lpop("k", 2), array(bulk("a"), bulk("b")), List.of("a", "b")),
                decodes("LRANGE", c -> c.lrange("k", 0, -1), array(bulk("a")), List.of("a")),
                decodes("LINDEX out of range", c -> c.lindex("k", 9), nil(), null),
                decodes("LSET", c -> c.lset("k", 0, "v"), RespValue.SimpleString.OK, "OK"),
                decodes("LPOS miss", c -> c.lpos("k", "e"), nil(), null),
                decodes("LPOS hit", c -> c.lpos("k", "e"), integer(4), 4L),
                decodes("LPOS COUNT", c -> c.lpos("k", "e", 0), array(integer(1), integer(5)), List.of(1L, 5L)),
                decodes("LMOVE", c -> c.lmove("{t}a", "{t}b", ListSide.LEFT, ListSide.LEFT), bulk("x"), "x"),
                decodes(
                        "BLPOP",
                        c -> c.blpop(Duration.ofSeconds(1), List.of("k")),
                        array(bulk("k"), bulk("x")),
                        new KeyValue<>("k", "x")),
                decodes("BLPOP timeout", c -> c.blpop(Duration.ofSeconds(1), List.of("k")), nil(), null),
                decodes(
                        "BLMOVE timeout",
                        c -> c.blmove("k", "k", ListSide.LEFT, ListSide.RIGHT, Duration.ZERO),
                        nil(),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void decodesTheReply(DecodeCase row) {
        row.verify();
    }

    @Test
    void blockingCommandsCarryTheirTimeoutForTheDispatcher() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        client.blpop(Duration.ofMillis(250), List.of("k"));
        client.brpop(Duration.ZERO, List.of("k"));
        client.lpop("k");
        assertEquals(Optional.of(Duration.ofMillis(250)), client.sent().get(0).blockingTimeout());
        assertEquals(Optional.of(Duration.ZERO), client.sent().get(1).blockingTimeout());
        assertEquals(Optional.empty(), client.sent().get(2).blockingTimeout());
    }

    @Test
    void multiKeyListCommandsAcrossSlotsFailBeforeAnythingIsSent() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        assertThrows(CrossSlotException.class, () -> client.blpop(Duration.ZERO, List.of("a", "b")));
        assertThrows(CrossSlotException.class, () -> client.lmove("a", "b", ListSide.LEFT, ListSide.LEFT));
        assertThrows(IllegalArgumentException.class, () -> client.blpop(Duration.ofSeconds(-1), List.of("k")));
        assertThrows(IllegalArgumentException.class, () -> client.blpop(Duration.ZERO, List.of()));
        assertTrue(client.sent().isEmpty());
    }
}
