package io.slotwise.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import io.slotwise.RedisCommandException;
import io.slotwise.UnexpectedReplyException;
import io.slotwise.codec.RedisCodec;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.SlotHash;
import io.slotwise.topology.NodeAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandTest {

    private static final RedisCodec<String, String> UTF8 = RedisCodec.utf8();

    @Test
    void multiWordNamesBecomeOneArgumentPerWord() {
        Command<RespValue> command = Command.builder("  CLUSTER   INFO ").build();
        assertEquals("CLUSTER INFO", command.name());
        assertEquals(List.of("CLUSTER", "INFO"), texts(command));
        assertEquals(Routing.ANY_NODE, command.routing());
        assertEquals(OptionalInt.empty(), command.slot());
    }

    @Test
    void argumentsAreEncodedInCallOrder() {
        Command<RespValue> command = Command.builder("X", UTF8)
                .key("k")
                .value("v")
                .field("f")
                .arg("text")
                .arg(-42L)
                .arg(1.5)
                .arg(new byte[] {0, (byte) 0xff})
                .argSeconds(Duration.ofMillis(2500))
                .build();
        assertEquals(9, command.argCount());
        assertEquals(
                List.of("X", "k", "v", "f", "text", "-42", "1.5"),
                texts(command).subList(0, 7));
        assertArrayEquals(new byte[] {0, (byte) 0xff}, command.arg(7));
        assertEquals("2.5", new String(command.arg(8), StandardCharsets.UTF_8));
        assertArrayEquals(new int[] {1}, command.keyIndexes());
    }

    @Test
    void commandsWithKeysRouteByKeyAndKnowTheirSlot() {
        Command<RespValue> command = Command.builder("RENAME", UTF8)
                .key("{user1}:a")
                .key("{user1}:b")
                .build();
        assertEquals(Routing.BY_KEYS, command.routing());
        assertArrayEquals(new int[] {1, 2}, command.keyIndexes());
        assertEquals(OptionalInt.of(SlotHash.slot("user1".getBytes(StandardCharsets.UTF_8))), command.slot());
        assertEquals(Optional.empty(), command.split());
    }

    @Test
    void unsplittableCommandWithKeysInSeveralSlotsFailsAtConstruction() {
        CrossSlotException error = assertThrows(
                CrossSlotException.class,
                () -> Command.builder("RENAME", UTF8).key("a").key("b").build());
        assertTrue(error.getMessage().contains("RENAME"), error.getMessage());
        assertTrue(error.getMessage().contains("'a' -> slot " + slot("a")), error.getMessage());
        assertTrue(error.getMessage().contains("'b' -> slot " + slot("b")), error.getMessage());
    }

    @Test
    void splittableCommandWithKeysInSeveralSlotsHasNoSingleSlot() {
        Command<RespValue> command = Command.builder("MGET", UTF8)
                .keys(List.of("a", "b"))
                .split(1, ReplyMerger.IN_CALLER_ORDER)
                .build();
        assertEquals(OptionalInt.empty(), command.slot());
        assertEquals(Optional.of(new Split(1, 1, ReplyMerger.IN_CALLER_ORDER)), command.split());
        assertEquals(2, command.splitPlan().groups().size());
    }

    @Test
    void inconsistentShapesAreRejectedWithAClearMessage() {
        IllegalArgumentException noKey = assertThrows(
                IllegalArgumentException.class,
                () -> Command.builder("GET").routing(Routing.BY_KEYS).build());
        assertTrue(noKey.getMessage().contains("GET needs at least one key"), noKey.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Command.builder("X", UTF8)
                        .key("k")
                        .fanOut(Routing.FanOut.Target.ALL_PRIMARIES, ReplyMerger.SUM)
                        .build());
        assertThrows(
                IllegalArgumentException.class,
                () -> Command.builder("X", UTF8)
                        .key("k")
                        .arg("trailing")
                        .split(1, ReplyMerger.SUM)
                        .build());
        assertThrows(
                IllegalArgumentException.class,
                () -> Command.builder("MSET", UTF8)
                        .key("k")
                        .value("v")
                        .key("k2")
                        .split(1, ReplyMerger.ALL_OK)
                        .build());
        IllegalArgumentException pinnedWithKey = assertThrows(
                IllegalArgumentException.class,
                () -> Command.builder("GET", UTF8)
                        .key("k")
                        .toNode(new NodeAddress("127.0.0.1", 7000))
                        .build());
        assertTrue(pinnedWithKey.getMessage().contains("must route by its keys"), pinnedWithKey.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Command.builder(" ").build());
        assertThrows(
                IllegalArgumentException.class,
                () -> Routing.fanOut(Routing.FanOut.Target.ALL_NODES, ReplyMerger.IN_CALLER_ORDER));
    }

    @Test
    void nullKeysAndValuesAreRejectedNamingTheCommand() {
        NullPointerException error = assertThrows(
                NullPointerException.class, () -> Command.builder("SET", UTF8).key(null));
        assertTrue(error.getMessage().contains("SET"), error.getMessage());
        assertThrows(
                NullPointerException.class,
                () -> Command.builder("SET", UTF8).key("k").value(null));
    }

    @Test
    void collectionsTheSyntaxNeedsMustNotBeEmpty() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> Command.builder("SADD", UTF8).key("k").values(List.of()));
        assertEquals("SADD needs at least one value", error.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Command.builder("MGET", UTF8).keys(List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> Command.builder("MSET", UTF8).keyValues(Map.of()));
        Command<RespValue> keylessScript = Command.builder("EVAL", UTF8)
                .arg("return 1")
                .arg(0)
                .keysOrNone(List.of())
                .valuesOrNone(List.of())
                .build();
        assertEquals(Routing.ANY_NODE, keylessScript.routing());
    }

    @Test
    void toStringShowsNameAndCountsButNeverArgumentValues() {
        Command<RespValue> auth =
                Command.builder("AUTH").arg("admin").arg("s3cret").build();
        assertEquals("Command[name=AUTH, args=3, keys=0]", auth.toString());
        Command<RespValue> config =
                Command.builder("CONFIG SET").arg("requirepass").arg("hunter2").build();
        assertFalse(config.toString().contains("hunter2"), config.toString());
        assertFalse(config.toString().contains("requirepass"), config.toString());
        Command<RespValue> set =
                Command.builder("SET", UTF8).key("session:1").value("token").build();
        assertEquals("Command[name=SET, args=3, keys=1]", set.toString());
    }

    @Test
    void traitsAndBlockingTimeoutAreExposed() {
        Command<RespValue> read = Command.builder("GET", UTF8)
                .key("k")
                .traits(CommandTrait.READ_ONLY)
                .build();
        assertEquals(Set.of(CommandTrait.READ_ONLY), read.traits());
        assertTrue(read.has(CommandTrait.READ_ONLY));
        assertEquals(Optional.empty(), read.blockingTimeout());

        Command<RespValue> blpop = Command.builder("BLPOP", UTF8)
                .key("k")
                .blocking(Duration.ofSeconds(3))
                .build();
        assertTrue(blpop.has(CommandTrait.BLOCKING));
        assertEquals(Optional.of(Duration.ofSeconds(3)), blpop.blockingTimeout());

        Command<RespValue> unbounded = Command.builder("X", UTF8)
                .key("k")
                .traits(CommandTrait.BLOCKING)
                .build();
        assertEquals(Optional.of(Duration.ZERO), unbounded.blockingTimeout());
        assertThrows(UnsupportedOperationException.class, () -> read.traits().add(CommandTrait.BLOCKING));
    }

    @Test
    void everyCombinationOfTraitsIsReportedExactlyAndCannotBeModified() {
        CommandTrait[] all = CommandTrait.values();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            CommandBuilder<String, String> builder = Command.builder("X", UTF8).key("k");
            Set<CommandTrait> expected = new java.util.HashSet<>();
            for (CommandTrait trait : all) {
                if ((mask & (1 << trait.ordinal())) != 0) {
                    builder.traits(trait);
                    expected.add(trait);
                }
            }
            Command<RespValue> command = builder.build();
            assertEquals(expected, command.traits());
            for (CommandTrait trait : all) {
                assertEquals(expected.contains(trait), command.has(trait), trait + " in " + expected);
            }
            assertThrows(
                    UnsupportedOperationException.class, () -> command.traits().clear());
        }
    }

    @Test
    void blankNamesAreRejectedAndOnlySpacesSeparateWords() {
        assertThrows(IllegalArgumentException.class, () -> Command.builder(" \t "));
        Command<RespValue> command = Command.builder("\tA\tB  C ").build();
        assertEquals("A\tB C", command.name());
        assertEquals(List.of("A\tB", "C"), texts(command));
    }

    @Test
    void aBuiltCommandDoesNotChangeWhenItsBuilderGoesOn() {
        CommandBuilder<String, String> builder = Command.builder("DEL", UTF8).key("{t}a");
        Command<RespValue> first = builder.build();
        builder.key("{t}b");
        Command<Long> second = builder.decodedBy(ReplyDecoders.integer());
        assertEquals(2, first.argCount());
        assertEquals(1, first.keys().size());
        assertEquals(3, second.argCount());
        assertThrows(
                UnsupportedOperationException.class, () -> first.arguments().add(new byte[0]));
    }

    @Test
    void decodeTurnsErrorRepliesIntoCommandExceptions() {
        Command<String> get = Command.builder("GET", UTF8).key("k").decodedBy(ReplyDecoders.value(UTF8));
        RedisCommandException error = assertThrows(
                RedisCommandException.class,
                () -> get.decode(new RespValue.Error("WRONGTYPE Operation against a key holding the wrong kind")));
        assertEquals("WRONGTYPE", error.code());
        assertEquals("GET", error.command());
        assertEquals("WRONGTYPE Operation against a key holding the wrong kind", error.getMessage());
    }

    @Test
    void decodeOfAWrongReplyTypeNamesTheCommandAndBothTypes() {
        Command<String> get = Command.builder("GET", UTF8).key("k").decodedBy(ReplyDecoders.value(UTF8));
        UnexpectedReplyException error =
                assertThrows(UnexpectedReplyException.class, () -> get.decode(new RespValue.Int(7)));
        assertEquals("GET", error.command());
        assertEquals("GET: expected a bulk string or null but the reply was an integer", error.getMessage());
        assertInstanceOf(UnexpectedReplyException.class, error.getCause());
    }

    @Test
    void decodeSeesThroughAttributes() {
        Command<Long> incr = Command.builder("INCR", UTF8).key("k").decodedBy(ReplyDecoders.integer());
        RespValue attributed = new RespValue.Attributed(new RespValue.Map(List.of()), new RespValue.Int(3));
        assertEquals(3L, incr.decode(attributed));
    }

    static List<String> texts(Command<?> command) {
        return command.arguments().stream()
                .map(arg -> new String(arg, StandardCharsets.UTF_8))
                .toList();
    }

    static int slot(String key) {
        return SlotHash.slot(key.getBytes(StandardCharsets.UTF_8));
    }
}
