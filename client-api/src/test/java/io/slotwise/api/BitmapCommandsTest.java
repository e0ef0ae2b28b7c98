package io.slotwise.api;

import static io.slotwise.api.CommandCase.expect;
import static io.slotwise.api.DecodeCase.array;
import static io.slotwise.api.DecodeCase.decodes;
import static io.slotwise.api.DecodeCase.integer;
import static io.slotwise.api.DecodeCase.nil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import io.slotwise.api.args.BitFieldArgs;
import io.slotwise.api.args.BitFieldOverflow;
import io.slotwise.api.args.BitFieldType;
import io.slotwise.api.args.BitOperation;
import io.slotwise.api.args.BitRange;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BitmapCommandsTest {

    private static final BitFieldType U8 = BitFieldType.unsigned(8);

    static Stream<CommandCase> commands() {
        BitFieldArgs mixed = BitFieldArgs.builder()
                .set(U8, 0, 255)
                .get(BitFieldType.signed(4), 4)
                .overflow(BitFieldOverflow.FAIL)
                .incrBy(U8, 0, -10)
                .overflow(BitFieldOverflow.SAT)
                .incrBy(BitFieldType.signed(64), 8, 1)
                .build();
        BitFieldArgs reads = BitFieldArgs.builder()
                .get(U8, 0)
                .get(BitFieldType.unsigned(63), 4294967296L - 63)
                .build();
        return Stream.of(
                expect("SETBIT k 7 1", c -> c.setbit("k", 7, true)),
                expect("SETBIT k 4294967295 0", c -> c.setbit("k", 4294967295L, false)),
                expect("GETBIT k 0", c -> c.getbit("k", 0)).readOnly(),
                expect("BITCOUNT k", c -> c.bitcount("k")).readOnly(),
                expect("BITCOUNT k 0 -1", c -> c.bitcount("k", BitRange.bytes(0, -1)))
                        .readOnly(),
                expect("BITCOUNT k 5 30 BIT", c -> c.bitcount("k", BitRange.bits(5, 30)))
                        .readOnly(),
                expect("BITPOS k 1", c -> c.bitpos("k", true)).readOnly(),
                expect("BITPOS k 0 2", c -> c.bitpos("k", false, 2)).readOnly(),
                expect("BITPOS k 1 -2 -1", c -> c.bitpos("k", true, BitRange.bytes(-2, -1)))
                        .readOnly(),
                expect("BITPOS k 0 3 9 BIT", c -> c.bitpos("k", false, BitRange.bits(3, 9)))
                        .readOnly(),
                expect("BITOP AND {b}d {b}1 {b}2", c -> c.bitop(BitOperation.AND, "{b}d", List.of("{b}1", "{b}2")))
                        .keys(2, 3, 4),
                expect("BITOP OR {b}d {b}1", c -> c.bitop(BitOperation.OR, "{b}d", List.of("{b}1")))
                        .keys(2, 3),
                expect("BITOP XOR {b}d {b}1 {b}2", c -> c.bitop(BitOperation.XOR, "{b}d", List.of("{b}1", "{b}2")))
                        .keys(2, 3, 4),
                expect("BITOP NOT {b}d {b}1", c -> c.bitop(BitOperation.NOT, "{b}d", List.of("{b}1")))
                        .keys(2, 3),
                expect(
                        "BITFIELD k SET u8 0 255 GET i4 4 OVERFLOW FAIL INCRBY u8 0 -10 OVERFLOW SAT INCRBY i64 8 1",
                        c -> c.bitfield("k", mixed)),
                expect("BITFIELD k GET u8 0 GET u63 4294967233", c -> c.bitfield("k", reads)),
                expect("BITFIELD_RO k GET u8 0 GET u63 4294967233", c -> c.bitfieldRo("k", reads))
                        .readOnly());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void buildsTheExactCommand(CommandCase row) {
        row.verify();
    }

    static Stream<DecodeCase> replies() {
        BitFieldArgs ops = BitFieldArgs.builder()
                .set(U8, 0, 255)
                .get(U8, 0)
                .overflow(BitFieldOverflow.FAIL)
                .incrBy(U8, 0, 10)
                .build();
        BitFieldArgs reads = BitFieldArgs.builder().get(U8, 0).build();
        return Stream.of(
                decodes("SETBIT previous 0", c -> c.setbit("k", 7, true), integer(0), false),
                decodes("SETBIT previous 1", c -> c.setbit("k", 7, false), integer(1), true),
                decodes("GETBIT", c -> c.getbit("k", 7), integer(1), true),
                decodes("BITCOUNT", c -> c.bitcount("k"), integer(9), 9L),
                decodes("BITPOS not found", c -> c.bitpos("k", true), integer(-1), -1L),
                decodes("BITOP", c -> c.bitop(BitOperation.NOT, "d", List.of("d")), integer(3), 3L),
                decodes(
                        "BITFIELD with a failed INCRBY",
                        c -> c.bitfield("k", ops),
                        array(integer(0), integer(255), nil()),
                        Arrays.asList(0L, 255L, null)),
                decodes(
                        "BITFIELD i64 extremes",
                        c -> c.bitfield("k", reads),
                        array(integer(Long.MIN_VALUE)),
                        List.of(Long.MIN_VALUE)),
                decodes("BITFIELD_RO", c -> c.bitfieldRo("k", reads), array(integer(15)), List.of(15L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void decodesTheReply(DecodeCase row) {
        row.verify();
    }

    @Test
    void bitOffsetsOutsideWhatAStringCanHoldFailBeforeAnythingIsSent() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> client.setbit("k", 1L << 32, true));
        assertTrue(error.getMessage().contains("SETBIT"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> client.getbit("k", -1));
        assertTrue(client.sent().isEmpty());
    }

    @Test
    void bitopChecksItsSourcesAndItsSlot() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        assertThrows(IllegalArgumentException.class, () -> client.bitop(BitOperation.AND, "d", List.of()));
        assertThrows(NullPointerException.class, () -> client.bitop(null, "d", List.of("d")));
        IllegalArgumentException not = assertThrows(
                IllegalArgumentException.class, () -> client.bitop(BitOperation.NOT, "{b}d", List.of("{b}1", "{b}2")));
        assertTrue(not.getMessage().contains("exactly one"), not.getMessage());
        CrossSlotException crossSlot = assertThrows(
                CrossSlotException.class, () -> client.bitop(BitOperation.OR, "dest", List.of("src1", "src2")));
        assertTrue(crossSlot.getMessage().contains("BITOP"), crossSlot.getMessage());
        assertTrue(client.sent().isEmpty());
    }

    @Test
    void bitfieldOperationsAreCheckedWhenAdded() {
        assertThrows(IllegalArgumentException.class, () -> BitFieldType.unsigned(64));
        assertThrows(IllegalArgumentException.class, () -> BitFieldType.signed(65));
        assertThrows(IllegalArgumentException.class, () -> BitFieldType.signed(0));
        assertEquals("i64", BitFieldType.signed(64).token());
        assertThrows(
                IllegalArgumentException.class, () -> BitFieldArgs.builder().get(U8, -1));
        assertThrows(
                IllegalArgumentException.class, () -> BitFieldArgs.builder().get(U8, (1L << 32) - 7));
        assertThrows(IllegalStateException.class, () -> BitFieldArgs.builder().build());
        assertThrows(
                IllegalStateException.class,
                () -> BitFieldArgs.builder().overflow(BitFieldOverflow.WRAP).build());
    }

    @Test
    void bitfieldRoAcceptsOnlyReads() {
        BitFieldArgs write = BitFieldArgs.builder().get(U8, 0).set(U8, 0, 1).build();
        BitFieldArgs overflow =
                BitFieldArgs.builder().overflow(BitFieldOverflow.SAT).get(U8, 0).build();
        assertFalse(write.isReadOnly());
        assertFalse(overflow.isReadOnly());
        assertEquals(2, write.operations());
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> client.bitfieldRo("k", write));
        assertTrue(error.getMessage().contains("BITFIELD_RO"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> client.bitfieldRo("k", overflow));
        assertTrue(client.sent().isEmpty());
    }

    @Test
    void bitfieldIsAWriteEvenWhenItOnlyReads() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        client.bitfield("k", BitFieldArgs.builder().get(U8, 0).build());
        assertTrue(client.onlySent().traits().isEmpty());
    }
}
