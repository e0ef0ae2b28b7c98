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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** XADD, XLEN, XRANGE, XREVRANGE, XDEL and XTRIM over a loopback socket, with the keyspace clock under control. */
class StreamAppendAndRangeCommandsTest {
    private static final String INVALID_ID = error("ERR Invalid stream ID specified as stream command argument");
    private static final String NOT_ABOVE_TOP =
            error("ERR The ID specified in XADD is equal or smaller than the target stream top item");
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
        node.setClock(1_000);
        try (RespClient client = node.connect(2)) {
            client.call("FLUSHALL");
        }
    }

    @Test
    void generatedIdsTakeTheClockAndStayAboveTheLastIdWhenTheClockIsBehind() {
        try (RespClient client = node.connect(2)) {
            assertEquals(bulk("1000-0"), client.call("XADD", "s", "*", "a", "1"));
            assertEquals(bulk("1000-1"), client.call("XADD", "s", "*", "a", "2"));
            node.setClock(500);
            assertEquals(bulk("1000-2"), client.call("XADD", "s", "*", "a", "3"));
            node.setClock(2_000);
            assertEquals(bulk("2000-0"), client.call("XADD", "s", "*", "a", "4"));
            assertEquals(bulk("2000-1"), client.call("XADD", "s", "2000-*", "a", "5"));
            assertEquals(bulk("3000-0"), client.call("XADD", "s", "3000-*", "a", "6"));
            assertEquals(integer(6), client.call("XLEN", "s"));
        }
    }

    @Test
    void explicitIdsMustGrowAndBeWellFormed() {
        try (RespClient client = node.connect(2)) {
            assertEquals(bulk("1-1"), client.call("XADD", "s", "1-1", "a", "1"));
            assertEquals(NOT_ABOVE_TOP, client.call("XADD", "s", "1-1", "a", "1"));
            assertEquals(NOT_ABOVE_TOP, client.call("XADD", "s", "1", "a", "1"));
            assertEquals(NOT_ABOVE_TOP, client.call("XADD", "s", "0-*", "a", "1"));
            assertEquals(
                    error("ERR The ID specified in XADD must be greater than 0-0"),
                    client.call("XADD", "t", "0-0", "a", "1"));
            assertEquals(INVALID_ID, client.call("XADD", "s", "1-x", "a", "1"));
            assertEquals(INVALID_ID, client.call("XADD", "s", "18446744073709551616", "a", "1"));
            assertEquals(
                    error("ERR wrong number of arguments for 'xadd' command"),
                    client.call("XADD", "s", "5", "a", "1", "b"));
            assertEquals(
                    bulk("18446744073709551615-18446744073709551615"),
                    client.call("XADD", "s", "18446744073709551615-18446744073709551615", "a", "1"));
            assertEquals(
                    error("ERR The stream has exhausted the last possible ID, unable to add more items"),
                    client.call("XADD", "s", "*", "a", "1"));
            assertEquals("$-1\r\n", client.call("XADD", "missing", "NOMKSTREAM", "*", "a", "1"));
            assertEquals(integer(0), client.call("EXISTS", "missing"));
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "MAXLEN -1|ERR The MAXLEN argument must be >= 0.",
                "MAXLEN = 1 LIMIT 10|ERR syntax error, LIMIT cannot be used without the special ~ option",
                "MAXLEN ~ 1 LIMIT -1|ERR The LIMIT argument must be >= 0.",
                "LIMIT 5|ERR syntax error, LIMIT cannot be used without specifying a trimming strategy",
                "MAXLEN 1 MINID 1|ERR syntax error, MAXLEN and MINID options at the same time are not compatible",
                "MAXLEN abc|ERR value is not an integer or out of range"
            })
    void malformedTrimOptionsAreRejectedBeforeAnythingIsAdded(String options, String message) {
        try (RespClient client = node.connect(2)) {
            String[] parts = options.split(" ");
            String[] args = new String[parts.length + 5];
            args[0] = "XADD";
            args[1] = "s";
            System.arraycopy(parts, 0, args, 2, parts.length);
            args[parts.length + 2] = "*";
            args[parts.length + 3] = "f";
            args[parts.length + 4] = "v";
            assertEquals(error(message), client.call(args));
            assertEquals(integer(0), client.call("EXISTS", "s"));
        }
    }

    @Test
    void xtrimChecksItsArgumentsBeforeLookingTheKeyUp() {
        try (RespClient client = node.connect(2)) {
            client.call("SET", "string", "v");

            assertEquals(error("ERR syntax error"), client.call("XTRIM", "missing", "LEFT", "1"));
            assertEquals(error("ERR syntax error"), client.call("XTRIM", "string", "BYLEX", "3"));
            assertEquals(integer(0), client.call("XTRIM", "missing", "MAXLEN", "1"));
        }
    }

    @Test
    void exactTrimmingKeepsTheNewestEntriesAndApproximateTrimmingRemovesWholeNodes() {
        try (RespClient client = node.connect(2)) {
            for (int i = 1; i <= 250; i++) {
                client.call("XADD", "s", i + "-1", "f", Integer.toString(i));
            }
            assertEquals(integer(100), client.call("XTRIM", "s", "MAXLEN", "~", "120"), "one whole node of 100");
            assertEquals(integer(0), client.call("XTRIM", "s", "MAXLEN", "~", "10", "LIMIT", "50"));
            assertEquals(integer(0), client.call("XTRIM", "s", "MINID", "~", "180"));
            assertEquals(integer(100), client.call("XTRIM", "s", "MINID", "~", "230"));
            assertEquals(integer(30), client.call("XTRIM", "s", "MINID", "231"));
            assertEquals(integer(17), client.call("XTRIM", "s", "MAXLEN", "=", "3"));
            assertEquals(
                    array(entry("248-1", "f", "248"), entry("249-1", "f", "249"), entry("250-1", "f", "250")),
                    client.call("XRANGE", "s", "-", "+"));
            assertEquals(bulk("251-1"), client.call("XADD", "s", "MAXLEN", "2", "251-1", "f", "251"));
            assertEquals(integer(2), client.call("XLEN", "s"));
            assertEquals(error("ERR syntax error"), client.call("XTRIM", "s", "FOO", "1"));
        }
    }

    @Test
    void rangesHonourExclusiveBoundsCountAndDirection() {
        try (RespClient client = node.connect(2)) {
            client.call("XADD", "s", "1-1", "a", "1");
            client.call("XADD", "s", "1-2", "b", "2");
            client.call("XADD", "s", "2-0", "c", "3");
            String first = entry("1-1", "a", "1");
            String second = entry("1-2", "b", "2");
            String third = entry("2-0", "c", "3");
            assertEquals(array(first, second, third), client.call("XRANGE", "s", "-", "+"));
            assertEquals(array(second, third), client.call("XRANGE", "s", "(1-1", "+"));
            assertEquals(array(first, second), client.call("XRANGE", "s", "1", "(2-0"));
            assertEquals(array(third, second), client.call("XREVRANGE", "s", "+", "-", "COUNT", "2"));
            assertEquals(array(second, first), client.call("XREVRANGE", "s", "(2-0", "-"));
            assertEquals("*-1\r\n", client.call("XRANGE", "s", "-", "+", "COUNT", "0"));
            assertEquals(array(), client.call("XRANGE", "s", "2", "1"));
            assertEquals(array(), client.call("XRANGE", "missing", "-", "+"));
            assertEquals(
                    error("ERR invalid start ID for the interval"),
                    client.call("XRANGE", "s", "(18446744073709551615-18446744073709551615", "+"));
            assertEquals(error("ERR invalid end ID for the interval"), client.call("XRANGE", "s", "-", "(0-0"));
            assertEquals(INVALID_ID, client.call("XRANGE", "s", "(-", "+"));
            assertEquals(error("ERR syntax error"), client.call("XRANGE", "s", "-", "+", "FOO"));
        }
    }

    @Test
    void xdelRemovesEntriesButKeepsTheStreamAndItsLastId() {
        try (RespClient client = node.connect(2)) {
            client.call("XADD", "s", "1-1", "a", "1");
            client.call("XADD", "s", "2-1", "a", "2");
            assertEquals(integer(1), client.call("XDEL", "s", "1-1", "9-9", "1-1"));
            assertEquals(INVALID_ID, client.call("XDEL", "s", "x"));
            assertEquals(integer(0), client.call("XDEL", "missing", "x"));
            assertEquals(integer(1), client.call("XDEL", "s", "2-1"));
            assertEquals(integer(1), client.call("EXISTS", "s"));
            assertEquals(simple("stream"), client.call("TYPE", "s"));
            assertEquals(bulk("stream"), client.call("OBJECT", "ENCODING", "s"));
            assertEquals(NOT_ABOVE_TOP, client.call("XADD", "s", "2-1", "a", "3"));
        }
    }

    @Test
    void streamCommandsOnAnotherTypeAnswerWrongtype() {
        try (RespClient client = node.connect(2)) {
            client.call("SET", "str", "x");
            String wrongType = error("WRONGTYPE Operation against a key holding the wrong kind of value");
            assertEquals(wrongType, client.call("XADD", "str", "1", "a", "1"));
            assertEquals(wrongType, client.call("XLEN", "str"));
            assertEquals(wrongType, client.call("XRANGE", "str", "-", "+"));
            assertEquals(wrongType, client.call("XREAD", "STREAMS", "str", "0"));
            assertEquals(wrongType, client.call("XGROUP", "CREATE", "str", "g", "$"));
        }
    }

    @Test
    void aStreamSurvivesDumpAndRestoreWithItsGroups() {
        try (RespClient client = node.connect(2)) {
            client.call("XADD", "s", "1-1", "a", "1");
            client.call("XADD", "s", "2-1", "b", "2");
            client.call("XGROUP", "CREATE", "s", "g", "0");
            client.call("XREADGROUP", "GROUP", "g", "c", "COUNT", "1", "STREAMS", "s", ">");
            String infoBefore = client.call("XINFO", "STREAM", "s", "FULL");
            String dumped = client.call("DUMP", "s");
            String payload = dumped.substring(dumped.indexOf("\r\n") + 2, dumped.length() - 2);
            client.sendRaw(
                    "*4\r\n$7\r\nRESTORE\r\n$4\r\ncopy\r\n$1\r\n0\r\n$" + payload.length() + "\r\n" + payload + "\r\n");
            assertEquals(simple("OK"), client.read());
            assertEquals(infoBefore, client.call("XINFO", "STREAM", "copy", "FULL"));
        }
    }
}
