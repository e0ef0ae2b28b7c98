package io.slotwise.it.tools;

import io.slotwise.it.fixture.LoopbackPorts;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An in-JVM simulator node in cluster mode that knows only itself, for redis-cli to add to a cluster. It listens on a
 * loopback port pair from {@link LoopbackPorts} (bus on port + 10000) and keeps nodes.conf in its own temporary
 * directory. {@link #close()} closes the node (if SHUTDOWN has not already), releases the port and deletes the
 * directory. Not thread-safe.
 */
final class SpareSimNode implements AutoCloseable {

    private final SimNode node;
    private final int port;
    private final Path directory;

    private SpareSimNode(SimNode node, int port, Path directory) {
        this.node = node;
        this.port = port;
        this.directory = directory;
    }

    /** Starts a fresh node with {@code cluster-node-timeout 2000}. */
    static SpareSimNode start() {
        return start(2000);
    }

    /**
     * Starts a fresh node with the given {@code cluster-node-timeout}.
     *
     * @param nodeTimeoutMillis the node timeout, positive
     */
    static SpareSimNode start(long nodeTimeoutMillis) {
        int port = LoopbackPorts.reserve();
        Path directory = null;
        try {
            directory = Files.createTempDirectory("spare-sim-node");
            SimNode node = SimNode.start(SimNodeConfig.defaults()
                    .with("port", Integer.toString(port))
                    .with("cluster-enabled", "yes")
                    .with("cluster-node-timeout", Long.toString(nodeTimeoutMillis))
                    .with("dir", directory.toString()));
            return new SpareSimNode(node, port, directory);
        } catch (IOException e) {
            LoopbackPorts.release(port);
            throw new UncheckedIOException("cannot create a temporary directory", e);
        } catch (RuntimeException e) {
            LoopbackPorts.release(port);
            deleteTree(directory);
            throw e;
        }
    }

    /** The client port. */
    int port() {
        return port;
    }

    /** {@code 127.0.0.1:port}, as redis-cli takes it. */
    String address() {
        return "127.0.0.1:" + port;
    }

    /** Returns whether the node still runs (SHUTDOWN, e.g. from redis-cli's del-node, closes it). */
    boolean isOpen() {
        return node.isOpen();
    }

    @Override
    public void close() {
        node.close();
        LoopbackPorts.release(port);
        deleteTree(directory);
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
