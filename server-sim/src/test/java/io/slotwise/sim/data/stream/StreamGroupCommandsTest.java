package io.slotwise.sim.data.stream;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.map;
import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.data.stream.StreamEntries.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * XGROUP, XSETID, XACK, XPENDING, XCLAIM, XAUTOCLAIM and XINFO over a loopback socket, with idle times read from a
 * keyspace clock the test moves.
 */
class StreamGroupCommandsTest {
    private static final long START = 1_000_000;
    private static StreamTestNode node;

    @BeforeAll
    static void startNode() {
        node = StreamTestNode.start(START);
    }

    @AfterAll
    static void closeNode() {
        node.close();
    }

    @BeforeEach
    void flush() {
        node.setClock(START);
        try (RespClient client = node.connect(2)) {
            client.call("FLUSHALL");
            for (int i = 1; i <= 5; i++) {
                client.call("XADD", "s", i + "-0", "f", Integer.toString(i));
            }
        }
    }

    private static String group(String name, long consumers, long pending, String last, String read, String lag) {
        return map(
                bulk("name"), bulk(name),
                bulk("consumers"), integer(consumers),
                bulk("pending"), integer(pending),
                bulk("last-delivered-id"), bulk(last),
                bulk("entries-read"), read,
                bulk("lag"), lag);
    }

    @Test
    void groupsTrackTheirReadCounterAndLagUntilADeletionMakesThemUnknown() {
        try (RespClient client = node.connect(3)) {
            assertEquals(simple("OK"), client.call("XGROUP", "CREATE", "s", "g", "0"));
            assertEquals(
                    error("BUSYGROUP Consumer Group name already exists"),
                    client.call("XGROUP", "CREATE", "s", "g", "$"));
            assertEquals(array(group("g", 0, 0, "0-0", "_\r\n", integer(5))), client.call("XINFO", "GROUPS", "s"));
            client.call("XREADGROUP", "GROUP", "g", "c", "COUNT", "2", "STREAMS", "s", ">");
            assertEquals(array(group("g", 1, 2, "2-0", integer(2), integer(3))), client.call("XINFO", "GROUPS", "s"));
            client.call("XDEL", "s", "4-0");
            assertEquals(array(group("g", 1, 2, "2-0", integer(2), "_\r\n")), client.call("XINFO", "GROUPS", "s"));
            assertEquals(simple("OK"), client.call("XGROUP", "SETID", "s", "g", "$", "ENTRIESREAD", "5"));
            assertEquals(array(group("g", 1, 2, "5-0", integer(5), integer(0))), client.call("XINFO", "GROUPS", "s"));
            assertEquals(
                    error("ERR value for ENTRIESREAD must be positive or -1"),
                    client.call("XGROUP", "CREATE", "s", "h", "$", "ENTRIESREAD", "-2"));
        }
    }

    @Test
    void xgroupSubcommandsNeedTheKeyAndMostNeedTheGroup() {
        try (RespClient client = node.connect(2)) {
            assertEquals(
                    error("ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to"
                            + " use the MKSTREAM option to create an empty stream automatically."),
                    client.call("XGROUP", "CREATE", "missing", "g", "$"));
            assertEquals(simple("OK"), client.call("XGROUP", "CREATE", "missing", "g", "$", "MKSTREAM"));
            assertEquals(integer(0), client.call("XLEN", "missing"));
            assertEquals(
                    error("NOGROUP No such consumer group 'nog' for key name 's'"),
                    client.call("XGROUP", "SETID", "s", "nog", "0"));
            assertEquals(
                    error("ERR unknown subcommand or wrong number of arguments for 'CREATE'. Try XGROUP HELP."),
                    client.call("XGROUP", "CREATE", "s", "g", "0", "FOO"));
            client.call("XGROUP", "CREATE", "s", "g", "0");
            assertEquals(integer(1), client.call("XGROUP", "CREATECONSUMER", "s", "g", "idle"));
            assertEquals(integer(0), client.call("XGROUP", "CREATECONSUMER", "s", "g", "idle"));
            client.call("XREADGROUP", "GROUP", "g", "busy", "COUNT", "3", "STREAMS", "s", ">");
            assertEquals(integer(3), client.call("XGROUP", "DELCONSUMER", "s", "g", "busy"));
            assertEquals(integer(0), client.call("XGROUP", "DELCONSUMER", "s", "g", "busy"));
            assertEquals(integer(1), client.call("XGROUP", "DESTROY", "s", "g"));
            assertEquals(integer(0), client.call("XGROUP", "DESTROY", "s", "g"));
        }
    }

    @Test
    void xsetidMovesTheLastIdButNeverBelowTheTopEntry() {
        try (RespClient client = node.connect(2)) {
            assertEquals(
                    error("ERR The ID specified in XSETID is smaller than the target stream top item"),
                    client.call("XSETID", "s", "4-0"));
            assertEquals(
                    error("ERR The entries_added specified in XSETID is smaller than the target stream length"),
                    client.call("XSETID", "s", "9-0", "ENTRIESADDED", "2"));
            assertEquals(simple("OK"), client.call("XSETID", "s", "9-0", "ENTRIESADDED", "7", "MAXDELETEDID", "6-0"));
            assertEquals(
                    error("ERR The ID specified in XADD is equal or smaller than the target stream top item"),
                    client.call("XADD", "s", "8-0", "f", "v"));
            assertEquals(error("ERR no such key"), client.call("XSETID", "missing", "1"));
            String info = client.call("XINFO", "STREAM", "s");
            assertEquals(true, info.contains(bulk("max-deleted-entry-id") + bulk("6-0")), info);
            assertEquals(true, info.contains(bulk("entries-added") + integer(7)), info);
        }
    }

    @Test
    void xpendingReportsIdleTimesFromTheClockAndFiltersByIdleAndConsumer() {
        try (RespClient client = node.connect(2)) {
            client.call("XGROUP", "CREATE", "s", "g", "0");
            client.call("XREADGROUP", "GROUP", "g", "a", "COUNT", "2", "STREAMS", "s", ">");
            node.advanceClock(500);
            client.call("XREADGROUP", "GROUP", "g", "b", "COUNT", "1", "STREAMS", "s", ">");
            node.advanceClock(100);
            assertEquals(
                    array(
                            integer(3),
                            bulk("1-0"),
                            bulk("3-0"),
                            array(array(bulk("a"), bulk("2")), array(bulk("b"), bulk("1")))),
                    client.call("XPENDING", "s", "g"));
            assertEquals(
                    array(
                            array(bulk("1-0"), bulk("a"), integer(600), integer(1)),
                            array(bulk("2-0"), bulk("a"), integer(600), integer(1)),
                            array(bulk("3-0"), bulk("b"), integer(100), integer(1))),
                    client.call("XPENDING", "s", "g", "-", "+", "10"));
            assertEquals(
                    array(array(bulk("2-0"), bulk("a"), integer(600), integer(1))),
                    client.call("XPENDING", "s", "g", "IDLE", "200", "(1-0", "+", "10"));
            assertEquals(
                    array(array(bulk("3-0"), bulk("b"), integer(100), integer(1))),
                    client.call("XPENDING", "s", "g", "-", "+", "10", "b"));
            assertEquals(array(), client.call("XPENDING", "s", "g", "-", "+", "10", "nobody"));
            assertEquals(integer(2), client.call("XACK", "s", "g", "1-0", "3-0", "9-0"));
            assertEquals(integer(0), client.call("XACK", "s", "nog", "2-0"));
            assertEquals(error("NOGROUP No such key 's' or consumer group 'nog'"), client.call("XPENDING", "s", "nog"));
        }
        try (RespClient client = node.connect(3)) {
            assertEquals(
                    array(
                            map(bulk("name"), bulk("a"), bulk("pending"), integer(1), bulk("idle"), integer(600)),
                            map(bulk("name"), bulk("b"), bulk("pending"), integer(0), bulk("idle"), integer(100))),
                    client.call("XINFO", "CONSUMERS", "s", "g"));
        }
    }

    @Test
    void xclaimHonoursMinIdleAndItsOptions() {
        try (RespClient client = node.connect(2)) {
            client.call("XGROUP", "CREATE", "s", "g", "0");
            client.call("XREADGROUP", "GROUP", "g", "a", "COUNT", "3", "STREAMS", "s", ">");
            node.advanceClock(1_000);
            assertEquals(array(), client.call("XCLAIM", "s", "g", "b", "5000", "1-0"));
            assertEquals(array(entry("1-0", "f", "1")), client.call("XCLAIM", "s", "g", "b", "500", "1-0"));
            assertEquals(
                    array(bulk("2-0")),
                    client.call("XCLAIM", "s", "g", "b", "0", "2-0", "JUSTID", "IDLE", "300", "RETRYCOUNT", "7"));
            assertEquals(
                    array(bulk("5-0")),
                    client.call("XCLAIM", "s", "g", "b", "0", "5-0", "FORCE", "JUSTID", "LASTID", "5-0"));
            assertEquals(
                    array(
                            array(bulk("1-0"), bulk("b"), integer(0), integer(2)),
                            array(bulk("2-0"), bulk("b"), integer(300), integer(7)),
                            array(bulk("3-0"), bulk("a"), integer(1_000), integer(1)),
                            array(bulk("5-0"), bulk("b"), integer(0), integer(1))),
                    client.call("XPENDING", "s", "g", "-", "+", "10"));
            client.call("XDEL", "s", "3-0");
            assertEquals(array(), client.call("XCLAIM", "s", "g", "b", "0", "3-0"));
            assertEquals(
                    array(integer(3), bulk("1-0"), bulk("5-0"), array(array(bulk("b"), bulk("3")))),
                    client.call("XPENDING", "s", "g"));
            assertEquals(
                    error("ERR Unrecognized XCLAIM option 'FOO'"),
                    client.call("XCLAIM", "s", "g", "b", "0", "1-0", "FOO"));
            assertEquals(
                    error("ERR Invalid min-idle-time argument for XCLAIM"),
                    client.call("XCLAIM", "s", "g", "b", "x", "1-0"));
        }
    }

    @Test
    void xautoclaimReturnsACursorTheClaimedEntriesAndTheDeletedIds() {
        try (RespClient client = node.connect(2)) {
            client.call("XGROUP", "CREATE", "s", "g", "0");
            client.call("XREADGROUP", "GROUP", "g", "a", "STREAMS", "s", ">");
            client.call("XDEL", "s", "2-0", "4-0");
            assertEquals(
                    array(bulk("3-0"), array(bulk("1-0")), array(bulk("2-0"))),
                    client.call("XAUTOCLAIM", "s", "g", "b", "0", "0", "COUNT", "2", "JUSTID"));
            assertEquals(
                    array(bulk("0-0"), array(entry("3-0", "f", "3"), entry("5-0", "f", "5")), array(bulk("4-0"))),
                    client.call("XAUTOCLAIM", "s", "g", "b", "0", "3-0"));
            assertEquals(
                    error("ERR COUNT must be > 0"), client.call("XAUTOCLAIM", "s", "g", "b", "0", "0", "COUNT", "0"));
            assertEquals(
                    error("NOGROUP No such key 's' or consumer group 'nog'"),
                    client.call("XAUTOCLAIM", "s", "nog", "b", "0", "0"));
        }
    }

    @Test
    void xinfoStreamFullListsEntriesGroupsAndConsumers() {
        try (RespClient client = node.connect(3)) {
            client.call("XGROUP", "CREATE", "s", "g", "4-0");
            client.call("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">");
            String full = client.call("XINFO", "STREAM", "s", "FULL", "COUNT", "1");
            String time = integer(START);
            String expected = map(
                    bulk("length"), integer(5),
                    bulk("radix-tree-keys"), integer(1),
                    bulk("radix-tree-nodes"), integer(2),
                    bulk("last-generated-id"), bulk("5-0"),
                    bulk("max-deleted-entry-id"), bulk("0-0"),
                    bulk("entries-added"), integer(5),
                    bulk("recorded-first-entry-id"), bulk("1-0"),
                    bulk("entries"), array(entry("1-0", "f", "1")),
                    bulk("groups"),
                            array(map(
                                    bulk("name"), bulk("g"),
                                    bulk("last-delivered-id"), bulk("5-0"),
                                    bulk("entries-read"), integer(5),
                                    bulk("lag"), integer(0),
                                    bulk("pel-count"), integer(1),
                                    bulk("pending"), array(array(bulk("5-0"), bulk("c"), time, integer(1))),
                                    bulk("consumers"),
                                            array(map(
                                                    bulk("name"), bulk("c"),
                                                    bulk("seen-time"), time,
                                                    bulk("pel-count"), integer(1),
                                                    bulk("pending"), array(array(bulk("5-0"), time, integer(1))))))));
            assertEquals(expected, full);
            assertEquals(error("ERR no such key"), client.call("XINFO", "STREAM", "missing"));
        }
    }
}
