package io.slotwise.sim.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.protocol.Request;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The key positions of the movable-key list, set and SORT commands (used for cluster routing and COMMAND GETKEYS) and
 * the keys with flags COMMAND GETKEYSANDFLAGS reports, as Redis 7.0.15 reports them.
 */
class KeysAndFlagsTest {
    private static final CommandTable TABLE = CommandTable.redis70();

    /** Splits a command at blanks; {@code <empty>} stands for an empty argument. */
    private static List<byte[]> args(String command) {
        return Request.ofStrings(command.split(" ")).args().stream()
                .map(arg -> new String(arg, StandardCharsets.US_ASCII).equals("<empty>") ? new byte[0] : arg)
                .toList();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "LMPOP 2 a b LEFT|2 3",
                "LMPOP 5 a LEFT|''",
                "LMPOP 0 a LEFT|''",
                "BLMPOP 0 1 a LEFT|3",
                "SINTERCARD 2 a b LIMIT 1|2 3",
                "SORT l BY store STORE dst LIMIT 0 1|1 5",
                "SORT l STORE a STORE b|1 5",
                "SORT_RO l STORE x|1"
            })
    void movableKeysAreFoundWhereRedisFindsThem(String command, String expected) {
        List<byte[]> args = args(command);
        int[] indexes = TABLE.command(command.split(" ")[0].toLowerCase()).keyIndexes(args);
        int[] wanted = expected.isEmpty()
                ? new int[0]
                : Arrays.stream(expected.split(" ")).mapToInt(Integer::parseInt).toArray();
        assertArrayEquals(wanted, indexes);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SET k v|1:OW,update",
                "SET k v GET|1:RW,access,update",
                "LMOVE a b LEFT RIGHT|1:RW,access,delete 2:RW,insert",
                "SORT a STORE b|1:RO,access 3:OW,update",
                "BITFIELD a GET u8 0|1:RO,access",
                "BITFIELD a SET u8 0 1|1:RW,access,update",
                "ZUNIONSTORE d 2 a b|1:OW,update 3:RO,access 4:RO,access",
                "MIGRATE h 1 <empty> 0 5 KEYS a b|7:RW,access,delete 8:RW,access,delete",
                "XREAD STREAMS a b 0 0|2:RO,access 3:RO,access",
                "GEORADIUS a 1 1 1 m STORE b|1:RO,access 7:OW,update"
            })
    void keysComeWithTheFlagsOfTheirKeySpec(String command, String expected) {
        List<byte[]> args = args(command);
        List<KeysAndFlags.Found> found = KeysAndFlags.find(TABLE.command(command.split(" ")[0].toLowerCase()), args);
        StringBuilder actual = new StringBuilder();
        for (KeysAndFlags.Found key : found) {
            actual.append(actual.length() == 0 ? "" : " ")
                    .append(key.index())
                    .append(':')
                    .append(String.join(",", key.flags()));
        }
        assertEquals(expected, actual.toString());
    }
}
