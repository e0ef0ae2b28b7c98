package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SINTERCARD: counts, LIMIT, and Redis's error texts in Redis's order of checks. */
class SetIntersectionCardCommandTest {
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
            client.call("SADD", "a", "1", "2", "3", "4", "x");
            client.call("SADD", "b", "2", "3", "4", "5", "x");
            client.call("SET", "s", "v");
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SINTERCARD 2 a b|:4",
                "SINTERCARD 1 a|:5",
                "SINTERCARD 2 a b LIMIT 2|:2",
                "SINTERCARD 2 a b LIMIT 0|:4",
                "SINTERCARD 2 a b LIMIT 1 LIMIT 9|:4",
                "SINTERCARD 2 a none|:0",
                "SINTERCARD 2 a b LIMIT -1|-ERR LIMIT can't be negative",
                "SINTERCARD 2 a b LIMIT|-ERR syntax error",
                "SINTERCARD 0 a|-ERR numkeys should be greater than 0",
                "SINTERCARD 3 a b|-ERR Number of keys can't be greater than number of args",
                "SINTERCARD 2 none s|-WRONGTYPE Operation against a key holding the wrong kind of value"
            })
    void answersLikeRedis(String command, String expected) {
        try (RespClient client = node.connect(2)) {
            String reply = client.call(command.split(" "));
            assertEquals(
                    expected.startsWith(":")
                            ? integer(Long.parseLong(expected.substring(1)))
                            : error(expected.substring(1)),
                    reply);
        }
    }
}
