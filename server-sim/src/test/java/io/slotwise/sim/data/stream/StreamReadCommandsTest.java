package io.slotwise.sim.data.stream;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.data.stream.StreamEntries.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** XREAD and XREADGROUP over loopback sockets: reply shapes in both protocols, blocking, and group delivery. */
class StreamReadCommandsTest {
    private static StreamTestNode node;

    @BeforeAll
    static void startNode() {
        node = StreamTestNode.start(1_000);
    }

    @AfterAll
    static void closeNode() {
        node.close();
    }

    @BeforeEach
    void flush() {
        try (RespClient client = node.connect(2)) {
            client.call("FLUSHALL");
            client.call("XADD", "s", "1-1", "a", "1");
            client.call("XADD", "s", "1-2", "b", "2");
        }
    }

    @AfterEach
    void noClientIsLeftBlocked() {
        node.awaitBlockedClients(0);
    }

    @Test
    void xreadAnswersPairsInResp2AndAMapInResp3() {
        String entries = array(entry("1-2", "b", "2"));
        try (RespClient resp2 = node.connect(2);
                RespClient resp3 = node.connect(3)) {
            assertEquals(array(array(bulk("s"), entries)), resp2.call("XREAD", "STREAMS", "s", "missing", "1-1", "0"));
            assertEquals("%1\r\n" + bulk("s") + entries, resp3.call("XREAD", "STREAMS", "s", "1-1"));
            assertEquals(
                    array(array(bulk("s"), array(entry("1-1", "a", "1")))),
                    resp2.call("XREAD", "COUNT", "1", "STREAMS", "s", "0"));
            assertEquals("*-1\r\n", resp2.call("XREAD", "STREAMS", "s", "$"));
            assertEquals("_\r\n", resp3.call("XREAD", "STREAMS", "s", "1-2"));
        }
    }

    @Test
    void xreadArgumentErrorsAreRedisTexts() {
        try (RespClient client = node.connect(2)) {
            assertEquals(
                    error("ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified."),
                    client.call("XREAD", "STREAMS", "s", "t", "0"));
            assertEquals(
                    error("ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group>"
                            + " <consumer> option."),
                    client.call("XREAD", "STREAMS", "s", ">"));
            assertEquals(
                    error("ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead."),
                    client.call("XREAD", "GROUP", "g", "c", "STREAMS", "s", "0"));
            assertEquals(error("ERR timeout is negative"), client.call("XREAD", "BLOCK", "-1", "STREAMS", "s", "0"));
            assertEquals(
                    error("ERR timeout is not an integer or out of range"),
                    client.call("XREAD", "BLOCK", "x", "STREAMS", "s", "0"));
            assertEquals(error("ERR syntax error"), client.call("XREAD", "FOO", "STREAMS", "s", "0"));
        }
    }

    @Test
    void blockedReadersWaitingForDifferentIdsAreEachServedByTheAppendThatPassesThem() {
        try (RespClient early = node.connect(2);
                RespClient late = node.connect(3);
                RespClient writer = node.connect(2)) {
            late.send("XREAD", "BLOCK", "0", "STREAMS", "s", "5-0");
            node.awaitBlockedClients(1);
            early.send("XREAD", "BLOCK", "0", "STREAMS", "s", "$");
            node.awaitBlockedClients(2);
            assertEquals(bulk("2-0"), writer.call("XADD", "s", "2-0", "c", "3"));
            assertEquals(array(array(bulk("s"), array(entry("2-0", "c", "3")))), early.read());
            node.awaitBlockedClients(1);
            assertEquals(bulk("6-0"), writer.call("XADD", "s", "6-0", "d", "4"));
            assertEquals("%1\r\n" + bulk("s") + array(entry("6-0", "d", "4")), late.read());
        }
    }

    @Test
    void aBlockedReadTimesOutWithTheNullArrayAndATransactionNeverBlocks() {
        try (RespClient client = node.connect(2)) {
            assertEquals("*-1\r\n", client.call("XREAD", "BLOCK", "50", "STREAMS", "s", "$"));
            client.call("MULTI");
            client.call("XREAD", "BLOCK", "0", "STREAMS", "s", "$");
            assertEquals(array("*-1\r\n"), client.call("EXEC"));
        }
    }

    @Test
    void xreadgroupDeliversNewEntriesOnceAndRereadsTheConsumersHistory() {
        try (RespClient client = node.connect(2)) {
            assertEquals(simple("OK"), client.call("XGROUP", "CREATE", "s", "g", "0"));
            String both = array(array(bulk("s"), array(entry("1-1", "a", "1"), entry("1-2", "b", "2"))));
            assertEquals(both, client.call("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">"));
            assertEquals("*-1\r\n", client.call("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">"));
            assertEquals(both, client.call("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", "0"));
            assertEquals(
                    array(array(bulk("s"), array())),
                    client.call("XREADGROUP", "GROUP", "g", "other", "STREAMS", "s", "0"));
            assertEquals(integer(1), client.call("XDEL", "s", "1-1"));
            assertEquals(
                    array(array(bulk("s"), array(array(bulk("1-1"), "*-1\r\n")))),
                    client.call("XREADGROUP", "GROUP", "g", "c", "COUNT", "1", "STREAMS", "s", "0"));
            assertEquals(
                    error("NOGROUP No such key 's' or consumer group 'nog' in XREADGROUP with GROUP option"),
                    client.call("XREADGROUP", "GROUP", "nog", "c", "STREAMS", "s", ">"));
            assertEquals(
                    error("ERR Missing GROUP option for XREADGROUP"),
                    client.call("XREADGROUP", "COUNT", "1", "BLOCK", "1", "STREAMS", "s", ">"));
        }
    }

    @Test
    void noackDeliversWithoutPendingEntries() {
        try (RespClient client = node.connect(2)) {
            client.call("XGROUP", "CREATE", "s", "g", "0");
            client.call("XREADGROUP", "GROUP", "g", "c", "NOACK", "STREAMS", "s", ">");
            assertEquals(array(integer(0), "$-1\r\n", "$-1\r\n", "*-1\r\n"), client.call("XPENDING", "s", "g"));
        }
    }

    @Test
    void aBlockedGroupReaderIsServedByAnAppendAndErrsWhenItsGroupOrStreamGoes() {
        try (RespClient reader = node.connect(2);
                RespClient writer = node.connect(2)) {
            writer.call("XGROUP", "CREATE", "s", "g", "$");
            reader.send("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
            node.awaitBlockedClients(1);
            writer.call("XADD", "s", "3-0", "x", "y");
            assertEquals(array(array(bulk("s"), array(entry("3-0", "x", "y")))), reader.read());
            assertEquals(
                    array(integer(1), bulk("3-0"), bulk("3-0"), array(array(bulk("c"), bulk("1")))),
                    writer.call("XPENDING", "s", "g"));
            reader.send("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
            node.awaitBlockedClients(1);
            writer.call("XGROUP", "DESTROY", "s", "g");
            assertEquals(
                    error("NOGROUP the consumer group this client was blocked on no longer exists"), reader.read());
            writer.call("XGROUP", "CREATE", "s", "g", "$");
            reader.send("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
            node.awaitBlockedClients(1);
            writer.call("DEL", "s");
            assertEquals(error("UNBLOCKED the stream key no longer exists"), reader.read());
        }
    }
}
