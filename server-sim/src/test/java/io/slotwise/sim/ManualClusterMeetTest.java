package io.slotwise.sim;

import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.Resp.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes that know nothing of each other form a cluster by hand, through CLUSTER MEET and the real cluster bus. */
class ManualClusterMeetTest {

    @Test
    void meetFromOneNodeSpreadsToAFullMeshWithRealBusPorts() {
        try (SimCluster cluster =
                SimCluster.builder().primaries(3).formed(false).start()) {
            List<SimClusterNode> nodes = cluster.nodes();
            SimClusterNode first = nodes.get(0);
            try (RespClient admin = RespClient.connect(first.port())) {
                for (SimClusterNode other : nodes.subList(1, 3)) {
                    String[] myself = myselfLine(other).split(" ");
                    String busPort = myself[1].substring(myself[1].indexOf('@') + 1);
                    assertEquals(Integer.toString(other.busPort()), busPort, "CLUSTER NODES shows the bound bus port");
                    assertEquals(
                            simple("OK"),
                            admin.call("CLUSTER", "MEET", "127.0.0.1", Integer.toString(other.port()), busPort));
                }
            }
            Eventually.until(
                    "a full mesh of connected nodes",
                    () -> nodes.stream().allMatch(node -> {
                        List<String> lines = Arrays.asList(
                                textOf(call(node, "CLUSTER", "NODES")).split("\n"));
                        return lines.size() == 3
                                && lines.stream()
                                        .allMatch(line -> line.contains(" connected") && !line.contains("handshake"));
                    }));
            Eventually.until(
                    "a link to and from each of two peers on every node",
                    () -> nodes.stream()
                            .allMatch(node -> call(node, "CLUSTER", "LINKS").startsWith("*4\r\n")));
            for (SimClusterNode node : nodes) {
                String links = call(node, "CLUSTER", "LINKS");
                assertTrue(links.contains("$9\r\ndirection\r\n$2\r\nto\r\n$4\r\nnode\r\n"), links);
                assertTrue(links.contains("$9\r\ndirection\r\n$4\r\nfrom\r\n"), links);
                assertTrue(links.contains("$11\r\ncreate-time\r\n:"), links);
                assertTrue(links.contains("$6\r\nevents\r\n$1\r\nr\r\n$21\r\nsend-buffer-allocated\r\n:"), links);
                assertTrue(links.contains("$16\r\nsend-buffer-used\r\n:"), links);
            }
        }
    }

    @Test
    void separatelyStartedNodesOnEphemeralPortsMeetThroughTheirBuses(@TempDir Path dir) {
        try (SimNode a = SimNode.start(config(dir.resolve("a")));
                SimNode b = SimNode.start(config(dir.resolve("b")))) {
            String bBusPort = myselfLine(b.port()).split(" ")[1].split("@")[1];
            assertTrue(PortProbe.answersPing(a.port()));
            try (RespClient client = RespClient.connect(a.port())) {
                assertEquals(
                        simple("OK"),
                        client.call("CLUSTER", "MEET", "127.0.0.1", Integer.toString(b.port()), bBusPort));
            }
            Eventually.until("both nodes to know each other", () -> known(a.port()) == 2 && known(b.port()) == 2);
            assertTrue(textOf(call(b.port(), "CLUSTER", "NODES")).contains(" 127.0.0.1:" + a.port() + "@"));
        }
    }

    @Test
    void announcedIpIsWhatTheNodeShowsAndGossips(@TempDir Path dir) {
        try (SimNode a = SimNode.start(config(dir.resolve("a")).with("cluster-announce-ip", "127.0.0.3"));
                SimNode b = SimNode.start(config(dir.resolve("b")))) {
            assertTrue(myselfLine(a.port()).contains(" 127.0.0.3:" + a.port() + "@"));
            String bBusPort = myselfLine(b.port()).split(" ")[1].split("@")[1];
            try (RespClient client = RespClient.connect(a.port())) {
                client.call("CLUSTER", "MEET", "127.0.0.1", Integer.toString(b.port()), bBusPort);
            }
            Eventually.until(
                    "b to learn a's announced address",
                    () -> textOf(call(b.port(), "CLUSTER", "NODES")).contains(" 127.0.0.3:" + a.port() + "@"));
            assertTrue(myselfLine(a.port()).contains(" 127.0.0.3:"), "a never re-learns its IP from a socket");
        }
    }

    private static SimNodeConfig config(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SimNodeConfig.defaults()
                .with("port", "0")
                .with("cluster-enabled", "yes")
                .with("cluster-node-timeout", "2000")
                .with("dir", dir.toString());
    }

    private static long known(int port) {
        return Arrays.stream(textOf(call(port, "CLUSTER", "NODES")).split("\n"))
                .filter(line -> !line.contains("handshake"))
                .count();
    }

    private static String myselfLine(SimClusterNode node) {
        return myselfLine(node.port());
    }

    private static String myselfLine(int port) {
        return Arrays.stream(textOf(call(port, "CLUSTER", "NODES")).split("\n"))
                .filter(line -> line.contains("myself"))
                .findFirst()
                .orElseThrow();
    }

    private static String call(SimClusterNode node, String... args) {
        return call(node.port(), args);
    }

    private static String call(int port, String... args) {
        try (RespClient client = RespClient.connect(port)) {
            return client.call(args);
        }
    }
}
