package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.SortedSetValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DUMP, RESTORE and RESTORE-ASKING over loopback sockets: round trips between nodes and Redis's order of checks. */
class DumpRestoreCommandsTest {
    private static final String OK = simple("OK");
    private static final String BUSYKEY = error("BUSYKEY Target key name already exists.");
    private static final String CHECKSUM = error("ERR DUMP payload version or checksum are wrong");

    private LoopbackNode source;
    private LoopbackNode target;
    private RespClient from;
    private RespClient to;

    @BeforeEach
    void start() {
        source = LoopbackNode.start();
        target = LoopbackNode.start();
        from = source.client();
        to = target.client();
    }

    @AfterEach
    void stop() {
        source.close();
        target.close();
    }

    @Test
    void dumpOfMissingKeyIsNull() {
        assertEquals("$-1\r\n", from.call("DUMP", "missing"));
        assertEquals("_\r\n", source.resp3Client().call("DUMP", "missing"));
    }

    @Test
    void stringsAndCollectionsRoundTripBetweenNodes() {
        from.call("SET", "s", "\u0000binary\r\n");
        source.onLoop(keyspace -> {
            SortedSetValue zset = keyspace.getOrCreateSortedSet(Key.of("z"));
            zset.add(Bytes.of("a"), 1.5);
            zset.add(Bytes.of("b"), -2);
            keyspace.markModified(Key.of("z"));
            keyspace.getOrCreateHash(Key.of("h")).put(Bytes.of("f"), Bytes.of("v"));
            keyspace.markModified(Key.of("h"));
        });
        for (String key : new String[] {"s", "z", "h"}) {
            String payload = payloadOf(from.call("DUMP", key));
            assertEquals(OK, LoopbackNode.callBinary(to, "RESTORE", key, "0", payload));
            assertEquals(
                    from.call("DEBUG", "DIGEST-VALUE", key),
                    to.call("DEBUG", "DIGEST-VALUE", key),
                    "same value " + key);
            assertEquals(integer(-1), to.call("TTL", key));
        }
        assertEquals(simple("zset"), to.call("TYPE", "z"));
    }

    @Test
    void ttlIsRelativeUnlessAbsttlAndZeroMeansNone() {
        String payload = dumpOf("v");
        assertEquals(OK, LoopbackNode.callBinary(to, "RESTORE", "a", "5000", payload));
        assertEquals(integer(5000), to.call("PTTL", "a"));
        String at = Long.toString(target.nowMillis() + 7000);
        assertEquals(OK, LoopbackNode.callBinary(to, "RESTORE", "b", at, payload, "ABSTTL"));
        assertEquals(integer(7000), to.call("PTTL", "b"));
        assertEquals(bulk("v"), to.call("GET", "b"));
    }

    @Test
    void aTtlAlreadyInThePastAnswersOkAndLeavesNoKey() {
        to.call("SET", "k", "old");
        assertEquals(OK, LoopbackNode.callBinary(to, "RESTORE", "k", "1", dumpOf("v"), "ABSTTL", "REPLACE"));
        assertEquals(integer(0), to.call("EXISTS", "k"));
        assertEquals(OK, LoopbackNode.callBinary(to, "RESTORE", "fresh", "1000", dumpOf("v"), "ABSTTL"));
        assertEquals(integer(0), to.call("EXISTS", "fresh"));
    }

    @Test
    void existingKeyIsBusyUnlessReplace() {
        to.call("SET", "k", "old", "EX", "100");
        String payload = dumpOf("new");
        assertEquals(BUSYKEY, LoopbackNode.callBinary(to, "RESTORE", "k", "0", payload));
        assertEquals(OK, LoopbackNode.callBinary(to, "RESTORE-ASKING", "k", "0", payload, "REPLACE"));
        assertEquals(bulk("new"), to.call("GET", "k"));
        assertEquals(integer(-1), to.call("TTL", "k"));
    }

    @Test
    void checksComeInRedisOrder() {
        to.call("SET", "busy", "x");
        String[][] cases = {
            {"ERR syntax error", "busy", "-1", "junk", "FOO"},
            {"ERR syntax error", "busy", "-1", "junk", "IDLETIME"},
            {"ERR syntax error", "busy", "-1", "junk", "IDLETIME", "1", "FREQ", "1"},
            {"ERR value is not an integer or out of range", "busy", "-1", "junk", "IDLETIME", "x"},
            {"ERR Invalid IDLETIME value, must be >= 0", "busy", "-1", "junk", "IDLETIME", "-1"},
            {"ERR Invalid FREQ value, must be >= 0 and <= 255", "busy", "-1", "junk", "FREQ", "256"},
            {"BUSYKEY Target key name already exists.", "busy", "-1", "junk"},
            {"ERR value is not an integer or out of range", "busy", "x", "junk", "REPLACE"},
            {"ERR Invalid TTL value, must be >= 0", "free", "-1", "junk"},
            {"ERR DUMP payload version or checksum are wrong", "free", "0", "junk", "IDLETIME", "5"},
            {"ERR DUMP payload version or checksum are wrong", "free", "0", ""}
        };
        for (String[] test : cases) {
            String[] args = new String[test.length];
            args[0] = "RESTORE";
            System.arraycopy(test, 1, args, 1, test.length - 1);
            assertEquals(error(test[0]), LoopbackNode.callBinary(to, args), String.join(" ", args));
        }
        assertEquals(integer(0), to.call("EXISTS", "free"));
    }

    @Test
    void corruptedPayloadsAreRejected() {
        String payload = dumpOf("value");
        char[] flipped = payload.toCharArray();
        flipped[2] ^= 1;
        assertEquals(CHECKSUM, LoopbackNode.callBinary(to, "RESTORE", "k", "0", new String(flipped)));
        byte[] truncatedBody = {0, 5, 'x'};
        assertEquals(
                error("ERR Bad data format"),
                LoopbackNode.callBinary(to, "RESTORE", "k", "0", latin1(withFooter(truncatedBody))));
        assertEquals(integer(0), to.call("EXISTS", "k"));
    }

    @Test
    void theTestsChecksumIsRedisCrc64() {
        assertEquals(0xe9c6d914c4b8d9caL, crc64("123456789".getBytes(StandardCharsets.US_ASCII)));
    }

    private String dumpOf(String value) {
        from.call("SET", "dump-source", value);
        return payloadOf(from.call("DUMP", "dump-source"));
    }

    private static String payloadOf(String bulkReply) {
        return bulkReply.substring(bulkReply.indexOf("\r\n") + 2, bulkReply.length() - 2);
    }

    /** Appends the simulator's format version and a valid CRC-64 to a body. */
    private static byte[] withFooter(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(body);
        out.write(0x01);
        out.write(0xF0);
        long crc = crc64(out.toByteArray());
        for (int i = 0; i < 8; i++) {
            out.write((int) (crc >>> (8 * i)) & 0xFF);
        }
        return out.toByteArray();
    }

    /** CRC-64/Jones as Redis computes it (reflected, initial value 0), bit by bit. */
    private static long crc64(byte[] data) {
        long crc = 0;
        for (byte b : data) {
            crc ^= b & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x95AC9329AC4BC9B5L : crc >>> 1;
            }
        }
        return crc;
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
