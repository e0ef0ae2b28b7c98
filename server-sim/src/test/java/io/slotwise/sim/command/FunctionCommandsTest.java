package io.slotwise.sim.command;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What redis-cli --cluster add-node does with functions: DUMP on one node, LIST and RESTORE on the new one. */
class FunctionCommandsTest {
    private static SimNode node;
    private static RespClient client;

    @BeforeAll
    static void startNode() {
        node = SimNode.start(SimNodeConfig.defaults().with("port", "0"));
        client = RespClient.connect(node.port());
    }

    @AfterAll
    static void closeNode() {
        client.close();
        node.close();
    }

    @Test
    void functionListIsEmpty() {
        assertEquals(array(), client.call("FUNCTION", "LIST"));
        assertEquals(array(), client.call("FUNCTION", "LIST", "WITHCODE", "LIBRARYNAME", "x*"));
        assertEquals(error("ERR Unknown argument FOO"), client.call("FUNCTION", "LIST", "FOO"));
        assertEquals(error("ERR library name argument was not given"), client.call("FUNCTION", "LIST", "LIBRARYNAME"));
    }

    @Test
    void dumpOfNoFunctionsRestoresOnAnotherNode() {
        String dump = client.call("FUNCTION", "DUMP");
        assertEquals("$10\r\n\n\u0000\u005d\u009b\\@\u000f\u007f\u00a2\u00da\r\n", dump);
        String payload = dump.substring(5, 15);
        try (SimNode other = SimNode.start(SimNodeConfig.defaults().with("port", "0"));
                RespClient target = RespClient.connect(other.port())) {
            target.sendRaw("*3\r\n$8\r\nFUNCTION\r\n$7\r\nRESTORE\r\n$10\r\n" + payload + "\r\n");
            assertEquals(simple("OK"), target.read());
            target.sendRaw("*4\r\n$8\r\nFUNCTION\r\n$7\r\nRESTORE\r\n$10\r\n" + payload + "\r\n$7\r\nREPLACE\r\n");
            assertEquals(simple("OK"), target.read());
        }
    }

    @Test
    void restoreRejectsOtherPayloadsAndPolicies() {
        assertEquals(
                error("ERR DUMP payload version or checksum are wrong"), client.call("FUNCTION", "RESTORE", "abc"));
        assertEquals(
                error("ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE."),
                client.call("FUNCTION", "RESTORE", "abc", "FOO"));
    }
}
