package io.slotwise.sim.data;

import io.slotwise.sim.NodeModule;
import io.slotwise.sim.Resp;
import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.clustermode.ClusterModeModule;
import io.slotwise.sim.keyspace.Keyspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * A node on an ephemeral loopback port whose keyspace runs on a clock the test moves, plus the clients the test opens;
 * {@link #close()} closes them all. Not thread-safe except {@link #advanceClock}.
 */
final class LoopbackNode implements AutoCloseable {
    /** The clock's start: 2023-11-14T22:13:20Z, so that times in seconds and milliseconds look like real ones. */
    static final long START_MILLIS = 1_700_000_000_000L;

    private final AtomicLong nowMillis = new AtomicLong(START_MILLIS);
    private final Keyspace keyspace;
    private final SimNode node;
    private final List<RespClient> clients = new ArrayList<>();
    private final Path directory;

    private LoopbackNode(SimNodeConfig config, Path directory, NodeModule... modules) {
        LongSupplier clock = nowMillis::get;
        this.keyspace = new Keyspace(clock, new SplittableRandom(7));
        this.directory = directory;
        SimNode.Builder builder = SimNode.builder(config.with("port", "0")).keyspace(keyspace);
        for (NodeModule module : modules) {
            builder.module(module);
        }
        this.node = builder.start();
    }

    /** Starts a standalone node. */
    static LoopbackNode start() {
        return new LoopbackNode(SimNodeConfig.defaults(), null);
    }

    /**
     * Starts a node with {@code cluster-enabled yes} that owns every slot, its nodes.conf in a temporary directory, and
     * returns once it reports {@code cluster_state:ok}.
     */
    static LoopbackNode startInClusterMode() {
        Path dir;
        try {
            dir = Files.createTempDirectory("slotwise-data-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoopbackNode node = new LoopbackNode(
                SimNodeConfig.defaults()
                        .with("cluster-enabled", "yes")
                        .with("cluster-node-timeout", "500")
                        .with("dir", dir.toString()),
                dir,
                new ClusterModeModule().withWritableDelayMillis(0));
        try {
            RespClient admin = node.client();
            admin.call("CLUSTER", "ADDSLOTSRANGE", "0", "16383");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Resp.textOf(admin.call("CLUSTER", "INFO")).startsWith("cluster_state:ok")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cluster_state did not become ok");
                }
                Thread.onSpinWait();
            }
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /** Opens a RESP2 client. */
    RespClient client() {
        RespClient client = RespClient.connect(node.port());
        clients.add(client);
        return client;
    }

    /** Opens a client and switches it to RESP3 with HELLO 3. */
    RespClient resp3Client() {
        RespClient client = client();
        client.call("HELLO", "3");
        return client;
    }

    /** Moves the keyspace's clock forward. */
    void advanceClock(long millis) {
        nowMillis.addAndGet(millis);
    }

    /** Returns the keyspace clock's time. */
    long nowMillis() {
        return nowMillis.get();
    }

    /** Changes the keyspace on the node's event loop and waits until done, e.g. to store values of other types. */
    void onLoop(Consumer<Keyspace> change) {
        try {
            node.eventLoop().submit(() -> change.accept(keyspace)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Sends a command whose arguments are binary strings written one byte per character (ISO-8859-1), as {@link
     * RespClient#read()} returns them, and reads the reply.
     */
    static String callBinary(RespClient client, String... args) {
        StringBuilder command = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
            command.append('$')
                    .append(arg.getBytes(StandardCharsets.ISO_8859_1).length)
                    .append("\r\n");
            command.append(arg).append("\r\n");
        }
        client.sendRaw(command.toString());
        return client.read();
    }

    @Override
    public void close() {
        clients.forEach(RespClient::close);
        node.close();
        if (directory != null) {
            deleteRecursively(directory);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
