package io.slotwise.sim.command;

import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.Resp.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StringValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void defaultInfoHasRedisSectionsInOrderAndTheFieldsRedisCliReads() {
        try (SimNode node = start(SimNodeConfig.defaults());
                RespClient client = RespClient.connect(node.port())) {
            String reply = client.call("INFO");
            assertEquals('$', reply.charAt(0));
            String info = textOf(reply);
            assertEquals(
                    List.of(
                            "Server",
                            "Clients",
                            "Memory",
                            "Persistence",
                            "Stats",
                            "Replication",
                            "CPU",
                            "Modules",
                            "Errorstats",
                            "Cluster",
                            "Keyspace"),
                    headers(info));
            assertTrue(info.startsWith("# Server\r\nredis_version:7.0.15\r\n"), info);
            assertTrue(info.contains("\r\nredis_mode:standalone\r\n"), info);
            assertTrue(info.contains("\r\ntcp_port:" + node.port() + "\r\n"), info);
            assertTrue(info.contains("\r\nprocess_id:" + ProcessHandle.current().pid() + "\r\n"), info);
            assertTrue(info.contains("\r\nrun_id:") && info.contains("\r\nmaster_replid:"), info);
            assertTrue(info.contains("\r\nconnected_clients:1\r\n"), info);
            assertTrue(info.contains("\r\nrole:master\r\nconnected_slaves:0\r\n"), info);
            assertTrue(info.contains("\r\n\r\n# Cluster\r\ncluster_enabled:0\r\n"), info);
            assertTrue(info.endsWith("\r\n\r\n# Keyspace\r\n"), info);
            assertFalse(info.contains("db0:"), info);
        }
    }

    @Test
    void sectionsAreChosenCaseInsensitivelyAndAllAddsTheRest() {
        try (SimNode node = start(
                        SimNodeConfig.defaults().with("cluster-enabled", "yes").with("dir", dir.toString()));
                RespClient client = RespClient.connect(node.port())) {
            client.call("HELLO", "3");
            String reply = client.call("INFO", "CLUSTER", "server");
            assertTrue(reply.startsWith("="), reply);
            String info = textOf(reply);
            assertEquals(List.of("Server", "Cluster"), headers(info));
            assertTrue(info.contains("\r\nredis_mode:cluster\r\n") && info.endsWith("cluster_enabled:1\r\n"), info);
            assertEquals(13, headers(textOf(client.call("INFO", "all"))).size());
            assertEquals(13, headers(textOf(client.call("INFO", "everything"))).size());
            assertEquals("", textOf(client.call("INFO", "nope")));
        }
    }

    @Test
    void keyspaceSectionAndDbsizeReportTheKeyspace() {
        Keyspace keyspace = new Keyspace();
        for (int i = 0; i < 12; i++) {
            Key key = Key.of("key:" + i);
            if (i < 3) {
                keyspace.set(key, StringValue.of("v"), System.currentTimeMillis() + 3_600_000);
            } else {
                keyspace.set(key, StringValue.of("v"));
            }
        }
        try (SimNode node = SimNode.builder(SimNodeConfig.defaults().with("port", "0"))
                        .keyspace(keyspace)
                        .start();
                RespClient client = RespClient.connect(node.port())) {
            String info = textOf(client.call("INFO", "keyspace"));
            assertTrue(info.startsWith("# Keyspace\r\ndb0:keys=12,expires=3,avg_ttl="), info);
            assertEquals(integer(12), client.call("DBSIZE"));
            assertEquals(simple("OK"), client.call("FLUSHALL"));
            assertEquals(integer(0), client.call("DBSIZE"));
            assertEquals("# Keyspace\r\n", textOf(client.call("INFO", "keyspace")));
        }
    }

    @Test
    void dbsizeOfAnEmptyNodeIsZero() {
        try (SimNode node = start(SimNodeConfig.defaults());
                RespClient client = RespClient.connect(node.port())) {
            assertEquals(integer(0), client.call("DBSIZE"));
        }
    }

    @Test
    void errorRepliesAreCountedUntilResetstat() {
        try (SimNode node = start(SimNodeConfig.defaults());
                RespClient client = RespClient.connect(node.port())) {
            client.call("nope");
            client.call("MULTI");
            client.call("nope");
            assertEquals(error("EXECABORT Transaction discarded because of previous errors."), client.call("EXEC"));
            String stats = textOf(client.call("INFO", "stats", "errorstats"));
            assertTrue(stats.contains("\r\ntotal_error_replies:3\r\n"), stats);
            assertTrue(stats.contains("\r\nerrorstat_ERR:count=2\r\nerrorstat_EXECABORT:count=1\r\n"), stats);
            assertTrue(stats.contains("\r\ntotal_connections_received:1\r\n"), stats);
            assertEquals(simple("OK"), client.call("CONFIG", "RESETSTAT"));
            stats = textOf(client.call("INFO", "stats", "errorstats"));
            assertTrue(stats.contains("\r\ntotal_error_replies:0\r\n"), stats);
            assertTrue(stats.endsWith("# Errorstats\r\n"), stats);
        }
    }

    @Test
    void bytesAreShownAsRedisDoes() {
        assertEquals("512B", InfoReport.human(512));
        assertEquals("1.64M", InfoReport.human(1_714_792));
        assertEquals("23.54G", InfoReport.human(25_276_063_744L));
    }

    private static SimNode start(SimNodeConfig config) {
        return SimNode.start(config.with("port", "0"));
    }

    private static List<String> headers(String info) {
        List<String> headers = new ArrayList<>();
        for (String line : info.split("\r\n")) {
            if (line.startsWith("# ")) {
                headers.add(line.substring(2));
            }
        }
        return headers;
    }
}
