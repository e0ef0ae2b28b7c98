package io.slotwise.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory of a {@link SimCluster}: one subdirectory {@code node-<index>} per node (its nodes.conf and lock).
 * Either given (kept on close) or a new temporary directory (removed on close, with everything in it).
 */
final class ClusterDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterDirectory.class);

    private final Path root;
    private final boolean temporary;

    private ClusterDirectory(Path root, boolean temporary) {
        this.root = root;
        this.temporary = temporary;
    }

    /**
     * Opens a cluster directory.
     *
     * @param dir the directory to use (created if missing), or {@code null} for a new temporary one
     * @return the directory
     * @throws UncheckedIOException if it cannot be created
     */
    static ClusterDirectory open(Path dir) {
        try {
            return dir == null
                    ? new ClusterDirectory(Files.createTempDirectory("slotwise-cluster-"), true)
                    : new ClusterDirectory(Files.createDirectories(dir).toAbsolutePath(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cluster directory: " + e.getMessage(), e);
        }
    }

    /** Returns the root, absolute. */
    Path root() {
        return root;
    }

    /**
     * Returns a node's directory, creating it if needed.
     *
     * @param index the node's index
     * @return {@code <root>/node-<index>}
     */
    Path nodeDir(int index) {
        try {
            return Files.createDirectories(root.resolve("node-" + index));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a node directory: " + e.getMessage(), e);
        }
    }

    /** Removes the directory and its content if it is a temporary one; failures are logged. */
    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not remove the cluster directory {}", root, e);
        }
    }
}
