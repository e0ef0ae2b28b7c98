package io.slotwise.it.client;

import io.slotwise.it.fixture.RedisClusterFixture;
import io.slotwise.it.fixture.RedisNode;
import io.slotwise.it.fixture.RespReply;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ClusterBackend} of real {@code redis-server} processes: a {@link RedisClusterFixture} (started and closed by
 * the {@code @RealRedisCluster} extension, not by this class). Admin calls use each node's shared admin connection;
 * {@link #pause} and {@link #resume} send SIGSTOP and SIGCONT with {@code kill(1)}.
 */
public final class RealRedisBackend implements ClusterBackend {

    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(10);

    private final RedisClusterFixture cluster;
    private final Map<String, RedisNode> nodesById = new LinkedHashMap<>();

    /**
     * Adapts a started cluster.
     *
     * @param cluster the cluster; its owner keeps the duty to close it
     */
    public RealRedisBackend(RedisClusterFixture cluster) {
        this.cluster = cluster;
        cluster.nodes().forEach(node -> nodesById.put(node.id(), node));
    }

    @Override
    public String description() {
        return "real redis-server, " + cluster.spec();
    }

    @Override
    public List<BackendNode> nodes() {
        return cluster.nodes().stream().map(RealRedisBackend::toBackendNode).toList();
    }

    @Override
    public List<BackendNode> primaries() {
        return cluster.primaries().stream().map(RealRedisBackend::toBackendNode).toList();
    }

    @Override
    public BackendNode slotOwner(int slot) {
        return toBackendNode(cluster.slotOwner(slot));
    }

    @Override
    public RespReply call(BackendNode node, Object... args) {
        return redisNode(node).admin().call(args);
    }

    @Override
    public void kill(BackendNode node) {
        cluster.kill(redisNode(node));
    }

    @Override
    public BackendNode readdress(BackendNode node) {
        RedisNode redisNode = redisNode(node);
        cluster.readdress(redisNode);
        return toBackendNode(redisNode);
    }

    @Override
    public void pause(BackendNode node) {
        signal(redisNode(node), "-STOP");
    }

    @Override
    public void resume(BackendNode node) {
        signal(redisNode(node), "-CONT");
    }

    @Override
    public void awaitHealthy(Duration timeout) {
        cluster.awaitHealthy(timeout);
    }

    private RedisNode redisNode(BackendNode node) {
        RedisNode redisNode = nodesById.get(node.id());
        if (redisNode == null) {
            throw new IllegalArgumentException(node + " is not a node of " + cluster);
        }
        return redisNode;
    }

    private static BackendNode toBackendNode(RedisNode node) {
        return new BackendNode(node.id(), "127.0.0.1", node.port());
    }

    /** Runs {@code kill <signal> <pid>} and fails unless it succeeded. */
    private static void signal(RedisNode node, String signal) {
        ProcessBuilder builder = new ProcessBuilder("kill", signal, Long.toString(node.pid()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = builder.start();
            if (!process.waitFor(SIGNAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kill " + signal + " " + node.pid() + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "kill " + signal + " " + node.pid() + " exited with " + process.exitValue() + " for " + node);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill " + signal + " for " + node, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + signal + " to " + node, e);
        }
    }

    @Override
    public String toString() {
        return description();
    }
}
