package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LCS: the subsequence, LEN, IDX with MINMATCHLEN and WITHMATCHLEN, errors; SUBSTR as GETRANGE. */
class LcsCommandTest {
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
            client.call("SET", "a", "ohmytext");
            client.call("SET", "b", "mynewtext");
            client.call("RPUSH", "l", "x");
        }
    }

    @Test
    void lcsAnswersTheSubsequenceOrItsLength() {
        try (RespClient client = node.connect(2)) {
            assertEquals(bulk("mytext"), client.call("LCS", "a", "b"));
            assertEquals(integer(6), client.call("LCS", "a", "b", "LEN"));
            assertEquals(bulk(""), client.call("LCS", "a", "none"));
        }
    }

    @Test
    void lcsIdxListsMatchingRangesFromTheEndAndFiltersShortOnes() {
        String range1 = array(array(integer(4), integer(7)), array(integer(5), integer(8)));
        String range2 = array(array(integer(2), integer(3)), array(integer(0), integer(1)));
        try (RespClient resp2 = node.connect(2);
                RespClient resp3 = node.connect(3)) {
            assertEquals(
                    array(bulk("matches"), array(range1, range2), bulk("len"), integer(6)),
                    resp2.call("LCS", "a", "b", "IDX"));
            String withLength = array(array(integer(4), integer(7)), array(integer(5), integer(8)), integer(4));
            assertEquals(
                    map(bulk("matches"), array(withLength), bulk("len"), integer(6)),
                    resp3.call("LCS", "a", "b", "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN"));
        }
    }

    @Test
    void lcsRejectsOtherTypesAndAmbiguousOptions() {
        try (RespClient client = node.connect(2)) {
            assertEquals(error("ERR The specified keys must contain string values"), client.call("LCS", "a", "l"));
            assertEquals(
                    error("ERR If you want both the length and indexes, please just use IDX."),
                    client.call("LCS", "a", "b", "IDX", "LEN"));
            assertEquals(error("ERR syntax error"), client.call("LCS", "a", "b", "MINMATCHLEN"));
            assertEquals(
                    error("ERR value is not an integer or out of range"),
                    client.call("LCS", "a", "b", "MINMATCHLEN", "x"));
        }
    }

    @Test
    void substrIsGetrange() {
        try (RespClient client = node.connect(2)) {
            assertEquals(bulk("my"), client.call("SUBSTR", "a", "2", "3"));
            assertEquals(bulk("text"), client.call("SUBSTR", "a", "-4", "-1"));
            assertEquals(bulk(""), client.call("SUBSTR", "none", "0", "1"));
        }
    }
}
