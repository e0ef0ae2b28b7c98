package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SORT and SORT_RO on a standalone node, where BY and GET patterns may look keys up: ordering, LIMIT, patterns, STORE
 * and errors. (Cluster mode refuses the patterns; the differential tests cover that against Redis.)
 */
class SortCommandTest {
    private static final String NIL = "$-1\r\n";
    private static CollectionTestNode node;

    @BeforeAll
    static void startNode() {
        node = CollectionTestNode.start();
    }

    @AfterAll
    static void closeNode() {
        node.close();
    }

    @BeforeEach
    void fill() {
        try (RespClient client = node.connect(2)) {
            client.call("FLUSHALL");
            client.call("RPUSH", "l", "1", "2", "3");
            client.call("MSET", "w_1", "30", "w_2", "10", "w_3", "20", "n_1", "one", "n_2", "two");
            client.call("HSET", "h_1", "f", "c");
            client.call("HSET", "h_2", "f", "a");
        }
    }

    @Test
    void sortsNumbersAlphaAndWindowsWithLimit() {
        try (RespClient client = node.connect(2)) {
            client.call("RPUSH", "n", "10", "9", "-1.5", "2");
            assertEquals(array(bulk("-1.5"), bulk("2"), bulk("9"), bulk("10")), client.call("SORT", "n"));
            assertEquals(array(bulk("9"), bulk("2")), client.call("SORT", "n", "ALPHA", "DESC", "LIMIT", "0", "2"));
            assertEquals(array(bulk("9"), bulk("10")), client.call("SORT_RO", "n", "LIMIT", "2", "-1"));
            assertEquals(
                    array(bulk("2"), bulk("-1.5")),
                    client.call("SORT", "n", "BY", "nosort", "DESC", "LIMIT", "0", "2"));
            client.call("ZADD", "z", "1", "c", "2", "b", "3", "a");
            assertEquals(array(bulk("c"), bulk("b"), bulk("a")), client.call("SORT", "z", "BY", "nosort"));
            client.call("RPUSH", "bad", "1", "x");
            assertEquals(error("ERR One or more scores can't be converted into double"), client.call("SORT", "bad"));
        }
    }

    @Test
    void byAndGetPatternsReadStringsAndHashFields() {
        try (RespClient client = node.connect(2)) {
            assertEquals(array(bulk("2"), bulk("3"), bulk("1")), client.call("SORT", "l", "BY", "w_*"));
            assertEquals(
                    array(bulk("2"), bulk("two"), bulk("a"), bulk("3"), NIL, NIL, bulk("1"), bulk("one"), bulk("c")),
                    client.call("SORT", "l", "BY", "w_*", "GET", "#", "GET", "n_*", "GET", "h_*->f"));
            assertEquals(array(bulk("3"), bulk("2"), bulk("1")), client.call("SORT", "l", "BY", "h_*->f", "ALPHA"));
            assertEquals(array(NIL, NIL, NIL), client.call("SORT", "l", "GET", "nostar"));
        }
    }

    @Test
    void storeSavesAListWithEmptyStringsForMissingValuesAndDeletesOnEmptyResult() {
        try (RespClient client = node.connect(2)) {
            assertEquals(integer(3), client.call("SORT", "l", "BY", "w_*", "GET", "n_*", "STORE", "dst"));
            assertEquals(array(bulk("two"), bulk(""), bulk("one")), client.call("LRANGE", "dst", "0", "-1"));
            client.call("SADD", "s", "b", "a", "c");
            assertEquals(integer(3), client.call("SORT", "s", "BY", "nosort", "STORE", "dst"));
            assertEquals(array(bulk("a"), bulk("b"), bulk("c")), client.call("LRANGE", "dst", "0", "-1"));
            assertEquals(integer(0), client.call("SORT", "none", "STORE", "dst"));
            assertEquals(integer(0), client.call("EXISTS", "dst"));
        }
    }

    @Test
    void optionErrorsComeBeforeTheKeysType() {
        try (RespClient client = node.connect(2)) {
            client.call("SET", "str", "x");
            assertEquals(error("ERR syntax error"), client.call("SORT", "str", "LIMIT", "1"));
            assertEquals(error("ERR syntax error"), client.call("SORT_RO", "l", "STORE", "dst"));
            assertEquals(
                    error("ERR value is not an integer or out of range"),
                    client.call("SORT", "str", "LIMIT", "a", "1"));
            assertEquals(
                    error("WRONGTYPE Operation against a key holding the wrong kind of value"),
                    client.call("SORT", "str"));
        }
    }
}
