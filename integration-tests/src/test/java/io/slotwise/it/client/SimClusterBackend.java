package io.slotwise.it.client;

import io.slotwise.it.fixture.AdminConnection;
import io.slotwise.it.fixture.RespReply;
import io.slotwise.sim.SimCluster;
import io.slotwise.sim.SimClusterNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link ClusterBackend} over an in-JVM simulated cluster: the same behaviour tests that run against real
 * redis-server nodes run against the simulator, and must see the same results.
 */
public final class SimClusterBackend implements ClusterBackend {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);

    private final SimCluster cluster;

    /**
     * Wraps a running simulated cluster.
     *
     * @param cluster the cluster; closed by its owner
     */
    public SimClusterBackend(SimCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public String description() {
        return "Slotwise simulator, " + cluster.formedPrimaries().size() + " primaries x "
                + (cluster.nodes().size() / cluster.formedPrimaries().size() - 1) + " replicas";
    }

    @Override
    public List<BackendNode> nodes() {
        return cluster.nodes().stream().map(SimClusterBackend::toBackendNode).toList();
    }

    @Override
    public List<BackendNode> primaries() {
        return cluster.formedPrimaries().stream()
                .map(SimClusterBackend::toBackendNode)
                .toList();
    }

    @Override
    public BackendNode slotOwner(int slot) {
        return toBackendNode(cluster.slotOwner(slot)
                .orElseThrow(() -> new IllegalStateException("no running node knows the owner of slot " + slot)));
    }

    @Override
    public RespReply call(BackendNode node, Object... args) {
        try (AdminConnection admin = AdminConnection.open(node.port(), ADMIN_TIMEOUT)) {
            return admin.call(args);
        }
    }

    @Override
    public void kill(BackendNode node) {
        cluster.kill(simNode(node));
    }

    @Override
    public void pause(BackendNode node) {
        cluster.pause(simNode(node));
    }

    @Override
    public void resume(BackendNode node) {
        cluster.resume(simNode(node));
    }

    @Override
    public CompletableFuture<Void> loading(BackendNode node, Duration duration) {
        return cluster.loading(simNode(node), duration);
    }

    @Override
    public BackendNode readdress(BackendNode node) {
        SimClusterNode simNode = simNode(node);
        cluster.readdress(simNode);
        return toBackendNode(simNode);
    }

    @Override
    public void awaitHealthy(Duration timeout) {
        cluster.awaitHealthy(timeout);
    }

    private SimClusterNode simNode(BackendNode node) {
        return cluster.node(node.id())
                .orElseThrow(() -> new IllegalArgumentException(node + " is not a node of this simulated cluster"));
    }

    private static BackendNode toBackendNode(SimClusterNode node) {
        return new BackendNode(node.id(), "127.0.0.1", node.port());
    }
}
