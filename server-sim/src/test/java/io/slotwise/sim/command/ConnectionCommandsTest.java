package io.slotwise.sim.command;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.map;
import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.Resp.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Connection commands on a standalone node, in RESP2 and RESP3, over a loopback socket. */
class ConnectionCommandsTest {
    @TempDir
    java.nio.file.Path dir;

    private static final String OK = simple("OK");
    private static SimNode node;

    @BeforeAll
    static void startNode() {
        node = SimNode.start(SimNodeConfig.defaults().with("port", "0"));
    }

    @AfterAll
    static void closeNode() {
        node.close();
    }

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void pingAndEchoAnswerTheSameInBothProtocols(int protocol) {
        try (RespClient client = connect(protocol)) {
            assertEquals(simple("PONG"), client.call("PING"));
            assertEquals(bulk("hi there"), client.call("PING", "hi there"));
            assertEquals(bulk(""), client.call("ECHO", ""));
            assertEquals(error("ERR wrong number of arguments for 'ping' command"), client.call("PING", "a", "b"));
        }
    }

    @Test
    void helloAnswersTheServerMapInTheProtocolItSwitchesTo() {
        try (RespClient client = RespClient.connect(node.port())) {
            long id = clientId(client);
            String[] fields = {
                bulk("server"), bulk("redis"),
                bulk("version"), bulk("7.0.15"),
                bulk("proto"), integer(3),
                bulk("id"), integer(id),
                bulk("mode"), bulk("standalone"),
                bulk("role"), bulk("master"),
                bulk("modules"), array()
            };
            assertEquals(map(fields), client.call("HELLO", "3"));
            assertEquals("_\r\n", client.call("CLIENT", "GETNAME"), "later replies use RESP3");
            fields[5] = integer(2);
            assertEquals(array(fields), client.call("HELLO", "2"));
            assertEquals("$-1\r\n", client.call("CLIENT", "GETNAME"));
            assertEquals(array(fields), client.call("HELLO"), "HELLO without version keeps the protocol");
        }
    }

    @Test
    void helloRejectsBadVersionsAndOptions() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(error("NOPROTO unsupported protocol version"), client.call("HELLO", "4"));
            assertEquals(error("NOPROTO unsupported protocol version"), client.call("HELLO", "1"));
            assertEquals(error("ERR Protocol version is not an integer or out of range"), client.call("HELLO", "x"));
            assertEquals(error("ERR Syntax error in HELLO option 'FOO'"), client.call("HELLO", "3", "FOO"));
            assertEquals(error("ERR Syntax error in HELLO option 'SETNAME'"), client.call("HELLO", "3", "SETNAME"));
            assertEquals(
                    error("ERR Client names cannot contain spaces, newlines or special characters."),
                    client.call("HELLO", "2", "SETNAME", "a b"));
            assertEquals("$-1\r\n", client.call("CLIENT", "GETNAME"), "a rejected HELLO changes nothing");
        }
    }

    @Test
    void helloSetsTheName() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.call("HELLO", "2", "SETNAME", "lettuce#1");
            assertEquals(bulk("lettuce#1"), client.call("CLIENT", "GETNAME"));
        }
    }

    @Test
    void helloAuthenticatesWhenAPasswordIsRequired() {
        try (SimNode secured =
                        SimNode.start(SimNodeConfig.defaults().with("port", "0").with("requirepass", "pw"));
                RespClient client = RespClient.connect(secured.port())) {
            assertTrue(client.call("HELLO", "3")
                    .startsWith("-NOAUTH HELLO must be called with the client already authenticated, otherwise the"
                            + " HELLO <proto> AUTH <user> <pass> option can be used"));
            assertEquals(
                    error("WRONGPASS invalid username-password pair or user is disabled."),
                    client.call("HELLO", "3", "AUTH", "default", "nope"));
            assertTrue(client.call("HELLO", "3", "AUTH", "default", "pw", "SETNAME", "n")
                    .startsWith("%7\r\n"));
            assertEquals(bulk("n"), client.call("CLIENT", "GETNAME"));
        }
    }

    @Test
    void authWithoutConfiguredPasswordAnswersRedisErrors() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(
                    error("ERR AUTH <password> called without any password configured for the default user. Are you"
                            + " sure your configuration is correct?"),
                    client.call("AUTH", "x"));
            assertEquals(OK, client.call("AUTH", "default", "anything"));
            assertEquals(
                    error("WRONGPASS invalid username-password pair or user is disabled."),
                    client.call("AUTH", "someone", "x"));
            assertEquals(error("ERR syntax error"), client.call("AUTH", "a", "b", "c"));
        }
    }

    @Test
    void selectAcceptsOnlyDatabaseZero() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(OK, client.call("SELECT", "0"));
            assertEquals(error("ERR DB index is out of range"), client.call("SELECT", "1"));
            assertEquals(error("ERR value is not an integer or out of range"), client.call("SELECT", "x"));
        }
    }

    @Test
    void clusterModeRefusesSelectOfOtherDatabasesAndAcceptsClusterFlags() {
        try (SimNode cluster = SimNode.start(SimNodeConfig.defaults()
                        .with("port", "0")
                        .with("cluster-enabled", "yes")
                        .with("dir", dir.toString()));
                RespClient client = RespClient.connect(cluster.port())) {
            assertEquals(OK, client.call("SELECT", "0"));
            assertEquals(error("ERR SELECT is not allowed in cluster mode"), client.call("SELECT", "1"));
            assertEquals(OK, client.call("ASKING"));
            assertEquals(OK, client.call("READONLY"));
            assertTrue(clientLine(client).contains(" flags=r "));
            assertEquals(OK, client.call("READWRITE"));
            assertTrue(clientLine(client).contains(" flags=N "));
        }
    }

    @Test
    void clusterFlagsNeedClusterMode() {
        try (RespClient client = RespClient.connect(node.port())) {
            for (String command : new String[] {"ASKING", "READONLY", "READWRITE"}) {
                assertEquals(error("ERR This instance has cluster support disabled"), client.call(command));
            }
        }
    }

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void clientNameIdInfoAndList(int protocol) {
        try (RespClient client = connect(protocol);
                RespClient other = RespClient.connect(node.port())) {
            String none = protocol == 3 ? "_\r\n" : "$-1\r\n";
            assertEquals(none, client.call("CLIENT", "GETNAME"));
            assertEquals(OK, client.call("CLIENT", "SETNAME", "worker-1"));
            assertEquals(bulk("worker-1"), client.call("CLIENT", "GETNAME"));
            assertEquals(
                    error("ERR Client names cannot contain spaces, newlines or special characters."),
                    client.call("CLIENT", "SETNAME", "a\nb"));
            long id = clientId(client);
            long otherId = clientId(other);
            String info = client.call("CLIENT", "INFO");
            assertEquals(protocol == 3 ? '=' : '$', info.charAt(0));
            Pattern line =
                    Pattern.compile("id=" + id + " addr=127\\.0\\.0\\.1:\\d+ laddr=127\\.0\\.0\\.1:" + node.port()
                            + " fd=\\d+ name=worker-1 age=\\d+ idle=\\d+ flags=N db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=0"
                            + " qbuf-free=0 argv-mem=0 multi-mem=0 rbs=0 rbp=0 obl=0 oll=0 omem=0 tot-mem=0 events=r"
                            + " cmd=client\\|info user=default redir=-1 resp=" + protocol + "\n");
            assertTrue(line.matcher(textOf(info)).matches(), info);
            String list = textOf(client.call("CLIENT", "LIST"));
            assertTrue(list.contains("id=" + id + " ") && list.contains("id=" + otherId + " "), list);
            String only = textOf(client.call("CLIENT", "LIST", "ID", Long.toString(otherId)));
            assertTrue(only.startsWith("id=" + otherId + " ") && only.indexOf('\n') == only.length() - 1, only);
            assertEquals("", textOf(client.call("CLIENT", "LIST", "TYPE", "replica")));
        }
    }

    @Test
    void clientListRejectsBadOptions() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(error("ERR Unknown client type 'foo'"), client.call("CLIENT", "LIST", "TYPE", "foo"));
            assertEquals(error("ERR Invalid client ID"), client.call("CLIENT", "LIST", "ID", "1", "x"));
            assertEquals(error("ERR syntax error"), client.call("CLIENT", "LIST", "FOO"));
        }
    }

    @Test
    void clientListShowsMultiState() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.call("MULTI");
            client.call("PING");
            client.call("PING");
            client.call("EXEC");
            client.call("MULTI");
            client.call("PING");
            client.send("CLIENT", "INFO");
            assertEquals(simple("QUEUED"), client.read(), "CLIENT INFO is queued, not executed");
            String exec = client.call("EXEC");
            assertTrue(exec.contains(" flags=x ") && exec.contains(" multi=2 "), exec);
        }
    }

    @Test
    void clientHelpListsTheSubcommands() {
        try (RespClient client = RespClient.connect(node.port())) {
            String help = client.call("CLIENT", "HELP");
            assertTrue(help.startsWith("*48\r\n+CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"));
            assertTrue(help.endsWith("+HELP\r\n+    Prints this help.\r\n"), help);
        }
    }

    @Test
    void quitAnswersOkAndDropsPipelinedCommands() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.sendRaw(RespClient.command("PING") + RespClient.command("QUIT") + RespClient.command("PING"));
            assertEquals(simple("PONG"), client.read());
            assertEquals(OK, client.read());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void resetRestoresANewConnectionState() {
        try (SimNode cluster = SimNode.start(SimNodeConfig.defaults()
                        .with("port", "0")
                        .with("cluster-enabled", "yes")
                        .with("dir", dir.toString()));
                RespClient client = RespClient.connect(cluster.port())) {
            client.call("HELLO", "3", "SETNAME", "x");
            client.call("READONLY");
            client.call("MULTI");
            assertEquals(simple("RESET"), client.call("RESET"));
            String line = clientLine(client);
            assertTrue(line.contains(" name= ") && line.contains(" flags=N ") && line.contains(" multi=-1 "), line);
            assertTrue(line.contains(" resp=2\n"), line);
            assertEquals(error("ERR EXEC without MULTI"), client.call("EXEC"));
        }
    }

    @Test
    void timeAnswersSecondsAndMicroseconds() {
        try (RespClient client = RespClient.connect(node.port())) {
            long before = System.currentTimeMillis() / 1000;
            String time = client.call("TIME");
            long after = System.currentTimeMillis() / 1000;
            var matcher = Pattern.compile("\\*2\r\n\\$\\d+\r\n(\\d+)\r\n\\$\\d+\r\n(\\d+)\r\n")
                    .matcher(time);
            assertTrue(matcher.matches(), time);
            long seconds = Long.parseLong(matcher.group(1));
            assertTrue(before <= seconds && seconds <= after, time);
            assertTrue(Long.parseLong(matcher.group(2)) < 1_000_000, time);
        }
    }

    @Test
    void roleAnswersAMasterWithoutReplicas() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(array(bulk("master"), integer(0), array()), client.call("ROLE"));
        }
    }

    private static RespClient connect(int protocol) {
        RespClient client = RespClient.connect(node.port());
        client.call("HELLO", Integer.toString(protocol));
        return client;
    }

    private static long clientId(RespClient client) {
        String reply = client.call("CLIENT", "ID");
        return Long.parseLong(reply.substring(1, reply.length() - 2));
    }

    private static String clientLine(RespClient client) {
        return textOf(client.call("CLIENT", "INFO"));
    }
}
