package io.slotwise.it.client;

import io.slotwise.it.fixture.RespReply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A Redis Cluster that the client behaviour tests run against, reduced to what they need: where to connect, which node
 * serves a slot, admin commands sent straight to one node (bypassing the client under test), and the faults they
 * inject (killing a node, making one stop answering). Every behaviour class ({@code *Behaviour}) takes one in its
 * constructor, so the same tests run against any implementation.
 *
 * <p>Implementations: {@link RealRedisBackend} runs {@code redis-server} processes through the real-cluster fixture. The
 * in-JVM simulated cluster of server-sim ({@code SimCluster}) is the second implementation: a
 * {@code SimClusterBackend} adapting it, plus one {@code *SimIT} subclass per behaviour class next to each
 * {@code *RealRedisIT}, runs every behaviour here against the simulator. Its nodes listen on loopback ports like real
 * ones, so admin calls, {@code redis-cli} and the client reach them the same way.
 *
 * <p>Implementations are used from the test thread only; they need not be thread-safe.
 */
public interface ClusterBackend {

    /** Describes the backend and its shape for messages, e.g. {@code real redis-server, 3 primaries x 0 replicas}. */
    String description();

    /** Returns every node started, primaries first; killed nodes included. */
    List<BackendNode> nodes();

    /** Returns the nodes that owned slots when the cluster formed, in slot order (the first owns slot 0). */
    List<BackendNode> primaries();

    /**
     * Returns the primary serving {@code slot} now, as a live node reports it.
     *
     * @throws IllegalStateException if no live node knows an owner
     */
    BackendNode slotOwner(int slot);

    /**
     * Sends one command to one node and returns its reply, error replies included.
     *
     * @param node the node; must be alive and answering
     * @param args the command name and arguments ({@code byte[]}, {@link String}, {@link Integer} or {@link Long})
     * @return the reply, never {@code null}
     */
    RespReply call(BackendNode node, Object... args);

    /** Kills {@code node} abruptly (no shutdown, no save), as SIGKILL does, and returns once it is gone. */
    void kill(BackendNode node);

    /**
     * Makes {@code node} stop answering, as SIGSTOP does: connections stay open, nothing is read or written, and its
     * peers keep it in the cluster until their node timeout. Undone by {@link #resume}.
     */
    void pause(BackendNode node);

    /** Lets a {@link #pause}d node run again, as SIGCONT does; it then serves what it received meanwhile. */
    void resume(BackendNode node);

    /**
     * Waits until every live node reports {@code cluster_state:ok} and they all agree on slot owners that are live.
     *
     * @throws IllegalStateException if that does not happen within {@code timeout}
     */
    void awaitHealthy(Duration timeout);

    /**
     * Makes {@code node} answer as if it were loading its dataset for {@code duration} (a replica loading a full sync):
     * data commands, PING and CLUSTER SLOTS get {@code LOADING Redis is loading the dataset in memory}.
     *
     * @return a future completed when loading has ended
     * @throws UnsupportedOperationException if the backend cannot do that (real redis-server: only with DEBUG RELOAD
     *     on a large dataset, which the fixture does not set up)
     */
    default CompletableFuture<Void> loading(BackendNode node, Duration duration) {
        throw new UnsupportedOperationException(description() + " cannot make a node load its dataset on demand");
    }

    /**
     * Kills {@code node} and starts it again with its nodes.conf (same node id, slots and epochs) on new client and
     * bus ports, as a Kubernetes pod that comes back with a new IP; its peers learn the new address through the
     * cluster bus. It comes back without keys, as a primary without persistence does.
     *
     * @return the node at its new address
     * @throws UnsupportedOperationException if the backend cannot do that
     */
    default BackendNode readdress(BackendNode node) {
        throw new UnsupportedOperationException(description() + " cannot restart a node on new ports");
    }

    /** Returns a seed URI per node, in {@link #nodes()} order. */
    default List<String> seedUris() {
        return nodes().stream().map(BackendNode::uri).toList();
    }

    /**
     * Starts migrating {@code slot} from {@code source} to {@code target} the way {@code redis-cli} does; the caller
     * moves the keys and finishes through the returned {@link SlotMigration}.
     */
    default SlotMigration beginMigration(int slot, BackendNode source, BackendNode target) {
        return SlotMigration.begin(this, slot, source, target);
    }
}
