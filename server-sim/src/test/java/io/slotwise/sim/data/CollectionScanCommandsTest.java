package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HSCAN, SSCAN and ZSCAN over a loopback socket: paging, MATCH, COUNT, cursors and the order of checks. */
class CollectionScanCommandsTest {
    private static final String EMPTY_PAGE = array(bulk("0"), array());

    @RegisterExtension
    static final SharedCollectionNode node = new SharedCollectionNode();

    @Test
    void aLargeHashIsScannedInPagesThatReturnEveryFieldOnce() {
        try (RespClient client = node.connect(2)) {
            for (int i = 0; i < 600; i++) { // above hash-max-listpack-entries (512)
                client.call("HSET", "h", "field" + i, "value" + i);
            }
            Map<String, String> seen = new HashMap<>();
            String cursor = "0";
            int pages = 0;
            do {
                String reply = client.call("HSCAN", "h", cursor, "COUNT", "20");
                cursor = cursorOf(reply);
                List<String> items = itemsOf(reply);
                for (int i = 0; i < items.size(); i += 2) {
                    assertEquals(null, seen.put(items.get(i), items.get(i + 1)), "returned twice: " + items.get(i));
                }
                pages++;
            } while (!cursor.equals("0"));
            assertEquals(600, seen.size());
            assertEquals("value7", seen.get("field7"));
            assertTrue(pages > 10, "COUNT pages a large hash: " + pages);
        }
    }

    @Test
    void smallCollectionsAreReturnedWholeInRedisOrder() {
        try (RespClient client = node.connect(3)) {
            client.call("HSET", "h", "a", "1", "b", "2");
            client.call("SADD", "ints", "10", "-3", "2");
            client.call("ZADD", "z", "3.14", "pi", "-1", "neg", "1e20", "big");
            String hash = client.call("HSCAN", "h", "0", "COUNT", "1");
            assertEquals("0", cursorOf(hash));
            assertEquals(4, itemsOf(hash).size());
            assertEquals(array(bulk("0"), array(bulk("-3"), bulk("2"), bulk("10"))), client.call("SSCAN", "ints", "0"));
            assertEquals(
                    array(
                            bulk("0"),
                            array(
                                    bulk("neg"),
                                    bulk("-1"),
                                    bulk("pi"),
                                    bulk("3.1400000000000001"),
                                    bulk("big"),
                                    bulk("1e+20"))),
                    client.call("ZSCAN", "z", "0", "COUNT", "1"),
                    "ZSCAN scores are bulk strings even in RESP3");
        }
    }

    @Test
    void matchFiltersTheItemsOfEachPage() {
        try (RespClient client = node.connect(2)) {
            client.call("HSET", "h", "apple", "1", "avocado", "2", "banana", "3");
            client.call("SADD", "s", "apple", "avocado", "banana");
            client.call("ZADD", "z", "1", "apple", "2", "avocado", "3", "banana");
            assertEquals(List.of("banana", "3"), itemsOf(client.call("HSCAN", "h", "0", "MATCH", "b*")));
            assertEquals(List.of("banana"), itemsOf(client.call("SSCAN", "s", "0", "match", "*nan*")));
            assertEquals(
                    List.of("apple", "1"), itemsOf(client.call("ZSCAN", "z", "0", "MATCH", "ap?le", "COUNT", "5")));
            assertEquals(
                    6, itemsOf(client.call("HSCAN", "h", "0", "MATCH", "*")).size());
        }
    }

    @Test
    void largeSetsAndSortedSetsArePagedToo() {
        try (RespClient client = node.connect(2)) {
            List<String> members = new ArrayList<>(List.of("SADD", "s"));
            List<String> scored = new ArrayList<>(List.of("ZADD", "z"));
            for (int i = 0; i < 600; i++) {
                members.add("m" + i);
                scored.add(Integer.toString(i));
                scored.add("m" + i);
            }
            client.call(members.toArray(String[]::new));
            client.call(scored.toArray(String[]::new));
            for (String command : List.of("SSCAN", "ZSCAN")) {
                String key = command.equals("SSCAN") ? "s" : "z";
                int step = command.equals("SSCAN") ? 1 : 2;
                List<String> seen = new ArrayList<>();
                String cursor = "0";
                do {
                    String reply = client.call(command, key, cursor);
                    cursor = cursorOf(reply);
                    List<String> items = itemsOf(reply);
                    for (int i = 0; i < items.size(); i += step) {
                        seen.add(items.get(i));
                    }
                } while (!cursor.equals("0"));
                assertEquals(600, seen.size(), command);
                assertEquals(600, seen.stream().distinct().count(), command);
            }
        }
    }

    @ParameterizedTest(name = "cursor [{0}]")
    @ValueSource(strings = {"abc", " 1", "1 ", "1.0", "18446744073709551616", "+", "-"})
    void malformedCursorsAreRejectedBeforeTheKey(String cursor) {
        try (RespClient client = node.connect(2)) {
            client.call("RPUSH", "list", "x");
            assertEquals(error("ERR invalid cursor"), client.call("HSCAN", "missing", cursor));
            assertEquals(error("ERR invalid cursor"), client.call("SSCAN", "list", cursor));
        }
    }

    @ParameterizedTest(name = "cursor [{0}]")
    @ValueSource(strings = {"", "0", "-0", "+0", "007", "18446744073709551615", "-1"})
    void cursorsReadLikeStrtoul(String cursor) {
        try (RespClient client = node.connect(2)) {
            client.call("SADD", "s", "a");
            String reply = client.call("SSCAN", "s", cursor);
            assertEquals("0", cursorOf(reply));
        }
    }

    @Test
    void optionsAreCheckedAfterTheKeyAndItsType() {
        try (RespClient client = node.connect(2)) {
            client.call("HSET", "h", "f", "v");
            client.call("RPUSH", "list", "x");
            assertEquals(EMPTY_PAGE, client.call("HSCAN", "missing", "0", "COUNT", "0"));
            assertEquals(EMPTY_PAGE, client.call("ZSCAN", "missing", "0", "BOGUS"));
            assertEquals(
                    error("WRONGTYPE Operation against a key holding the wrong kind of value"),
                    client.call("ZSCAN", "list", "0", "BOGUS"));
            String syntax = error("ERR syntax error");
            assertEquals(syntax, client.call("HSCAN", "h", "0", "COUNT", "0"));
            assertEquals(syntax, client.call("HSCAN", "h", "0", "COUNT", "-5"));
            assertEquals(syntax, client.call("HSCAN", "h", "0", "MATCH"));
            assertEquals(syntax, client.call("HSCAN", "h", "0", "TYPE", "string"));
            assertEquals(syntax, client.call("HSCAN", "h", "0", "BOGUS", "1"));
            assertEquals(
                    error("ERR value is not an integer or out of range"), client.call("HSCAN", "h", "0", "COUNT", "x"));
        }
    }

    private static String cursorOf(String reply) {
        String[] lines = reply.split("\r\n");
        return lines[2];
    }

    private static List<String> itemsOf(String reply) {
        int items = reply.indexOf("\r\n", reply.indexOf("\r\n", reply.indexOf("\r\n") + 2) + 2) + 2;
        return CollectionTestNode.bulkStrings(reply.substring(items));
    }
}
