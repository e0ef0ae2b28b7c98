package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ZRANDMEMBER over a loopback socket: every count form, WITHSCORES in RESP2 and RESP3, and argument errors. */
class ZRandMemberCommandTest {
    private static CollectionTestNode node;

    @BeforeAll
    static void startNode() {
        node = CollectionTestNode.start();
        try (RespClient client = node.connect(2)) {
            client.call("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e");
            client.call("ZADD", "one", "5", "m");
            client.call("SET", "str", "v");
        }
    }

    @AfterAll
    static void closeNode() {
        node.close();
    }

    @Test
    void withoutCountAnswersOneMemberOrNull() {
        try (RespClient resp2 = node.connect(2);
                RespClient resp3 = node.connect(3)) {
            assertTrue(List.of("a", "b", "c", "d", "e")
                    .contains(resp2.call("ZRANDMEMBER", "z").split("\r\n")[1]));
            assertEquals("$-1\r\n", resp2.call("ZRANDMEMBER", "missing"));
            assertEquals("_\r\n", resp3.call("ZRANDMEMBER", "missing"));
        }
    }

    @Test
    void aCountReachingTheSizeAnswersTheWholeSetFromTheHighestScore() {
        try (RespClient client = node.connect(2)) {
            assertEquals(
                    List.of("e", "d", "c", "b", "a"),
                    CollectionTestNode.bulkStrings(client.call("ZRANDMEMBER", "z", "5")));
            assertEquals(
                    List.of("e", "5", "d", "4", "c", "3", "b", "2", "a", "1"),
                    CollectionTestNode.bulkStrings(client.call("ZRANDMEMBER", "z", "100", "WITHSCORES")));
        }
    }

    @Test
    void aPositiveCountAnswersDistinctMembers() {
        try (RespClient client = node.connect(2)) {
            for (int round = 0; round < 20; round++) {
                List<String> members = CollectionTestNode.bulkStrings(client.call("ZRANDMEMBER", "z", "3"));
                assertEquals(3, members.size());
                assertEquals(3, new HashSet<>(members).size(), members.toString());
                assertTrue(Set.of("a", "b", "c", "d", "e").containsAll(members));
            }
        }
    }

    @Test
    void aNegativeCountAnswersExactlyThatManyDrawsWithScoresNestedInResp3() {
        try (RespClient resp2 = node.connect(2);
                RespClient resp3 = node.connect(3)) {
            assertEquals(
                    List.of("m", "5", "m", "5", "m", "5"),
                    CollectionTestNode.bulkStrings(resp2.call("ZRANDMEMBER", "one", "-3", "WITHSCORES")));
            assertEquals(
                    array(array(bulk("m"), ",5\r\n"), array(bulk("m"), ",5\r\n")),
                    resp3.call("ZRANDMEMBER", "one", "-2", "WITHSCORES"));
            assertEquals(
                    7,
                    CollectionTestNode.bulkStrings(resp2.call("ZRANDMEMBER", "z", "-7"))
                            .size());
            assertEquals(array(), resp3.call("ZRANDMEMBER", "missing", "-2", "WITHSCORES"));
            assertEquals(array(), resp3.call("ZRANDMEMBER", "z", "0"));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ZRANDMEMBER z x                                  | ERR value is not an integer or out of range",
                "ZRANDMEMBER str x                                | ERR value is not an integer or out of range",
                "ZRANDMEMBER z 1 x                                | ERR syntax error",
                "ZRANDMEMBER z 1 WITHSCORES x                     | ERR syntax error",
                "ZRANDMEMBER z -9223372036854775808               | ERR value is out of range, value must between"
                        + " -9223372036854775807 and 9223372036854775807",
                "ZRANDMEMBER z 9223372036854775807 WITHSCORES     | ERR value is out of range",
                "ZRANDMEMBER z -4611686018427387904 WITHSCORES    | ERR value is out of range",
                "ZRANDMEMBER str                                  | WRONGTYPE Operation against a key holding the"
                        + " wrong kind of value",
                "ZRANDMEMBER str 1                                | WRONGTYPE Operation against a key holding the"
                        + " wrong kind of value",
            })
    void argumentErrorsComeInRedisOrder(String command, String message) {
        try (RespClient client = node.connect(2)) {
            assertEquals(error(message), client.call(command.trim().split("\\s+")));
        }
    }
}
