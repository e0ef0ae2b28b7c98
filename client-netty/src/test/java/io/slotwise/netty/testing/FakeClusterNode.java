package io.slotwise.netty.testing;

import io.slotwise.topology.NodeAddress;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One node of a {@link FakeCluster}: a {@link FakeRedisServer} answering like a cluster node, plus scripts that take
 * over chosen requests (reply an error, stall, close the connection) and a view of the cluster that can be frozen to
 * play a stale node.
 */
public final class FakeClusterNode {

    private final FakeCluster cluster;
    private final int index;
    private final FakeClusterNode primary;
    private final FakeRedisServer server;
    private final List<Script> scripts = new CopyOnWriteArrayList<>();
    final Set<Integer> readOnlyConnections = ConcurrentHashMap.newKeySet();
    final Set<Integer> askingConnections = ConcurrentHashMap.newKeySet();
    final FakeTransactions transactions;
    private volatile int[] frozenView;
    private volatile boolean shardsUnsupported;
    private volatile String announcedHost = "127.0.0.1";

    FakeClusterNode(FakeCluster cluster, int index, FakeClusterNode primary) throws InterruptedException {
        this.cluster = cluster;
        this.index = index;
        this.primary = primary;
        this.transactions = new FakeTransactions(cluster.keyspace);
        this.server = FakeRedisServer.start(new ClusterNodeResponder(cluster, this));
    }

    /** The node's position in {@link FakeCluster#nodes()}, from 0. */
    public int index() {
        return index;
    }

    /** Whether the node is a primary. */
    public boolean isPrimary() {
        return primary == null;
    }

    /** The node's primary: itself for a primary. */
    public FakeClusterNode primary() {
        return primary == null ? this : primary;
    }

    /** Where the node listens. */
    public NodeAddress address() {
        return server.address();
    }

    /** Where the node tells clients it is (in topology replies and redirects). */
    public NodeAddress announced() {
        return new NodeAddress(announcedHost, server.address().port());
    }

    /** Makes the node announce another host with its port, as a node behind NAT does. */
    public void announceHost(String host) {
        announcedHost = Objects.requireNonNull(host);
    }

    /** The node's 40-character ID. */
    public String id() {
        return String.format("%040x", index + 1);
    }

    /** The seed URI of this node. */
    public String seed() {
        return "redis://" + address();
    }

    /** Every request the node received, in arrival order. */
    public List<FakeRedisServer.Request> requests() {
        return server.requests();
    }

    /** The arguments of every request for {@code command} (any case). */
    public List<List<String>> requests(String command) {
        return server.requests(command);
    }

    /** The number of connections open now. */
    public int openConnections() {
        return server.openConnections();
    }

    /** The number of connections the node accepted so far. */
    public int acceptedConnections() {
        return server.acceptedConnections();
    }

    /** Freezes the node's answer to CLUSTER SHARDS/SLOTS at the cluster's current slot owners: a stale node. */
    public void freezeView() {
        frozenView = cluster.ownersSnapshot();
    }

    /** The slot owners this node reports: its frozen view, or the cluster's. */
    int[] view() {
        int[] frozen = frozenView;
        return frozen != null ? frozen : cluster.ownersSnapshot();
    }

    /** The node's answer to {@code CLUSTER SHARDS} now (its frozen view, or the cluster's), as raw RESP. */
    public String shardsReply() {
        return ClusterTopologyReplies.shards(cluster, view());
    }

    /** Makes the node answer CLUSTER SHARDS with an unknown-subcommand error, as Redis 6 does. */
    public void shardsUnsupported() {
        shardsUnsupported = true;
    }

    boolean isShardsUnsupported() {
        return shardsUnsupported;
    }

    /**
     * Lets {@code action} handle the next {@code times} requests for {@code command} instead of the node.
     *
     * @param command the upper-case command name, for example {@code GET} or {@code CLUSTER}
     * @param times how many requests, or -1 for all from now on
     * @param action what to do with each: reply, never reply, close
     */
    public void script(String command, int times, Consumer<Exchange> action) {
        scripts.add(new Script(command, new AtomicInteger(times), action));
    }

    /** Answers the next {@code times} requests for {@code command} with raw RESP, for example an error. */
    public void replyNext(String command, int times, String raw) {
        script(command, times, exchange -> exchange.reply(raw));
    }

    /** Stops the server: connections are closed, and new ones refused. */
    public void stop() throws InterruptedException {
        server.close();
    }

    /** Offers a request to the scripts; returns whether one handled it. */
    boolean runScript(Exchange exchange) {
        for (Script script : scripts) {
            if (script.command.equals(exchange.name()) && script.take()) {
                script.action.accept(exchange);
                return true;
            }
        }
        return false;
    }

    private record Script(String command, AtomicInteger remaining, Consumer<Exchange> action) {
        boolean take() {
            while (true) {
                int left = remaining.get();
                if (left == 0) {
                    return false;
                }
                if (left < 0 || remaining.compareAndSet(left, left - 1)) {
                    return true;
                }
            }
        }
    }

    @Override
    public String toString() {
        return (isPrimary() ? "primary " : "replica ") + index + "@" + address();
    }
}
