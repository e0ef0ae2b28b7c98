package io.slotwise.sim.command;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MONITOR, SLOWLOG, LATENCY, SAVE and friends, MEMORY, MODULE and LOLWUT on a standalone node. */
class ServerAdminCommandsTest {
    private static final String OK = simple("OK");
    private SimNode node;

    @BeforeEach
    void startNode() {
        node = SimNode.start(SimNodeConfig.defaults().with("port", "0"));
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void monitorStreamsExecutedCommandsQuotedWithPasswordsRedacted() {
        try (RespClient monitor = RespClient.connect(node.port());
                RespClient client = RespClient.connect(node.port())) {
            assertEquals(OK, monitor.call("MONITOR"));
            client.call("SET", "a b", "x\"y\n");
            client.call("AUTH", "default", "pw");
            client.call("CLIENT", "LIST");
            client.call("NOSUCHCOMMAND");
            client.call("GET", "a b");
            assertTrue(monitor.read()
                    .matches("\\+\\d+\\.\\d{6} \\[0 127\\.0\\.0\\.1:\\d+] \"SET\" \"a b\" \"x\\\\\"y\\\\n\"\r\n"));
            assertTrue(monitor.read().endsWith("\"AUTH\" \"(redacted)\" \"(redacted)\"\r\n"));
            assertTrue(monitor.read().endsWith("] \"GET\" \"a b\"\r\n"));
        }
    }

    @Test
    void monitorLinesQuoteBytesAsRedisRepr() {
        byte[] arg = {'a', (byte) 0xFF, 1, '\\', '\t'};
        assertEquals(
                "1.000042 [0 1.2.3.4:5] \"x\" \"a\\xff\\x01\\\\\\t\"",
                MonitorFeed.line(Instant.ofEpochSecond(1, 42_000), "1.2.3.4:5", List.of("x".getBytes(), arg)));
    }

    @Test
    void slowLogRecordsCommandsSlowerThanTheThresholdNewestFirst() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(integer(0), client.call("SLOWLOG", "LEN"));
            assertEquals(OK, client.call("CONFIG", "SET", "slowlog-log-slower-than", "0"));
            client.call("SET", "k", "v");
            client.call("GET", "k");
            String entries = client.call("SLOWLOG", "GET", "2");
            assertTrue(entries.startsWith("*2\r\n*6\r\n"), entries);
            assertTrue(entries.indexOf("$3\r\nGET\r\n") < entries.indexOf("$3\r\nSET\r\n"), entries);
            assertEquals(OK, client.call("CONFIG", "SET", "slowlog-max-len", "1"));
            assertEquals(integer(1), client.call("SLOWLOG", "LEN"));
            assertEquals(OK, client.call("CONFIG", "SET", "slowlog-log-slower-than", "-1"));
            assertEquals(OK, client.call("SLOWLOG", "RESET"));
            client.call("GET", "k");
            assertEquals(integer(0), client.call("SLOWLOG", "LEN"));
            assertEquals(error("ERR count should be greater than or equal to -1"), client.call("SLOWLOG", "GET", "-2"));
        }
    }

    @Test
    void slowLogShortensLongArgumentsAndLongCommands() {
        byte[] longArg = new byte[200];
        java.util.Arrays.fill(longArg, (byte) 'a');
        List<byte[]> args = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            args.add(i == 1 ? longArg : "x".getBytes(StandardCharsets.US_ASCII));
        }
        var shown = SlowLog.shownArguments(args);
        assertEquals(32, shown.size());
        assertEquals(
                "a".repeat(128) + "... (72 more bytes)",
                new String(((io.slotwise.sim.protocol.Reply.Bulk) shown.get(1)).bytes(), StandardCharsets.US_ASCII));
        assertEquals(io.slotwise.sim.protocol.Reply.bulk("... (9 more arguments)"), shown.get(31));
    }

    @Test
    void latencyMonitorAnswersAsDisabledAndHistogramsCountCalls() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(array(), client.call("LATENCY", "LATEST"));
            assertEquals(array(), client.call("LATENCY", "HISTORY", "command"));
            assertEquals(integer(0), client.call("LATENCY", "RESET"));
            assertEquals(
                    error("ERR No samples available for event 'command'"), client.call("LATENCY", "GRAPH", "command"));
            client.call("LASTSAVE");
            client.call("LASTSAVE");
            String histogram = client.call("LATENCY", "HISTOGRAM", "lastsave");
            assertTrue(histogram.startsWith("*2\r\n$8\r\nlastsave\r\n*4\r\n$5\r\ncalls\r\n:2\r\n"), histogram);
        }
    }

    @Test
    void latencyBucketsAreLabelledLikeRedisHdrHistogram() {
        assertEquals(0, CommandLatencies.bucket(10));
        assertEquals(0, CommandLatencies.bucket(1031));
        assertEquals(1, CommandLatencies.bucket(1032));
        assertEquals(5, CommandLatencies.bucket(33_000));
    }

    @Test
    void saveCommandsSucceedWithoutPersistingAndUpdateLastsave() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(OK, client.call("SAVE"));
            long now = System.currentTimeMillis() / 1000;
            long lastSave = Long.parseLong(client.call("LASTSAVE").substring(1).trim());
            assertTrue(Math.abs(now - lastSave) <= 1);
            assertEquals(simple("Background saving started"), client.call("BGSAVE"));
            assertEquals(simple("Background saving started"), client.call("BGSAVE", "SCHEDULE"));
            assertEquals(error("ERR syntax error"), client.call("BGSAVE", "FOO"));
            assertEquals(simple("Background append only file rewriting started"), client.call("BGREWRITEAOF"));
        }
    }

    @Test
    void memoryUsageEstimatesExistingKeysAndAnswersNullForMissingOnes() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.call("SET", "foo", "bar");
            long usage = Long.parseLong(
                    client.call("MEMORY", "USAGE", "foo").substring(1).trim());
            assertTrue(usage > "foobar".length(), "usage " + usage);
            assertEquals("$-1\r\n", client.call("MEMORY", "USAGE", "nokey"));
            assertEquals(error("ERR syntax error"), client.call("MEMORY", "USAGE", "foo", "FOO"));
            assertEquals(
                    error("ERR value is not an integer or out of range"),
                    client.call("MEMORY", "USAGE", "foo", "SAMPLES", "x"));
            assertTrue(client.call("MEMORY", "STATS").contains("$10\r\nkeys.count\r\n:1\r\n"));
            assertEquals(OK, client.call("MEMORY", "PURGE"));
            assertEquals(bulk("Stats not supported for the current allocator"), client.call("MEMORY", "MALLOC-STATS"));
        }
    }

    @Test
    void modulesAreNeverLoadedAsWithEnableModuleCommandNo() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(array(), client.call("MODULE", "LIST"));
            assertEquals(error(ModuleCommands.NOT_ALLOWED), client.call("MODULE", "LOAD", "/x.so"));
            assertEquals(error(ModuleCommands.NOT_ALLOWED), client.call("MODULE", "UNLOAD", "x"));
        }
    }

    @Test
    void lolwutPrintsTheVersionAndDrawsForVersionsFiveAndSix() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(bulk("Redis ver. 7.0.15\n"), client.call("LOLWUT"));
            assertEquals(bulk("Redis ver. 7.0.15\n"), client.call("LOLWUT", "VERSION", "4"));
            assertTrue(client.call("LOLWUT", "VERSION", "5", "3", "1", "1").endsWith("1968. Redis ver. 7.0.15\n\r\n"));
            assertTrue(client.call("LOLWUT", "VERSION", "6", "3", "2").endsWith("hikikomori. Redis ver. 7.0.15\n\r\n"));
            assertEquals(error("ERR value is not an integer or out of range"), client.call("LOLWUT", "VERSION", "x"));
        }
    }
}
