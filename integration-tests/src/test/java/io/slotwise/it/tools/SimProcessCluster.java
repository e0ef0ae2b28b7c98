package io.slotwise.it.tools;

import io.slotwise.it.fixture.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * N simulator nodes, each a separate JVM process started from the built jar, each in its own temporary directory
 * (nodes.conf and {@code node.log}) on a loopback port pair picked by {@link LoopbackPorts}. The nodes know only
 * themselves: forming a cluster is up to the test (redis-cli or CLUSTER commands).
 *
 * <p>{@link #start} returns once every node answers PING; if any node fails to start, every process already started
 * is stopped before the exception propagates. {@link #close()} stops every process (SIGTERM, then SIGKILL) and
 * deletes the directories; a JVM shutdown hook does the same as a last resort if a test never closes the fixture.
 * Not thread-safe.
 */
public final class SimProcessCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int PORT_ATTEMPTS = 5;

    private final Path root;
    private final List<SimProcess> processes = new ArrayList<>();
    private final Thread shutdownHook;
    private boolean closed;

    private SimProcessCluster(Path root) {
        this.root = root;
        this.shutdownHook = new Thread(this::stopAll, "sim-process-cluster-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code count} simulator processes with {@code cluster-node-timeout 2000}.
     *
     * @param count how many nodes, at least one
     * @return the running nodes, owned by the caller
     * @throws IllegalStateException if the jar is missing or a node does not come up (the message has its log tail)
     */
    public static SimProcessCluster start(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1 but was " + count);
        }
        Path jar = SimulatorJar.require();
        SimProcessCluster cluster;
        try {
            cluster = new SimProcessCluster(Files.createTempDirectory("sim-processes"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
        try {
            cluster.launch(jar, count);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void launch(Path jar, int count) {
        List<SimProcess> starting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starting.add(launchOne(jar, i));
        }
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        for (int i = 0; i < count; i++) {
            SimProcess process = starting.get(i);
            for (int attempt = 1; !process.awaitPing(deadline); attempt++) {
                if (attempt >= PORT_ATTEMPTS) {
                    throw new IllegalStateException("node " + i + " found its port taken " + attempt + " times");
                }
                process.close();
                processes.remove(process);
                LoopbackPorts.release(process.port());
                process = launchOne(jar, i);
            }
        }
    }

    private SimProcess launchOne(Path jar, int index) {
        int port = LoopbackPorts.reserve();
        try {
            Path directory = Files.createDirectories(root.resolve("node-" + index + "-" + port));
            SimProcess process = SimProcess.launch(jar, port, directory, 2000);
            processes.add(process);
            return process;
        } catch (IOException | RuntimeException e) {
            LoopbackPorts.release(port);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The client ports of the running nodes, in start order. */
    public List<Integer> ports() {
        return processes.stream().map(SimProcess::port).toList();
    }

    /** Returns whether every process is still running. */
    public boolean allAlive() {
        return processes.stream().allMatch(SimProcess::isAlive);
    }

    /** The log tails of every node, for failure messages. */
    public String logTails() {
        StringBuilder text = new StringBuilder();
        processes.forEach(process -> text.append(process.logTail()).append('\n'));
        return text.toString();
    }

    /** Stops every process, releases the ports and deletes the directories. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it stops the processes itself.
        }
        processes.forEach(process -> LoopbackPorts.release(process.port()));
        deleteTree(root);
    }

    private void stopAll() {
        List<SimProcess> snapshot = List.copyOf(processes);
        snapshot.forEach(process -> process.closeAsync());
        snapshot.forEach(SimProcess::close);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
