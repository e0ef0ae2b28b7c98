package io.slotwise.netty.testing;

import io.slotwise.event.ClientEventListener;
import io.slotwise.event.RedirectKind;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A client event listener that records what tests assert on. */
public final class RecordingEvents implements ClientEventListener {

    /** One redirect followed. */
    public record Redirected(String command, RedirectKind kind, int slot, NodeAddress from, NodeAddress to) {}

    /** One retry. */
    public record Retried(String command, int attempt, Throwable cause) {}

    public final List<Redirected> redirects = new CopyOnWriteArrayList<>();
    public final List<Retried> retries = new CopyOnWriteArrayList<>();
    public final AtomicInteger refreshes = new AtomicInteger();
    public final AtomicInteger failedRefreshes = new AtomicInteger();
    public final List<Integer> refreshViews = new CopyOnWriteArrayList<>();
    public final AtomicInteger topologyChanges = new AtomicInteger();
    public final AtomicInteger succeeded = new AtomicInteger();
    public final List<Throwable> failed = new CopyOnWriteArrayList<>();
    public final AtomicInteger inFlight = new AtomicInteger();
    public final List<NodeAddress> connectionTrouble = new CopyOnWriteArrayList<>();
    public final AtomicInteger closed = new AtomicInteger();

    @Override
    public void commandSucceeded(String command, Duration latency) {
        succeeded.incrementAndGet();
    }

    @Override
    public void commandFailed(String command, Duration latency, Throwable cause) {
        failed.add(cause);
    }

    @Override
    public void requestStarted(NodeAddress node) {
        inFlight.incrementAndGet();
    }

    @Override
    public void requestFinished(NodeAddress node) {
        inFlight.decrementAndGet();
    }

    @Override
    public void redirected(String command, RedirectKind kind, int slot, NodeAddress from, NodeAddress to) {
        redirects.add(new Redirected(command, kind, slot, from, to));
    }

    @Override
    public void retried(String command, int attempt, Throwable cause) {
        retries.add(new Retried(command, attempt, cause));
    }

    @Override
    public void topologyRefreshed(Duration duration, int nodesAsked) {
        refreshViews.add(nodesAsked);
        refreshes.incrementAndGet();
    }

    @Override
    public void topologyRefreshFailed(Duration duration, Throwable cause) {
        failedRefreshes.incrementAndGet();
    }

    @Override
    public void topologyChanged(ClusterTopology previous, ClusterTopology current) {
        topologyChanges.incrementAndGet();
    }

    @Override
    public void connectFailed(NodeAddress node, Throwable cause) {
        connectionTrouble.add(node);
    }

    @Override
    public void disconnected(NodeAddress node, Throwable cause) {
        connectionTrouble.add(node);
    }

    @Override
    public void clientClosed() {
        closed.incrementAndGet();
    }
}
