package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The set family over a loopback socket, in RESP2 and RESP3 where the replies differ. */
class SetCommandsTest {
    private static final String WRONGTYPE = error("WRONGTYPE Operation against a key holding the wrong kind of value");
    private static final String NOT_POSITIVE = error("ERR value is out of range, must be positive");

    @RegisterExtension
    static final SharedCollectionNode node = new SharedCollectionNode();

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void smembersIsASetInResp3AndAnArrayInResp2(int protocol) {
        String type = protocol == 2 ? "*" : "~";
        try (RespClient client = node.connect(protocol)) {
            assertEquals(integer(3), client.call("SADD", "s", "3", "1", "2", "1"));
            assertEquals(type + "3\r\n" + bulk("1") + bulk("2") + bulk("3"), client.call("SMEMBERS", "s"));
            assertEquals(type + "0\r\n", client.call("SMEMBERS", "missing"));
        }
    }

    @Test
    void membershipCommandsAnswerOneAndZero() {
        try (RespClient client = node.connect(2)) {
            client.call("SADD", "s", "a", "b");
            assertEquals(integer(1), client.call("SISMEMBER", "s", "a"));
            assertEquals(integer(0), client.call("SISMEMBER", "s", "z"));
            assertEquals(integer(0), client.call("SISMEMBER", "missing", "a"));
            assertEquals(array(integer(1), integer(0), integer(1)), client.call("SMISMEMBER", "s", "a", "z", "b"));
            assertEquals(array(integer(0), integer(0)), client.call("SMISMEMBER", "missing", "a", "b"));
            assertEquals(integer(2), client.call("SCARD", "s"));
            assertEquals(integer(0), client.call("SCARD", "missing"));
        }
    }

    @Test
    void sremCountsRemovedMembersAndDeletesTheEmptiedSet() {
        try (RespClient client = node.connect(2)) {
            client.call("SADD", "s", "a", "b");
            assertEquals(integer(0), client.call("SADD", "s", "a"));
            assertEquals(integer(1), client.call("SREM", "s", "a", "z"));
            assertEquals(integer(0), client.call("SREM", "missing", "a"));
            assertEquals(integer(1), client.call("SREM", "s", "b"));
            assertEquals(integer(0), client.call("DBSIZE"));
        }
    }

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void spopRemovesRandomMembersAndAnswersASetWithACount(int protocol) {
        String nil = protocol == 2 ? "$-1\r\n" : "_\r\n";
        String emptySet = protocol == 2 ? "*0\r\n" : "~0\r\n";
        try (RespClient client = node.connect(protocol)) {
            client.call("SADD", "s", "a", "b", "c", "d");
            String one = client.call("SPOP", "s");
            assertTrue(Set.of(bulk("a"), bulk("b"), bulk("c"), bulk("d")).contains(one), one);
            String two = client.call("SPOP", "s", "2");
            assertEquals(protocol == 2 ? '*' : '~', two.charAt(0));
            Set<String> popped = new HashSet<>(CollectionTestNode.bulkStrings(two));
            popped.add(one.substring(one.indexOf("\r\n") + 2, one.length() - 2));
            assertEquals(3, popped.size());
            assertEquals(emptySet, client.call("SPOP", "s", "0"));
            List<String> last = CollectionTestNode.bulkStrings(client.call("SPOP", "s", "5"));
            popped.addAll(last);
            assertEquals(Set.of("a", "b", "c", "d"), popped);
            assertEquals(integer(0), client.call("DBSIZE"), "the emptied set is deleted");
            assertEquals(nil, client.call("SPOP", "s"));
            assertEquals(emptySet, client.call("SPOP", "s", "3"));
            assertEquals(NOT_POSITIVE, client.call("SPOP", "s", "-1"));
            assertEquals(error("ERR syntax error"), client.call("SPOP", "s", "1", "2"));
        }
    }

    @Test
    void srandmemberSamplesWithoutRemoving() {
        try (RespClient client = node.connect(3)) {
            client.call("SADD", "s", "a", "b", "c");
            List<String> distinct = CollectionTestNode.bulkStrings(client.call("SRANDMEMBER", "s", "2"));
            assertEquals(2, new HashSet<>(distinct).size());
            assertEquals(
                    Set.of("a", "b", "c"),
                    new HashSet<>(CollectionTestNode.bulkStrings(client.call("SRANDMEMBER", "s", "10"))),
                    "a count above the size answers the whole set");
            List<String> repeated = CollectionTestNode.bulkStrings(client.call("SRANDMEMBER", "s", "-7"));
            assertEquals(7, repeated.size());
            assertTrue(Set.of("a", "b", "c").containsAll(repeated));
            assertEquals("*0\r\n", client.call("SRANDMEMBER", "s", "0"));
            assertEquals("*0\r\n", client.call("SRANDMEMBER", "missing", "3"));
            assertEquals("_\r\n", client.call("SRANDMEMBER", "missing"));
            assertEquals(integer(3), client.call("SCARD", "s"));
            assertEquals(error("ERR value is not an integer or out of range"), client.call("SRANDMEMBER", "s", "x"));
            assertEquals(
                    error("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807"),
                    client.call("SRANDMEMBER", "s", "-9223372036854775808"));
            assertEquals(error("ERR syntax error"), client.call("SRANDMEMBER", "s", "1", "2"));
        }
    }

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void setAlgebraTreatsMissingKeysAsEmptySets(int protocol) {
        String type = protocol == 2 ? "*" : "~";
        try (RespClient client = node.connect(protocol)) {
            client.call("SADD", "a", "1", "2", "3", "4");
            client.call("SADD", "b", "3", "4", "5");
            assertEquals(type + "2\r\n" + bulk("3") + bulk("4"), client.call("SINTER", "a", "b"));
            assertEquals(type + "0\r\n", client.call("SINTER", "a", "b", "missing"));
            assertEquals(
                    type + "5\r\n" + bulk("1") + bulk("2") + bulk("3") + bulk("4") + bulk("5"),
                    client.call("SUNION", "a", "missing", "b"));
            assertEquals(type + "2\r\n" + bulk("1") + bulk("2"), client.call("SDIFF", "a", "b", "missing"));
            assertEquals(type + "0\r\n", client.call("SDIFF", "missing", "a"));
        }
    }

    @Test
    void storeFormsReplaceTheDestinationOrDeleteItWhenEmpty() {
        try (RespClient client = node.connect(2)) {
            client.call("SADD", "a", "x", "y");
            client.call("SADD", "b", "y", "z");
            client.call("RPUSH", "dest", "old");
            assertEquals(integer(1), client.call("SINTERSTORE", "dest", "a", "b"));
            assertEquals(array(bulk("y")), client.call("SMEMBERS", "dest"));
            assertEquals(integer(3), client.call("SUNIONSTORE", "dest", "a", "b"));
            assertEquals(integer(1), client.call("SDIFFSTORE", "dest", "a", "b"));
            assertEquals(array(bulk("x")), client.call("SMEMBERS", "dest"));
            assertEquals(integer(0), client.call("SINTERSTORE", "dest", "a", "missing"));
            assertEquals(integer(2), client.call("DBSIZE"), "an empty result deletes the destination");
            assertEquals(integer(2), client.call("SUNIONSTORE", "a", "a"), "a source may be the destination");
        }
    }

    @Test
    void smoveMovesOneMemberBetweenSets() {
        try (RespClient client = node.connect(2)) {
            client.call("SADD", "src", "a", "b");
            assertEquals(integer(1), client.call("SMOVE", "src", "dst", "a"));
            assertEquals(integer(0), client.call("SMOVE", "src", "dst", "zz"));
            assertEquals(integer(1), client.call("SMOVE", "src", "src", "b"), "moving to itself checks membership");
            assertEquals(integer(0), client.call("SMOVE", "missing", "dst", "a"));
            assertEquals(integer(1), client.call("SMOVE", "src", "dst", "b"));
            assertEquals(integer(1), client.call("DBSIZE"), "the emptied source is deleted");
            client.call("RPUSH", "list", "a");
            assertEquals(WRONGTYPE, client.call("SMOVE", "dst", "list", "a"));
            assertEquals(integer(0), client.call("SMOVE", "missing", "list", "a"), "a missing source wins");
            assertEquals(integer(2), client.call("SCARD", "dst"));
        }
    }

    @Test
    void everySetCommandAnswersWrongTypeOnAList() {
        try (RespClient client = node.connect(2)) {
            client.call("RPUSH", "list", "x");
            client.call("SADD", "set", "x");
            for (String[] command : List.of(
                    new String[] {"SADD", "list", "m"},
                    new String[] {"SREM", "list", "m"},
                    new String[] {"SMEMBERS", "list"},
                    new String[] {"SISMEMBER", "list", "m"},
                    new String[] {"SMISMEMBER", "list", "m"},
                    new String[] {"SCARD", "list"},
                    new String[] {"SPOP", "list"},
                    new String[] {"SRANDMEMBER", "list", "2"},
                    new String[] {"SINTER", "missing", "list"},
                    new String[] {"SUNION", "set", "list"},
                    new String[] {"SDIFF", "missing", "list"},
                    new String[] {"SINTERSTORE", "out", "missing", "list"},
                    new String[] {"SSCAN", "list", "0"})) {
                assertEquals(WRONGTYPE, client.call(command), String.join(" ", command));
            }
        }
    }
}
