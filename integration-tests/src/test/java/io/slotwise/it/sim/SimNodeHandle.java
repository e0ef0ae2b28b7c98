package io.slotwise.it.sim;

import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.clustermode.ClusterModeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A simulator node started in this JVM on 127.0.0.1, with its own temporary directory when in cluster mode; closing it
 * stops the node and deletes the directory. Thread-safe as {@link SimNode} is.
 */
final class SimNodeHandle implements AutoCloseable {

    private final SimNode node;
    private final Path directory;

    private SimNodeHandle(SimNode node, Path directory) {
        this.node = node;
        this.directory = directory;
    }

    /** Starts a node with {@code cluster-enabled no} on an ephemeral port. */
    static SimNodeHandle standalone() {
        return new SimNodeHandle(SimNode.start(SimNodeConfig.defaults().with("port", "0")), null);
    }

    /**
     * Starts a node with {@code cluster-enabled yes}, {@code cluster-node-timeout 500} and nodes.conf in a new
     * temporary directory, without Redis's two-second writable delay. It owns no slots yet.
     *
     * @param port the client port, 0 for an ephemeral one
     */
    static SimNodeHandle clusterNode(int port) {
        Path directory;
        try {
            directory = Files.createTempDirectory("slotwise-sim-node-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SimNodeConfig config = SimNodeConfig.defaults()
                .with("port", Integer.toString(port))
                .with("cluster-enabled", "yes")
                .with("cluster-node-timeout", "500")
                .with("dir", directory.toString());
        try {
            SimNode node = SimNode.builder(config)
                    .module(new ClusterModeModule().withWritableDelayMillis(0))
                    .start();
            return new SimNodeHandle(node, directory);
        } catch (RuntimeException e) {
            deleteRecursively(directory);
            throw e;
        }
    }

    /**
     * Assigns every slot to this cluster-mode node ({@code CLUSTER ADDSLOTSRANGE 0 16383}) and waits until it reports
     * {@code cluster_state:ok}, which takes {@code cluster-node-timeout} since a fresh master was in the minority.
     *
     * @return this handle
     * @throws AssertionError if the node rejects the command or does not report ok within ten seconds
     */
    SimNodeHandle ownAllSlots() {
        try (RawConnection admin = RawConnection.open(port())) {
            WireReply added = admin.call("CLUSTER", "ADDSLOTSRANGE", "0", "16383");
            if (!added.render().equals("+\"OK\"")) {
                throw new AssertionError(this + " answered ADDSLOTSRANGE 0 16383 with " + added);
            }
            Eventually.await(
                    this + " reports cluster_state:ok",
                    Duration.ofSeconds(10),
                    () -> admin.call("CLUSTER", "INFO").text().startsWith("cluster_state:ok\r\n"),
                    true);
        }
        return this;
    }

    /** Returns the node. */
    SimNode node() {
        return node;
    }

    /** Returns the node's client port. */
    int port() {
        return node.port();
    }

    /** Stops the node and deletes its directory, if any. */
    @Override
    public void close() {
        try {
            node.close();
        } finally {
            if (directory != null) {
                deleteRecursively(directory);
            }
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    @Override
    public String toString() {
        return "simulator node 127.0.0.1:" + port() + (directory == null ? "" : " (cluster mode, " + directory + ")");
    }
}
