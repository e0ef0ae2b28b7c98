package io.slotwise.sim.command;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.map;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigCommandsTest {
    private static final String OK = simple("OK");

    @TempDir
    Path dir;

    private SimNode node;

    @AfterEach
    void closeNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void configGetMatchesGlobPatternsCaseInsensitively() {
        try (RespClient client = connect(SimNodeConfig.defaults().with("requirepass", "pw"))) {
            client.call("AUTH", "pw");
            assertEquals(
                    array(
                            bulk("cluster-enabled"), bulk("no"),
                            bulk("cluster-config-file"), bulk("nodes.conf"),
                            bulk("cluster-node-timeout"), bulk("15000")),
                    client.call("CONFIG", "GET", "CLUSTER-[ecn]*"));
            assertEquals(
                    array(bulk("port"), bulk(Integer.toString(node.port())), bulk("requirepass"), bulk("pw")),
                    client.call("CONFIG", "GET", "port", "requirepass", "PORT"));
            assertEquals(array(), client.call("CONFIG", "GET", "nonexistent"));
            client.call("HELLO", "3");
            assertEquals(map(bulk("bind"), bulk("127.0.0.1")), client.call("CONFIG", "GET", "bind"));
        }
    }

    @Test
    void configSetChangesMutableDirectivesAtomically() {
        try (RespClient client = connect(SimNodeConfig.defaults())) {
            assertEquals(
                    OK,
                    client.call("CONFIG", "SET", "cluster-node-timeout", "3000", "cluster-announce-ip", "10.0.0.7"));
            assertEquals(
                    array(bulk("cluster-node-timeout"), bulk("3000")),
                    client.call("CONFIG", "GET", "cluster-node-timeout"));
            assertEquals(3000, node.config().clusterNodeTimeoutMillis());
            assertEquals(
                    error("ERR CONFIG SET failed (possibly related to argument 'cluster-require-full-coverage') -"
                            + " argument must be 'yes' or 'no'"),
                    client.call("CONFIG", "SET", "cluster-node-timeout", "5", "cluster-require-full-coverage", "x"));
            assertEquals(3000, node.config().clusterNodeTimeoutMillis(), "nothing applied");
            assertEquals(
                    OK,
                    client.call(
                            "CONFIG",
                            "SET",
                            "cluster-migration-barrier",
                            "3",
                            "cluster-allow-replica-migration",
                            "no"));
            assertEquals(
                    array(bulk("cluster-migration-barrier"), bulk("3")),
                    client.call("CONFIG", "GET", "cluster-migration-barrier"));
            assertEquals(3, node.config().clusterMigrationBarrier());
            assertFalse(node.config().clusterAllowReplicaMigration());
            assertEquals(OK, client.call("CONFIG", "SET", "save", "60 1 300 10"));
            assertEquals(array(bulk("save"), bulk("60 1 300 10")), client.call("CONFIG", "GET", "save"));
        }
    }

    static Stream<Arguments> badSets() {
        return Stream.of(
                Arguments.of(List.of("foo", "bar"), "ERR Unknown option or number of arguments for CONFIG SET - 'foo'"),
                Arguments.of(
                        List.of("port", "1"),
                        "ERR CONFIG SET failed (possibly related to argument 'port') - can't set immutable config"),
                Arguments.of(
                        List.of("cluster-node-timeout", "x"),
                        "ERR CONFIG SET failed (possibly related to argument 'cluster-node-timeout') - argument"
                                + " couldn't be parsed into an integer"),
                Arguments.of(
                        List.of("cluster-node-timeout", "5", "cluster-node-timeout", "6"),
                        "ERR CONFIG SET failed (possibly related to argument 'cluster-node-timeout') - duplicate"
                                + " parameter"),
                Arguments.of(
                        List.of("loglevel", "loud"),
                        "ERR CONFIG SET failed (possibly related to argument 'loglevel') - argument(s) must be one of"
                                + " the following: debug, verbose, notice, warning"),
                Arguments.of(
                        List.of("cluster-migration-barrier", "2147483648"),
                        "ERR CONFIG SET failed (possibly related to argument 'cluster-migration-barrier') - argument"
                                + " must be between 0 and 2147483647 inclusive"),
                Arguments.of(
                        List.of("cluster-allow-replica-migration", "maybe"),
                        "ERR CONFIG SET failed (possibly related to argument 'cluster-allow-replica-migration') -"
                                + " argument must be 'yes' or 'no'"),
                Arguments.of(List.of("a", "b", "c"), "ERR syntax error"),
                Arguments.of(List.of("a"), "ERR wrong number of arguments for 'config|set' command"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSets")
    void configSetRejectsWithRedisErrors(List<String> args, String expected) {
        try (RespClient client = connect(SimNodeConfig.defaults())) {
            String[] command =
                    Stream.concat(Stream.of("CONFIG", "SET"), args.stream()).toArray(String[]::new);
            assertEquals(error(expected), client.call(command));
        }
    }

    @Test
    void settingRequirepassLocksNewConnectionsOnly() {
        try (RespClient before = connect(SimNodeConfig.defaults())) {
            assertEquals(OK, before.call("CONFIG", "SET", "requirepass", "pw"));
            assertEquals(simple("PONG"), before.call("PING"));
            try (RespClient after = RespClient.connect(node.port())) {
                assertEquals(error("NOAUTH Authentication required."), after.call("PING"));
            }
        }
    }

    @Test
    void protoMaxBulkLenAppliesToTheNextRequest() {
        try (RespClient client = connect(SimNodeConfig.defaults())) {
            assertEquals(OK, client.call("CONFIG", "SET", "proto-max-bulk-len", "1mb"));
            client.sendRaw("*2\r\n$4\r\nECHO\r\n$" + (1024 * 1024 + 1) + "\r\n");
            assertEquals(error("ERR Protocol error: invalid bulk length"), client.read());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void configRewriteNeedsAConfigFile() {
        try (RespClient client = connect(SimNodeConfig.defaults())) {
            assertEquals(error("ERR The server is running without a config file"), client.call("CONFIG", "REWRITE"));
        }
    }

    @Test
    void configRewriteWritesTheCurrentValuesBack() throws Exception {
        Path file = Files.writeString(dir.resolve("node.conf"), "# node\nport 0\ncluster-node-timeout 5000\n");
        try (RespClient client = connect(SimNodeConfig.fromCommandLine(file.toString()))) {
            assertEquals(OK, client.call("CONFIG", "SET", "cluster-node-timeout", "2000"));
            assertEquals(OK, client.call("CONFIG", "REWRITE"));
            assertEquals(
                    List.of("# node", "port " + node.port(), "cluster-node-timeout 2000"), Files.readAllLines(file));
        }
    }

    @Test
    void configHelpListsTheSubcommands() {
        try (RespClient client = connect(SimNodeConfig.defaults())) {
            assertTrue(client.call("CONFIG", "HELP").startsWith("*11\r\n+CONFIG <subcommand>"));
        }
    }

    private RespClient connect(SimNodeConfig config) {
        node = SimNode.start(config.with("port", "0"));
        return RespClient.connect(node.port());
    }
}
