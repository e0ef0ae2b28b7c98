package io.slotwise.sim.clustermode;

import io.slotwise.sim.cluster.ClusterConfig;
import io.slotwise.sim.cluster.ClusterEnvironment;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.CorruptNodesConfException;
import io.slotwise.sim.cluster.NodesConfFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's nodes.conf: an exclusive lock held for the node's lifetime (a second node on the same file is refused
 * with Redis's message), loading it at start-up, and saving it (temporary file, optional fsync, rename).
 *
 * <p>Redis locks nodes.conf itself; since the simulator replaces the file on every save (a new inode), it locks a
 * sibling {@code <file>.lock} instead, which it leaves in place. Saving is blocking file I/O on the event loop, as in
 * Redis; a save is a few hundred bytes. Not thread-safe: used at start-up and then on the node's event loop.
 */
final class NodesConfPersistence implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodesConfPersistence.class);

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private NodesConfPersistence(Path file, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Locks a nodes.conf for this node.
     *
     * @param file the nodes.conf path (absolute)
     * @return the persistence, holding the lock until {@link #close()}
     * @throws UncheckedIOException with Redis's message if another node (in this process or another) holds it, or
     *     if the lock file cannot be opened
     */
    static NodesConfPersistence lock(Path file) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Can't open " + file + " in order to acquire a lock: " + describe(e), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            closeQuietly(channel);
            throw startupFailure("Sorry, the cluster configuration file " + file
                    + " is already used by a different Redis Cluster node. Please make sure that different nodes use"
                    + " different cluster configuration files.");
        }
        return new NodesConfPersistence(file, channel, lock);
    }

    /**
     * Returns the exception that stops a node's start-up with Redis's message, which {@link
     * UncheckedIOException#getMessage()} returns as is (the runnable jar prints it).
     *
     * @param message the message
     * @return the exception
     */
    static UncheckedIOException startupFailure(String message) {
        return new UncheckedIOException(message, new IOException(message));
    }

    /** Returns the nodes.conf path. */
    Path file() {
        return file;
    }

    /**
     * Loads the file if it exists and is not empty.
     *
     * @param config the options for the loaded state
     * @param environment clock, randomness and keyspace view
     * @return the loaded state, or empty for a missing or empty file
     * @throws UncheckedIOException {@code Unrecoverable error: corrupted cluster config file.} for bad content, or
     *     the read error
     */
    Optional<ClusterState> load(ClusterConfig config, ClusterEnvironment environment) {
        try {
            return NodesConfFile.load(file, config, environment);
        } catch (CorruptNodesConfException e) {
            LOG.error("Corrupted cluster config file {}: {}", file, e.getMessage());
            throw startupFailure("Unrecoverable error: corrupted cluster config file.");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Unrecoverable error: cannot read the cluster config file " + file + ": " + describe(e), e);
        }
    }

    /**
     * Saves a state.
     *
     * @param state the state
     * @param fsync whether to force the content to disk before renaming it into place
     * @throws IOException if writing fails; the previous file is then unchanged
     */
    void save(ClusterState state, boolean fsync) throws IOException {
        NodesConfFile.save(file, state, fsync);
    }

    /**
     * Describes an I/O error as C's {@code strerror} would where Java knows the cause, for CLUSTER SAVECONFIG.
     *
     * @param error the error
     * @return the description
     */
    static String describe(IOException error) {
        if (error instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (error instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        return String.valueOf(error.getMessage());
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("Cannot release the lock of {}", file, e);
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Cannot close a lock file channel", e);
        }
    }
}
