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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Small hashes list their fields in insertion order; HRANDFIELD's counts, WITHVALUES and errors. */
class HashRandomFieldAndOrderTest {

    @RegisterExtension
    static final SharedCollectionNode node = new SharedCollectionNode();

    @Test
    void aSmallHashListsFieldsInInsertionOrderAndAReplacedValueKeepsItsPlace() {
        try (RespClient client = node.connect(2)) {
            client.call("HSET", "h", "c", "3", "a", "1", "b", "2");
            client.call("HSET", "h", "a", "one");
            client.call("HDEL", "h", "c");
            client.call("HSET", "h", "c", "back");
            assertEquals(array(bulk("a"), bulk("b"), bulk("c")), client.call("HKEYS", "h"));
            assertEquals(array(bulk("one"), bulk("2"), bulk("back")), client.call("HVALS", "h"));
            assertEquals(
                    array(bulk("0"), array(bulk("a"), bulk("one"), bulk("b"), bulk("2"), bulk("c"), bulk("back"))),
                    client.call("HSCAN", "h", "0"));
            assertEquals(array(bulk("a"), bulk("b"), bulk("c")), client.call("HRANDFIELD", "h", "3"));
            client.call("COPY", "h", "h2");
            assertEquals(array(bulk("a"), bulk("b"), bulk("c")), client.call("HKEYS", "h2"));
        }
    }

    @Test
    void hrandfieldWithANegativeCountRepeatsFieldsAndWithValuesPairsThem() {
        try (RespClient resp2 = node.connect(2);
                RespClient resp3 = node.connect(3)) {
            resp2.call("HSET", "h", "f", "v");
            assertEquals(array(bulk("f"), bulk("f"), bulk("f")), resp2.call("HRANDFIELD", "h", "-3"));
            assertEquals(
                    array(bulk("f"), bulk("v"), bulk("f"), bulk("v")),
                    resp2.call("HRANDFIELD", "h", "-2", "WITHVALUES"));
            assertEquals(array(array(bulk("f"), bulk("v"))), resp3.call("HRANDFIELD", "h", "1", "withvalues"));
            assertEquals(bulk("f"), resp2.call("HRANDFIELD", "h"));
            assertEquals("$-1\r\n", resp2.call("HRANDFIELD", "none"));
            assertEquals("*0\r\n", resp2.call("HRANDFIELD", "none", "5"));
            assertEquals("*0\r\n", resp2.call("HRANDFIELD", "h", "0"));
        }
    }

    @Test
    void hrandfieldWithAPositiveCountGivesDistinctFields() {
        try (RespClient client = node.connect(2)) {
            for (int i = 0; i < 50; i++) {
                client.call("HSET", "h", "f" + i, "v");
            }
            List<String> fields = CollectionTestNode.bulkStrings(client.call("HRANDFIELD", "h", "20"));
            Set<String> distinct = new HashSet<>(fields);
            assertEquals(20, distinct.size());
            assertTrue(distinct.stream().allMatch(field -> field.startsWith("f")), fields::toString);
        }
    }

    @Test
    void hrandfieldRejectsBadCountsAndOptions() {
        try (RespClient client = node.connect(2)) {
            client.call("HSET", "h", "f", "v");
            assertEquals(error("ERR value is not an integer or out of range"), client.call("HRANDFIELD", "h", "x"));
            assertEquals(error("ERR syntax error"), client.call("HRANDFIELD", "h", "1", "WITHVALUE"));
            assertEquals(
                    error("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807"),
                    client.call("HRANDFIELD", "h", "-9223372036854775808"));
            assertEquals(
                    error("ERR value is out of range"),
                    client.call("HRANDFIELD", "h", "-4611686018427387904", "WITHVALUES"));
        }
    }
}
