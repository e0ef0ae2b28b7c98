package io.slotwise.sim.command;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandIntrospectionTest {
    private static final CommandTable TABLE = CommandTable.redis70();
    private static SimNode node;
    private static RespClient client;

    @BeforeAll
    static void startNode() {
        node = SimNode.start(SimNodeConfig.defaults().with("port", "0"));
        client = RespClient.connect(node.port());
    }

    @AfterAll
    static void closeNode() {
        client.close();
        node.close();
    }

    @Test
    void commandInfoUsesRedis70LayoutWithSetsInResp3() {
        String get = "*10\r\n" + bulk("get") + integer(2) + "~2\r\n" + simple("readonly") + simple("fast")
                + integer(1) + integer(1) + integer(1) + "~3\r\n" + simple("@read") + simple("@string")
                + simple("@fast") + "~0\r\n~0\r\n~0\r\n";
        client.call("HELLO", "3");
        try {
            assertEquals("*2\r\n" + get + "_\r\n", client.call("COMMAND", "INFO", "get", "nope"));
        } finally {
            client.call("HELLO", "2");
        }
        assertEquals("*2\r\n" + get.replace('~', '*') + "$-1\r\n", client.call("COMMAND", "INFO", "GET", "nope"));
    }

    @Test
    void commandInfoOfAContainerNestsItsSubcommands() {
        String info = client.call("COMMAND", "INFO", "client");
        int subcommands = TABLE.command("client").subcommands().size();
        assertTrue(info.startsWith("*1\r\n*10\r\n" + bulk("client") + integer(-2)), info);
        assertTrue(info.contains("*" + subcommands + "\r\n*10\r\n"), info);
        assertTrue(info.contains(bulk("client|list") + integer(-2)), info);
    }

    @Test
    void commandWithoutArgumentsListsEveryTopLevelCommand() {
        int count = TABLE.commands().size();
        assertEquals(integer(count), client.call("COMMAND", "COUNT"));
        assertTrue(client.call("COMMAND").startsWith("*" + count + "\r\n*10\r\n"));
        assertTrue(client.call("COMMAND", "INFO").startsWith("*" + count + "\r\n*10\r\n"));
    }

    @Test
    void commandDocsAnswersAMinimalMapAndSkipsUnknownCommands() {
        assertEquals(
                array(
                        bulk("get"),
                        array(bulk("summary"), bulk(""), bulk("since"), bulk(""), bulk("group"), bulk("string"))),
                client.call("COMMAND", "DOCS", "get", "nope"));
        String client = CommandIntrospectionTest.client.call("COMMAND", "DOCS", "client");
        assertTrue(client.contains(bulk("subcommands")) && client.contains(bulk("client|setname")), client);
        assertTrue(client.contains(bulk("group") + bulk("connection")), client);
    }

    static Stream<Arguments> getKeys() {
        return Stream.of(
                Arguments.of(new String[] {"get", "k"}, array(bulk("k"))),
                Arguments.of(new String[] {"mset", "a", "1", "b", "2"}, array(bulk("a"), bulk("b"))),
                Arguments.of(new String[] {"eval", "return 1", "0"}, array()),
                Arguments.of(new String[] {"eval", "return 1", "2", "x", "y", "z"}, array(bulk("x"), bulk("y"))),
                Arguments.of(
                        new String[] {"migrate", "h", "1", "", "0", "5", "COPY", "KEYS", "a", "b"},
                        array(bulk("a"), bulk("b"))),
                Arguments.of(new String[] {"object", "encoding", "k"}, array(bulk("k"))),
                Arguments.of(new String[] {"foo", "x"}, error("ERR Invalid command specified")),
                Arguments.of(new String[] {"client", "nope"}, error("ERR Invalid command specified")),
                Arguments.of(new String[] {"ping", "x"}, error("ERR The command has no key arguments")),
                Arguments.of(
                        new String[] {"get", "a", "b"}, error("ERR Invalid number of arguments specified for command")),
                Arguments.of(
                        new String[] {"mset", "a"}, error("ERR Invalid number of arguments specified for command")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("getKeys")
    void commandGetKeysFindsKeysAsRedisDoes(String[] command, String expected) {
        String[] args = Stream.concat(Stream.of("COMMAND", "GETKEYS"), Stream.of(command))
                .toArray(String[]::new);
        assertEquals(expected, client.call(args));
    }

    @Test
    void commandListFiltersByCategoryAndPattern() {
        String all = client.call("COMMAND", "LIST");
        assertTrue(all.contains(bulk("client|list")) && all.contains(bulk("get")), all);
        String connection = client.call("COMMAND", "LIST", "FILTERBY", "ACLCAT", "connection");
        assertTrue(connection.contains(bulk("client|list")) && connection.contains(bulk("ping")), connection);
        assertFalse(connection.contains(bulk("client")) || connection.contains(bulk("get")), connection);
        assertEquals(array(bulk("config|get")), client.call("COMMAND", "LIST", "FILTERBY", "PATTERN", "CONFIG|G*"));
        assertEquals(array(), client.call("COMMAND", "LIST", "FILTERBY", "MODULE", "x"));
        assertEquals(error("ERR syntax error"), client.call("COMMAND", "LIST", "FILTERBY", "FOO", "x"));
    }

    @Test
    void commandHelpListsTheSubcommandsAndGetkeysandflagsAnswersKeysWithFlags() {
        assertTrue(client.call("COMMAND", "HELP").startsWith("*21\r\n+COMMAND <subcommand>"));
        assertEquals(
                "*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n",
                client.call("COMMAND", "GETKEYSANDFLAGS", "get", "k"));
        assertEquals(
                error("ERR The command has no key arguments"), client.call("COMMAND", "GETKEYSANDFLAGS", "ping", "x"));
    }
}
