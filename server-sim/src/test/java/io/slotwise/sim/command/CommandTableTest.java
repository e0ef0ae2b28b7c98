package io.slotwise.sim.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandTableTest {

    private static final CommandTable TABLE = CommandTable.redis70();

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of("foo a b", "ERR unknown command 'foo', with args beginning with: 'a' 'b' "),
                Arguments.of("foo", "ERR unknown command 'foo', with args beginning with: "),
                Arguments.of("cluster foo", "ERR unknown subcommand 'foo'. Try CLUSTER HELP."),
                Arguments.of("client xyz a", "ERR unknown subcommand 'xyz'. Try CLIENT HELP."),
                Arguments.of("cluster", "ERR wrong number of arguments for 'cluster' command"),
                Arguments.of("get", "ERR wrong number of arguments for 'get' command"),
                Arguments.of("GET a b", "ERR wrong number of arguments for 'get' command"),
                Arguments.of("CLuster Meet", "ERR wrong number of arguments for 'cluster|meet' command"),
                Arguments.of("config", "ERR wrong number of arguments for 'config' command"),
                Arguments.of("object help x", "ERR wrong number of arguments for 'object|help' command"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void invalidInvocationsGetRedisErrorTexts(String command, String expectedError) {
        var resolution = assertInstanceOf(CommandTable.Resolution.Rejected.class, TABLE.resolve(args(command)));
        assertEquals(expectedError, resolution.error().message());
    }

    @Test
    void unknownCommandPreviewStopsAt128CharactersOfArguments() {
        String longArg = "a".repeat(200);
        var resolution = (CommandTable.Resolution.Rejected) TABLE.resolve(args("foo " + longArg + " next"));
        assertEquals(
                "ERR unknown command 'foo', with args beginning with: '" + "a".repeat(128) + "' ",
                resolution.error().message());
    }

    @Test
    void unknownCommandErrorQuotesNonAsciiBytesUnchanged() {
        byte[] name = {(byte) 0xFF, (byte) 0xE9};
        byte[] arg = {(byte) 0xC3, (byte) 0xA9};
        var resolution = (CommandTable.Resolution.Rejected) TABLE.resolve(List.of(name, arg));
        byte[] expected = concat(
                "ERR unknown command '".getBytes(StandardCharsets.US_ASCII),
                name,
                "', with args beginning with: '".getBytes(StandardCharsets.US_ASCII),
                arg,
                "' ".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(expected, resolution.error().bytes());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void errorTextsNeverContainLineBreaks() {
        List<byte[]> args = List.of(bytes("fo\r\no"), bytes("x\ny"));
        var resolution = (CommandTable.Resolution.Rejected) TABLE.resolve(args);
        assertFalse(
                resolution.error().message().contains("\n")
                        || resolution.error().message().contains("\r"),
                resolution.error().message());
    }

    @Test
    void subcommandsResolveCaseInsensitively() {
        var found = assertInstanceOf(
                CommandTable.Resolution.Found.class, TABLE.resolve(args("CLUSTER addSlotsRange 0 100")));
        assertEquals("cluster|addslotsrange", found.spec().name());
        assertTrue(found.spec().has(CommandFlag.ADMIN));
    }

    static Stream<Arguments> keyPositions() {
        return Stream.of(
                Arguments.of("get k", new int[] {1}),
                Arguments.of("set k v ex 10", new int[] {1}),
                Arguments.of("mget a b c", new int[] {1, 2, 3}),
                Arguments.of("mset a 1 b 2", new int[] {1, 3}),
                Arguments.of("blpop a b 0", new int[] {1, 2}),
                Arguments.of("lmove a b left right", new int[] {1, 2}),
                Arguments.of("ping", new int[] {}),
                Arguments.of("object encoding k", new int[] {2}),
                Arguments.of("eval s 2 a b x", new int[] {3, 4}),
                Arguments.of("eval s 0 x", new int[] {}),
                Arguments.of("eval s notanumber a", new int[] {}),
                Arguments.of("sintercard 2abc a b", new int[] {2, 3}),
                Arguments.of("evalsha sha 1 a", new int[] {3}),
                Arguments.of("migrate h 1 k 0 10", new int[] {3}),
                Arguments.of("migrate h 1 k 0 10 copy replace", new int[] {3}),
                Arguments.of("migrate h 1 \"\" 0 10 auth pw keys a b", new int[] {9, 10}),
                Arguments.of("migrate h 1 \"\" 0 10 auth2 user pw keys a", new int[] {10}),
                Arguments.of("migrate h 1 k 0 10 keys a", new int[] {}),
                Arguments.of("zunion 2 a b withscores", new int[] {2, 3}),
                Arguments.of("zintercard 1 a limit 1", new int[] {2}),
                Arguments.of("zunionstore d 2 a b weights 1 2", new int[] {1, 3, 4}),
                Arguments.of("zdiffstore d 3 a b", new int[] {}),
                Arguments.of("zunionstore d 2-0 a b", new int[] {1, 3, 4}),
                Arguments.of("zunion ~ a b", new int[] {}),
                Arguments.of("eval s 1x a", new int[] {3}),
                Arguments.of("zinterstore d 0 a", new int[] {}),
                Arguments.of("zmpop 2 a min", new int[] {2, 3}),
                Arguments.of("zmpop 3 a min", new int[] {}),
                Arguments.of("bzmpop 0 1 a max count 2", new int[] {3}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyPositions")
    void keysAreFoundWhereRedisFindsThem(String command, int[] expected) {
        List<byte[]> args = args(command);
        var found = assertInstanceOf(CommandTable.Resolution.Found.class, TABLE.resolve(args));
        assertArrayEquals(expected, found.spec().keyIndexes(args));
    }

    @Test
    void tableHoldsEveryCommandTheSimulatorPromises() {
        for (String name : List.of(
                "get",
                "set",
                "getex",
                "mget",
                "mset",
                "msetnx",
                "del",
                "unlink",
                "exists",
                "touch",
                "scan",
                "dump",
                "restore",
                "restore-asking",
                "copy",
                "hset",
                "hscan",
                "lpush",
                "blmove",
                "sadd",
                "sscan",
                "zadd",
                "zrange",
                "zscan",
                "multi",
                "exec",
                "watch",
                "cluster",
                "asking",
                "readonly",
                "readwrite",
                "migrate",
                "wait",
                "hello",
                "auth",
                "client",
                "config",
                "command",
                "function",
                "role",
                "info",
                "shutdown")) {
            assertTrue(TABLE.command(name) != null, "missing " + name);
        }
        assertEquals(
                java.util.Set.of(
                        "addslots",
                        "addslotsrange",
                        "delslots",
                        "delslotsrange",
                        "flushslots",
                        "bumpepoch",
                        "set-config-epoch",
                        "count-failure-reports",
                        "countkeysinslot",
                        "getkeysinslot",
                        "keyslot",
                        "info",
                        "links",
                        "meet",
                        "myid",
                        "nodes",
                        "slots",
                        "shards",
                        "replicas",
                        "slaves",
                        "replicate",
                        "reset",
                        "saveconfig",
                        "setslot",
                        "forget",
                        "failover",
                        "help"),
                TABLE.command("cluster").subcommands().keySet());
    }

    @Test
    void malformedTableLinesAreReportedWithTheirLineNumber() {
        String table = "# comment\nget 2 readonly,fast 1 1 1 read\nset -3 write,bogusflag 1 1 1 write\n";
        var error = assertThrows(
                IllegalStateException.class, () -> CommandTable.parse(new BufferedReader(new StringReader(table))));
        assertTrue(error.getMessage().contains("line 3"), error.getMessage());
    }

    private static List<byte[]> args(String command) {
        return Arrays.stream(command.split(" "))
                .map(arg -> arg.equals("\"\"") ? "" : arg)
                .map(CommandTableTest::bytes)
                .collect(Collectors.toList());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
