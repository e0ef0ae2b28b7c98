package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import org.junit.jupiter.api.Test;

/** COPY, MOVE and SWAPDB on a standalone node and in cluster mode, with Redis 7.0's replies. */
class DatabaseCommandsTest {
    private static final String OUT_OF_RANGE = error("ERR DB index is out of range");
    private static final String SAME = error("ERR source and destination objects are the same");

    @Test
    void copyDuplicatesValueAndTtlAndReplacesOnlyWhenAsked() {
        try (LoopbackNode node = LoopbackNode.start()) {
            RespClient client = node.client();
            client.call("SET", "src", "v", "EX", "100");
            client.call("SET", "taken", "old");
            assertEquals(integer(1), client.call("COPY", "src", "dst"));
            assertEquals(bulk("v"), client.call("GET", "dst"));
            assertEquals(integer(100), client.call("TTL", "dst"));
            assertEquals(integer(0), client.call("COPY", "src", "taken"));
            assertEquals(bulk("old"), client.call("GET", "taken"));
            assertEquals(integer(1), client.call("COPY", "src", "taken", "REPLACE", "DB", "0"));
            assertEquals(bulk("v"), client.call("GET", "taken"));
            assertEquals(integer(0), client.call("COPY", "missing", "x"));
        }
    }

    @Test
    void copiedCollectionsAreIndependent() {
        try (LoopbackNode node = LoopbackNode.start()) {
            RespClient client = node.client();
            node.onLoop(keyspace -> {
                keyspace.getOrCreateSet(Key.of("s")).add(Bytes.of("a"));
                keyspace.markModified(Key.of("s"));
            });
            assertEquals(integer(1), client.call("COPY", "s", "t"));
            node.onLoop(keyspace -> {
                keyspace.getOrCreateSet(Key.of("s")).add(Bytes.of("b"));
                keyspace.markModified(Key.of("s"));
                assertEquals(1, keyspace.getSet(Key.of("t")).size());
            });
        }
    }

    @Test
    void copyChecksOptionsThenDatabaseThenNames() {
        try (LoopbackNode node = LoopbackNode.start()) {
            RespClient client = node.client();
            assertEquals(error("ERR syntax error"), client.call("COPY", "a", "b", "FOO"));
            assertEquals(error("ERR syntax error"), client.call("COPY", "a", "b", "DB"));
            assertEquals(
                    error("ERR value is not an integer or out of range"), client.call("COPY", "a", "b", "DB", "x"));
            assertEquals(OUT_OF_RANGE, client.call("COPY", "a", "b", "DB", "1"));
            assertEquals(OUT_OF_RANGE, client.call("COPY", "a", "b", "DB", "-1"));
            assertEquals(SAME, client.call("COPY", "a", "a"));
        }
    }

    @Test
    void moveAndSwapdbKnowOnlyDatabaseZero() {
        try (LoopbackNode node = LoopbackNode.start()) {
            RespClient client = node.client();
            client.call("SET", "k", "v");
            assertEquals(SAME, client.call("MOVE", "k", "0"));
            assertEquals(OUT_OF_RANGE, client.call("MOVE", "k", "1"));
            assertEquals(error("ERR value is not an integer or out of range"), client.call("MOVE", "k", "x"));
            assertEquals(simple("OK"), client.call("SWAPDB", "0", "0"));
            assertEquals(OUT_OF_RANGE, client.call("SWAPDB", "0", "1"));
            assertEquals(error("ERR invalid first DB index"), client.call("SWAPDB", "x", "0"));
            assertEquals(error("ERR invalid second DB index"), client.call("SWAPDB", "0", "4294967296"));
            assertEquals(bulk("v"), client.call("GET", "k"));
        }
    }

    @Test
    void clusterModeRefusesOtherDatabases() {
        try (LoopbackNode node = LoopbackNode.startInClusterMode()) {
            RespClient client = node.client();
            client.call("SET", "k", "v");
            assertEquals(error("ERR MOVE is not allowed in cluster mode"), client.call("MOVE", "k", "1"));
            assertEquals(error("ERR SWAPDB is not allowed in cluster mode"), client.call("SWAPDB", "0", "1"));
            assertEquals(
                    error("ERR Copying to another database is not allowed in cluster mode"),
                    client.call("COPY", "k", "{k}2", "DB", "1"));
            assertEquals(OUT_OF_RANGE, client.call("COPY", "k", "{k}2", "DB", "16"), "Redis has 16 databases");
            assertEquals(integer(1), client.call("COPY", "k", "{k}2", "DB", "0"));
            // Keys of different slots are refused before the command runs, as by Redis.
            assertEquals(
                    error("CROSSSLOT Keys in request don't hash to the same slot"),
                    client.call("COPY", "k", "k2", "DB", "1"));
        }
    }
}
