package io.slotwise.it.tools;

import io.slotwise.it.fixture.AdminConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One simulator node running as its own JVM process ({@code java -jar slotwise-server-sim.jar}) in cluster mode on a
 * loopback port, with its stdout and stderr in {@code node.log} in its directory. Not thread-safe, except
 * {@link #close()}, which may also run from a shutdown hook.
 */
final class SimProcess implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 30;

    private final int port;
    private final Path directory;
    private final Process process;

    private SimProcess(int port, Path directory, Process process) {
        this.port = port;
        this.directory = directory;
        this.process = process;
    }

    /**
     * Launches the process; does not wait for it to accept connections.
     *
     * @param jar the simulator jar
     * @param port the client port (the bus listens on {@code port + 10000})
     * @param directory an existing directory for nodes.conf and the log
     * @param nodeTimeoutMillis {@code cluster-node-timeout}
     */
    static SimProcess launch(Path jar, int port, Path directory, long nodeTimeoutMillis) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java.toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--port",
                        Integer.toString(port),
                        "--cluster-enabled",
                        "yes",
                        "--dir",
                        directory.toString(),
                        "--cluster-node-timeout",
                        Long.toString(nodeTimeoutMillis)))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("node.log").toFile());
        try {
            return new SimProcess(port, directory, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + java + " -jar " + jar, e);
        }
    }

    /** The client port. */
    int port() {
        return port;
    }

    /**
     * Waits until the node answers PING with PONG.
     *
     * @return {@code false} if the process exited because its port was taken (the caller picks another one)
     * @throws IllegalStateException if the process exits for another reason or does not answer by the deadline
     */
    boolean awaitPing(Instant deadline) {
        while (true) {
            if (!process.isAlive()) {
                String tail = logTail();
                if (tail.contains("Address already in use")) {
                    return false;
                }
                throw new IllegalStateException("simulator on port " + port + " exited with status "
                        + process.exitValue() + " before answering PING; log tail:\n" + tail);
            }
            if (answersPing()) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "simulator on port " + port + " did not answer PING in time; log tail:\n" + logTail());
            }
            Waiting.pause();
        }
    }

    private boolean answersPing() {
        try (AdminConnection connection = AdminConnection.open(port, CONNECT_TIMEOUT)) {
            return "PONG".equals(connection.text("PING"));
        } catch (UncheckedIOException | IllegalStateException notYet) {
            return false;
        }
    }

    /** Returns whether the process is still running. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the node's log, for failure messages. */
    String logTail() {
        Path log = directory.resolve("node.log");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return "--- " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "--- " + log + " unreadable: " + e + " ---";
        }
    }

    /** Sends SIGTERM without waiting, so that several processes stop in parallel before {@link #close()}. */
    void closeAsync() {
        process.destroy();
    }

    /**
     * Stops the process: SIGTERM, then SIGKILL if it has not exited within a few seconds. Waits for the exit.
     * Idempotent.
     */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "simulator process " + process.pid() + " on 127.0.0.1:" + port;
    }
}
