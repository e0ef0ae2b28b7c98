package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DEBUG subcommands the simulator implements, over a loopback socket. */
class DebugCommandsTest {
    private static final String ZEROS = "0".repeat(40);

    private LoopbackNode node;
    private RespClient client;

    @BeforeEach
    void start() {
        node = LoopbackNode.start();
        client = node.client();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void digestValueIsEqualForEqualValuesOnEveryNodeAndZeroForMissingKeys() {
        client.call("SET", "a", "same");
        client.call("SET", "b", "other");
        try (LoopbackNode other = LoopbackNode.start()) {
            RespClient remote = other.client();
            remote.call("SET", "a", "same");
            String local = client.call("DEBUG", "DIGEST-VALUE", "a", "b", "missing");
            String[] lines = local.split("\r\n");
            assertEquals("*3", lines[0]);
            assertTrue(lines[1].matches("\\+[0-9a-f]{40}"), lines[1]);
            assertNotEquals(lines[1], lines[2]);
            assertEquals("+" + ZEROS, lines[3]);
            assertEquals(array(lines[1] + "\r\n"), remote.call("DEBUG", "DIGEST-VALUE", "a"));
        }
        assertEquals(array(), client.call("DEBUG", "DIGEST-VALUE"));
    }

    @Test
    void digestCoversNamesValuesAndTtlsButNotInsertionOrder() {
        assertEquals(simple(ZEROS), client.call("DEBUG", "DIGEST"));
        client.call("SET", "a", "1");
        client.call("SET", "b", "2");
        String digest = client.call("DEBUG", "DIGEST");
        assertTrue(digest.matches("\\+[0-9a-f]{40}\r\n") && !digest.equals(simple(ZEROS)), digest);
        try (LoopbackNode other = LoopbackNode.start()) {
            RespClient remote = other.client();
            remote.call("SET", "b", "2");
            remote.call("SET", "a", "1");
            assertEquals(digest, remote.call("DEBUG", "DIGEST"));
            remote.call("PEXPIREAT", "a", Long.toString(other.nowMillis() + 1000));
            assertNotEquals(digest, remote.call("DEBUG", "DIGEST"));
        }
        client.call("RENAME", "a", "c");
        assertNotEquals(digest, client.call("DEBUG", "DIGEST"));
    }

    @Test
    void sleepDelaysOnlyTheCallingConnection() {
        assertEquals(simple("OK"), client.call("DEBUG", "SLEEP", "0"));
        assertEquals(simple("OK"), client.call("DEBUG", "SLEEP", "x"), "non-numbers read as 0, as strtod does");
        RespClient other = node.client();
        long started = System.nanoTime();
        client.send("DEBUG", "SLEEP", "0.3");
        assertEquals(simple("PONG"), other.call("PING"));
        assertEquals(simple("OK"), client.read());
        assertTrue(System.nanoTime() - started >= 300_000_000L, "the reply waited for the sleep");
    }

    @Test
    void simpleSubcommandsAnswerAsRedis() {
        assertEquals(simple("OK"), client.call("DEBUG", "SET-ACTIVE-EXPIRE", "0"));
        assertEquals(error("custom failure text"), client.call("DEBUG", "ERROR", "custom failure\ntext"));
        assertEquals(simple("OK"), client.call("DEBUG", "LOG", "hello"));
        String help = client.call("DEBUG", "HELP");
        assertTrue(help.contains(simple("DIGEST-VALUE <key> [<key> ...]")), help);
    }

    @Test
    void populateCreatesNumberedKeysWithoutOverwriting() {
        client.call("SET", "key:1", "mine");
        assertEquals(simple("OK"), client.call("DEBUG", "POPULATE", "3"));
        assertEquals(
                array(bulk("value:0"), bulk("mine"), bulk("value:2"), "$-1\r\n"),
                client.call("MGET", "key:0", "key:1", "key:2", "key:3"));
        assertEquals(simple("OK"), client.call("DEBUG", "POPULATE", "2", "p", "10"));
        assertEquals("$10\r\nvalue:1\u0000\u0000\u0000\r\n", client.call("GET", "p:1"));
        assertEquals(simple("OK"), client.call("DEBUG", "POPULATE", "1", "q", "3"));
        assertEquals(bulk("val"), client.call("GET", "q:0"));
        assertEquals(integer(6), client.call("DBSIZE"));
        assertEquals(error("ERR value is out of range, must be positive"), client.call("DEBUG", "POPULATE", "-1"));
        assertEquals(error("ERR value is out of range, must be positive"), client.call("DEBUG", "POPULATE", "x"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "string | $11\\r\\nHello World\\r\\n | $11\\r\\nHello World\\r\\n",
                "integer | :12345\\r\\n | :12345\\r\\n",
                "double | $5\\r\\n3.141\\r\\n | ,3.141\\r\\n",
                "bignum | $37\\r\\n1234567999999999999999999999999999999\\r\\n"
                        + " | (1234567999999999999999999999999999999\\r\\n",
                "null | $-1\\r\\n | _\\r\\n",
                "array | *3\\r\\n:0\\r\\n:1\\r\\n:2\\r\\n | *3\\r\\n:0\\r\\n:1\\r\\n:2\\r\\n",
                "set | *3\\r\\n:0\\r\\n:1\\r\\n:2\\r\\n | ~3\\r\\n:0\\r\\n:1\\r\\n:2\\r\\n",
                "map | *6\\r\\n:0\\r\\n:0\\r\\n:1\\r\\n:1\\r\\n:2\\r\\n:0\\r\\n | %3\\r\\n:0\\r\\n#f\\r\\n:1\\r\\n#t\\r\\n:2\\r\\n#f\\r\\n",
                "verbatim | $25\\r\\nThis is a verbatim\\nstring\\r\\n | =29\\r\\ntxt:This is a verbatim\\nstring\\r\\n",
                "true | :1\\r\\n | #t\\r\\n",
                "false | :0\\r\\n | #f\\r\\n"
            })
    void protocolAnswersEachTypeInBothProtocols(String type, String resp2, String resp3) {
        assertEquals(unescape(resp2), client.call("DEBUG", "PROTOCOL", type));
        assertEquals(unescape(resp3), node.resp3Client().call("DEBUG", "PROTOCOL", type));
    }

    @Test
    void protocolAttributeIsDroppedInResp2AndPushIsRefused() {
        assertEquals(bulk("Some real reply following the attribute"), client.call("DEBUG", "PROTOCOL", "attrib"));
        RespClient resp3 = node.resp3Client();
        assertEquals("|1\r\n", resp3.call("DEBUG", "PROTOCOL", "attrib"), "the test client reads attributes piecewise");
        assertEquals(bulk("key-popularity"), resp3.read());
        assertEquals(array(bulk("key:123"), integer(90)), resp3.read());
        assertEquals(bulk("Some real reply following the attribute"), resp3.read());
        assertEquals(error("ERR RESP2 is not supported by this command"), client.call("DEBUG", "PROTOCOL", "push"));
        assertEquals(
                error("ERR Wrong protocol type name. Please use one of the following:"
                        + " string|integer|double|bignum|null|array|set|map|attrib|push|verbatim|true|false"),
                client.call("DEBUG", "PROTOCOL", "nope"));
    }

    @Test
    void unknownOrUnimplementedSubcommandsAreNamed() {
        assertEquals(
                error("ERR unknown subcommand or wrong number of arguments for 'nope'. Try DEBUG HELP."),
                client.call("DEBUG", "nope"));
        assertEquals(
                error("ERR unknown subcommand or wrong number of arguments for 'sleep'. Try DEBUG HELP."),
                client.call("DEBUG", "sleep"));
        assertEquals(
                error("ERR unsupported DEBUG subcommand 'RELOAD': the Slotwise simulator does not implement it"),
                client.call("DEBUG", "RELOAD"));
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n");
    }
}
