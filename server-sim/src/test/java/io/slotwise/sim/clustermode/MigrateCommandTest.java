package io.slotwise.sim.clustermode;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.Resp.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.cluster.SetSlotCommand;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MIGRATE from node A to node B of a {@link TwoNodeCluster}, with the slot's migration open unless noted. */
class MigrateCommandTest {
    private static final String OK = simple("OK");

    @TempDir
    Path dir;

    @Test
    void migrateKeysMovesThemWithTheirTtlAndDeletesThemAtTheSource() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir);
                RespClient a = cluster.a.client();
                RespClient b = cluster.b.client()) {
            String one = TwoNodeCluster.keyOfA("one");
            String two = one.replace("one", "two");
            a.call("SET", one, "v1", "PX", "100000");
            a.call("SET", two, "v2");
            String slot = openMigration(cluster, one);

            assertEquals(OK, a.call("MIGRATE", "127.0.0.1", port(cluster.b), "", "0", "5000", "KEYS", one, two));

            assertEquals(integer(0), a.call("CLUSTER", "COUNTKEYSINSLOT", slot));
            assertEquals(integer(2), b.call("CLUSTER", "COUNTKEYSINSLOT", slot));
            assertEquals(bulk("v1"), asking(b, "GET", one));
            long ttl = Long.parseLong(asking(b, "PTTL", one).substring(1).trim());
            assertTrue(ttl > 90_000 && ttl <= 100_000, "TTL preserved: " + ttl);
            assertEquals(integer(-1), asking(b, "PTTL", two));
        }
    }

    @Test
    void migrateCopyKeepsTheSourceKeyAndReplaceOverwritesTheTarget() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir);
                RespClient a = cluster.a.client();
                RespClient b = cluster.b.client()) {
            String key = TwoNodeCluster.keyOfA("k");
            a.call("SET", key, "v");
            String slot = openMigration(cluster, key);

            assertEquals(OK, a.call("MIGRATE", "127.0.0.1", port(cluster.b), key, "0", "5000", "COPY"));
            assertEquals(integer(1), a.call("CLUSTER", "COUNTKEYSINSLOT", slot));
            assertEquals(
                    error("ERR Target instance replied with error: BUSYKEY Target key name already exists."),
                    a.call("MIGRATE", "127.0.0.1", port(cluster.b), key, "0", "5000"));
            assertEquals(integer(1), a.call("CLUSTER", "COUNTKEYSINSLOT", slot));
            assertEquals(OK, a.call("MIGRATE", "127.0.0.1", port(cluster.b), key, "0", "5000", "REPLACE"));
            assertEquals(integer(0), a.call("CLUSTER", "COUNTKEYSINSLOT", slot));
            assertEquals(bulk("v"), asking(b, "GET", key));
        }
    }

    @Test
    void targetErrorOnOneKeyKeepsThatKeyAndDeletesTheAcknowledgedOnes() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir);
                RespClient a = cluster.a.client();
                RespClient b = cluster.b.client()) {
            String fresh = TwoNodeCluster.keyOfA("fresh");
            String busy = fresh.replace("fresh", "busy");
            a.call("SET", fresh, "1");
            a.call("SET", busy, "2");
            openMigration(cluster, fresh);
            assertEquals(OK, asking(b, "SET", busy, "already there"));

            assertEquals(
                    error("ERR Target instance replied with error: BUSYKEY Target key name already exists."),
                    a.call("MIGRATE", "127.0.0.1", port(cluster.b), "", "0", "5000", "KEYS", fresh, busy));

            assertEquals(bulk("2"), a.call("GET", busy));
            assertEquals(
                    error("ASK " + ClusterTestNode.slotOf(fresh) + " 127.0.0.1:" + cluster.b.port()),
                    a.call("GET", fresh));
            assertEquals(bulk("1"), asking(b, "GET", fresh));
        }
    }

    @Test
    void targetThatDoesNotImportTheSlotReportsItsRedirect() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir);
                RespClient a = cluster.a.client()) {
            String key = TwoNodeCluster.keyOfA("k");
            a.call("SET", key, "v");
            assertEquals(
                    error("ERR Target instance replied with error: MOVED " + ClusterTestNode.slotOf(key) + " 127.0.0.1:"
                            + cluster.a.port()),
                    a.call("MIGRATE", "127.0.0.1", port(cluster.b), key, "0", "5000"));
            assertEquals(bulk("v"), a.call("GET", key));
        }
    }

    @Test
    void closedPortFailsWithIoErrorAndKeepsTheKeys() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir);
                RespClient a = cluster.a.client()) {
            String key = TwoNodeCluster.keyOfA("k");
            a.call("SET", key, "v");
            int closed;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closed = socket.getLocalPort();
            }
            assertEquals(
                    error("IOERR error or timeout writing to target instance"),
                    a.call("MIGRATE", "127.0.0.1", Integer.toString(closed), key, "0", "1000"));
            assertEquals(
                    error("IOERR error or timeout writing to target instance"),
                    a.call("MIGRATE", "127.0.0.1", "99999", key, "0", "1000"));
            assertEquals(bulk("v"), a.call("GET", key));
        }
    }

    @Test
    void silentTargetTimesOutWithReadErrorAndKeepsTheKeys() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir);
                RespClient a = cluster.a.client();
                ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String key = TwoNodeCluster.keyOfA("k");
            a.call("SET", key, "v");
            assertEquals(
                    error("IOERR error or timeout reading to target instance"),
                    a.call("MIGRATE", "127.0.0.1", Integer.toString(silent.getLocalPort()), key, "0", "200"));
            assertEquals(bulk("v"), a.call("GET", key));
        }
    }

    @Test
    void missingKeysAnswerNokey() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir);
                RespClient a = cluster.a.client()) {
            String key = TwoNodeCluster.keyOfA("absent");
            assertEquals(simple("NOKEY"), a.call("MIGRATE", "127.0.0.1", port(cluster.b), key, "0", "100"));
            assertEquals(
                    simple("NOKEY"),
                    a.call("MIGRATE", "127.0.0.1", port(cluster.b), "", "0", "100", "KEYS", key, key + "2"));
        }
    }

    @Test
    void badArgumentsAreRefusedInRedisOrder() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir);
                RespClient a = cluster.a.client()) {
            String key = TwoNodeCluster.keyOfA("k");
            String target = port(cluster.b);
            String syntax = error("ERR syntax error");
            String notInteger = error("ERR value is not an integer or out of range");
            assertEquals(
                    error("ERR When using MIGRATE KEYS option, the key argument must be set to the empty string"),
                    a.call("MIGRATE", "127.0.0.1", target, key, "0", "10", "KEYS", key));
            assertEquals(syntax, a.call("MIGRATE", "127.0.0.1", target, key, "0", "10", "foo"));
            assertEquals(syntax, a.call("MIGRATE", "127.0.0.1", target, key, "0", "10", "AUTH"));
            assertEquals(syntax, a.call("MIGRATE", "127.0.0.1", target, key, "0", "10", "AUTH2", "user"));
            assertEquals(syntax, a.call("MIGRATE", "127.0.0.1", target, key, "x", "x", "foo"));
            assertEquals(notInteger, a.call("MIGRATE", "127.0.0.1", target, key, "0", "x"));
            assertEquals(notInteger, a.call("MIGRATE", "127.0.0.1", target, key, "x", "10"));
        }
    }

    @Test
    void otherDatabaseIsSelectedOnTheTargetWhichRefusesIt() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir);
                RespClient a = cluster.a.client()) {
            String key = TwoNodeCluster.keyOfA("k");
            a.call("SET", key, "v");
            openMigration(cluster, key);
            assertEquals(
                    error("ERR Target instance replied with error: ERR SELECT is not allowed in cluster mode"),
                    a.call("MIGRATE", "127.0.0.1", port(cluster.b), key, "1", "5000"));
            assertEquals(bulk("v"), a.call("GET", key), "a key whose batch failed is kept");
            assertEquals(
                    error("ERR Target instance replied with error: BUSYKEY Target key name already exists."),
                    a.call("MIGRATE", "127.0.0.1", port(cluster.b), key, "0", "5000"),
                    "as in Redis, the target restored into its current database after refusing SELECT");
            assertEquals(OK, a.call("MIGRATE", "127.0.0.1", port(cluster.b), key, "0", "5000", "REPLACE"));
        }
    }

    @Test
    void targetWithPasswordNeedsAuthOrAuth2() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir, "requirepass", "secret");
                RespClient a = cluster.a.client()) {
            String key = TwoNodeCluster.keyOfA("k");
            String other = key.replace("}k", "}other");
            a.call("SET", key, "v");
            a.call("SET", other, "w");
            openMigration(cluster, key);
            String target = port(cluster.b);
            assertEquals(
                    error("ERR Target instance replied with error: NOAUTH Authentication required."),
                    a.call("MIGRATE", "127.0.0.1", target, key, "0", "5000"));
            assertEquals(
                    error("ERR Target instance replied with error: WRONGPASS invalid username-password pair or user is"
                            + " disabled."),
                    a.call("MIGRATE", "127.0.0.1", target, key, "0", "5000", "AUTH", "wrong"));
            assertEquals(OK, a.call("MIGRATE", "127.0.0.1", target, key, "0", "5000", "AUTH", "secret"));
            assertEquals(OK, a.call("MIGRATE", "127.0.0.1", target, other, "0", "5000", "AUTH2", "default", "secret"));
            assertEquals(
                    integer(0), a.call("CLUSTER", "COUNTKEYSINSLOT", Integer.toString(ClusterTestNode.slotOf(key))));
        }
    }

    @Test
    void successiveMigrationsReuseOneCachedConnection() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir);
                RespClient a = cluster.a.client()) {
            String one = TwoNodeCluster.keyOfA("one");
            String two = one.replace("one", "two");
            a.call("SET", one, "1");
            a.call("SET", two, "2");
            openMigration(cluster, one);
            long before = connectionsReceived(cluster.b);
            assertEquals(OK, a.call("MIGRATE", "127.0.0.1", port(cluster.b), one, "0", "5000"));
            assertEquals(OK, a.call("MIGRATE", "127.0.0.1", port(cluster.b), two, "0", "5000"));
            assertEquals(before + 2, connectionsReceived(cluster.b), "one MIGRATE connection plus this INFO call");
        }
    }

    @Test
    void aWriteToAKeyInFlightWaitsForTheMigrateAndNeverDoublesTheKey() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start(dir);
                RespClient migrating = cluster.a.client();
                RespClient writer = cluster.a.client();
                ServerSocket target = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String key = TwoNodeCluster.keyOfA("k");
            String other = key.replace("k", "other");
            writer.call("SET", key, "old");
            writer.call("SET", other, "x");
            String slot = openMigration(cluster, key);
            migrating.send("MIGRATE", "127.0.0.1", Integer.toString(target.getLocalPort()), key, "0", "5000");
            try (Socket accepted = target.accept()) {
                accepted.getInputStream().read(new byte[4096]);
                // Other keys are served meanwhile; the key in flight waits, as under Redis's blocking MIGRATE.
                assertEquals(OK, writer.call("SET", other, "y"));
                writer.send("SET", key, "new");
                accepted.getOutputStream().write("+OK\r\n+OK\r\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals(OK, migrating.read());
                // The write ran after the key had left: it is asked to the importing node, not applied here, so the
                // key never exists on both nodes.
                assertEquals("-ASK " + slot + " 127.0.0.1:" + port(cluster.b) + "\r\n", writer.read());
            }
        }
    }

    /** Opens the migration of the key's slot from A to B (on the nodes' loops: B may require a password). */
    private static String openMigration(TwoNodeCluster cluster, String key) {
        int slot = ClusterTestNode.slotOf(key);
        cluster.b.onLoop(state -> {
            SetSlotCommand.importing(state, slot, cluster.a.id());
            return null;
        });
        cluster.a.onLoop(state -> {
            SetSlotCommand.migrating(state, slot, cluster.b.id());
            return null;
        });
        return Integer.toString(slot);
    }

    private static String asking(RespClient client, String... command) {
        assertEquals(OK, client.call("ASKING"));
        return client.call(command);
    }

    private static String port(ClusterTestNode node) {
        return Integer.toString(node.port());
    }

    private static long connectionsReceived(ClusterTestNode node) throws IOException {
        Matcher matcher =
                Pattern.compile("total_connections_received:(\\d+)").matcher(textOf(node.call("INFO", "stats")));
        assertTrue(matcher.find());
        return Long.parseLong(matcher.group(1));
    }
}
