package io.slotwise.bench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Three real {@code redis-server} primaries in cluster mode on free loopback ports, formed with {@code redis-cli
 * --cluster create}, for the round-trip benchmarks: the peers and Slotwise talk to the same processes in one run.
 * {@link #close()} kills the processes and deletes their directory. Needs redis-server and redis-cli on the PATH or in
 * /usr/bin ({@code apt-get install -y redis-server}).
 */
final class LocalRedisCluster implements AutoCloseable {

    private static final int PRIMARIES = 3;
    private static final Duration READY = Duration.ofSeconds(30);

    private final Path directory;
    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    private LocalRedisCluster(Path directory) {
        this.directory = directory;
    }

    /** Starts the nodes and forms the cluster; blocks until every node reports {@code cluster_state:ok}. */
    static LocalRedisCluster start() {
        LocalRedisCluster cluster;
        try {
            cluster = new LocalRedisCluster(Files.createTempDirectory("slotwise-bench-cluster"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            cluster.startNodes();
            cluster.form();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The client ports, one per primary. */
    List<Integer> ports() {
        return List.copyOf(ports);
    }

    /**
     * Sets every key to {@code value}, through {@code redis-cli -c} (which follows redirects), in one pipe.
     *
     * @param keys the keys
     * @param value their value, without spaces or quotes
     */
    void load(List<String> keys, String value) {
        StringBuilder script = new StringBuilder();
        keys.forEach(key ->
                script.append("SET ").append(key).append(' ').append(value).append('\n'));
        try {
            Process process = new ProcessBuilder(binary("redis-cli"), "-c", "-p", Integer.toString(ports.get(0)))
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().write(script.toString().getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(READY.toSeconds(), TimeUnit.SECONDS);
            long ok = output.lines().filter(line -> line.equals("OK")).count();
            if (ok != keys.size()) {
                throw new IllegalStateException("loading keys: " + ok + " of " + keys.size() + " SETs answered OK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run redis-cli", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void startNodes() {
        for (int i = 0; i < PRIMARIES; i++) {
            int port = freePort();
            Path nodeDirectory = directory.resolve(Integer.toString(port));
            try {
                Files.createDirectories(nodeDirectory);
                processes.add(new ProcessBuilder(
                                binary("redis-server"),
                                "--port",
                                Integer.toString(port),
                                "--bind",
                                "127.0.0.1",
                                "--cluster-enabled",
                                "yes",
                                "--cluster-config-file",
                                "nodes.conf",
                                "--save",
                                "",
                                "--appendonly",
                                "no",
                                "--dir",
                                nodeDirectory.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(nodeDirectory.resolve("redis.log").toFile())
                        .start());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start redis-server (apt-get install -y redis-server)", e);
            }
            ports.add(port);
        }
        for (int port : ports) {
            awaitOutput(port, List.of("PING"), "PONG");
        }
    }

    private void form() {
        List<String> command = new ArrayList<>(List.of(binary("redis-cli"), "--cluster", "create"));
        ports.forEach(port -> command.add("127.0.0.1:" + port));
        command.add("--cluster-yes");
        String output = run(command);
        if (!output.contains("All 16384 slots covered")) {
            throw new IllegalStateException("redis-cli --cluster create failed:\n" + output);
        }
        for (int port : ports) {
            awaitOutput(port, List.of("CLUSTER", "INFO"), "cluster_state:ok");
        }
    }

    private static void awaitOutput(int port, List<String> args, String expected) {
        Instant deadline = Instant.now().plus(READY);
        List<String> command = new ArrayList<>(List.of(binary("redis-cli"), "-p", Integer.toString(port)));
        command.addAll(args);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            last = run(command);
            if (last.contains(expected)) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50); // polling a condition; nothing to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("127.0.0.1:" + port + " never answered " + expected + "; last: " + last);
    }

    private static String run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(READY.toSeconds(), TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String binary(String name) {
        Path usrBin = Path.of("/usr/bin", name);
        return Files.isExecutable(usrBin) ? usrBin.toString() : name;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            // Cluster bus ports are client port + 10000: keep both in range.
            int port = socket.getLocalPort();
            return port < 55_000 ? port : freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        for (Process process : processes) {
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is not worth failing a benchmark for.
        }
    }
}
