package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SCAN over a loopback socket: complete iteration, MATCH, COUNT, TYPE, cursor syntax and errors. */
class ScanCommandTest {
    private static final Pattern BULK = Pattern.compile("\\$(\\d+)\r\n");

    private LoopbackNode node;
    private RespClient client;

    @BeforeEach
    void start() {
        node = LoopbackNode.start();
        client = node.client();
        for (int i = 0; i < 50; i++) {
            client.call("SET", "key:" + i, "v");
        }
        node.onLoop(keyspace -> {
            keyspace.getOrCreateHash(Key.of("hash:1")).put(Bytes.of("f"), Bytes.of("v"));
            keyspace.markModified(Key.of("hash:1"));
        });
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void iteratingUntilCursorZeroReturnsEveryKeyExactlyOnce() {
        List<String> keys = scanAll(client, "COUNT", "7");
        assertEquals(51, keys.size());
        assertEquals(51, new HashSet<>(keys).size());
    }

    @Test
    void matchAndTypeFilterTheKeys() {
        assertEquals(11, scanAll(client, "MATCH", "key:1*").size());
        assertEquals(List.of("hash:1"), scanAll(client, "TYPE", "HASH"));
        assertEquals(50, scanAll(client, "type", "string", "match", "*").size());
        assertEquals(List.of(), scanAll(client, "TYPE", "stream"), "an unknown type matches nothing in 7.0");
    }

    @Test
    void replyIsTheSameArrayInResp3() {
        RespClient resp3 = node.resp3Client();
        assertEquals(new HashSet<>(scanAll(client)), new HashSet<>(scanAll(resp3)));
        String reply = resp3.call("SCAN", "0", "MATCH", "nothing");
        assertTrue(reply.startsWith("*2\r\n$"), reply);
    }

    @Test
    void cursorPastTheEndFinishesAtOnce() {
        assertEquals(array(bulk("0"), array()), client.call("SCAN", "18446744073709551615"));
        assertEquals(array(bulk("0"), array()), client.call("SCAN", "-1"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "COUNT 0 | ERR syntax error",
                "COUNT -1 | ERR syntax error",
                "COUNT x | ERR value is not an integer or out of range",
                "MATCH | ERR syntax error",
                "FOO bar | ERR syntax error"
            })
    void badOptionsAreRejected(String options, String message) {
        List<String> args = new ArrayList<>(List.of("SCAN", "0"));
        args.addAll(List.of(options.split(" ")));
        assertEquals(error(message), client.call(args.toArray(new String[0])));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", " 1", "1 ", "18446744073709551616", "-18446744073709551616", "+", "-", "1.0"})
    void malformedCursorsAreInvalid(String cursor) {
        assertEquals(error("ERR invalid cursor"), client.call("SCAN", cursor));
        assertThrows(CommandException.class, () -> ScanCommand.parseCursor(bytes(cursor)));
    }

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource({"0, 0", "'', 0", "+7, 7", "007, 7", "-1, -1", "18446744073709551615, -1", "'5\u0000x', 5"})
    void cursorsReadAsStrtoul(String text, long bits) {
        assertEquals(bits, ScanCommand.parseCursor(bytes(text)));
    }

    private static List<String> scanAll(RespClient client, String... options) {
        List<String> keys = new ArrayList<>();
        String cursor = "0";
        int pages = 0;
        do {
            List<String> args = new ArrayList<>(List.of("SCAN", cursor));
            args.addAll(List.of(options));
            List<String> bulks = bulks(client.call(args.toArray(new String[0])));
            cursor = bulks.get(0);
            keys.addAll(bulks.subList(1, bulks.size()));
            assertTrue(++pages < 1000, "the scan ends");
        } while (!cursor.equals("0"));
        return keys;
    }

    /** The bulk strings of a reply, in order. */
    private static List<String> bulks(String reply) {
        List<String> values = new ArrayList<>();
        Matcher matcher = BULK.matcher(reply);
        int from = 0;
        while (matcher.find(from)) {
            int start = matcher.end();
            int length = Integer.parseInt(matcher.group(1));
            values.add(reply.substring(start, start + length));
            from = start + length + 2;
        }
        return values;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
