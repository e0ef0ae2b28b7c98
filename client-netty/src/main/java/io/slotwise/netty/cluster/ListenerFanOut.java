package io.slotwise.netty.cluster;

import io.slotwise.event.ClientEventListener;
import io.slotwise.event.RedirectKind;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers each event to every registered listener, in order, so that one failing listener neither stops the others
 * nor reaches the client's I/O code: exceptions are logged and dropped.
 */
final class ListenerFanOut implements ClientEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerFanOut.class);

    private final List<ClientEventListener> listeners;

    private ListenerFanOut(List<ClientEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** Combines listeners; {@link ClientEventListener#NONE} when there are none. */
    static ClientEventListener of(List<ClientEventListener> listeners) {
        return listeners.isEmpty() ? NONE : new ListenerFanOut(listeners);
    }

    private void each(String event, Consumer<ClientEventListener> call) {
        for (ClientEventListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                failed(listener, event, e);
            }
        }
    }

    /**
     * Like {@link #each(String, Consumer)} for the events of every command and request, with the event's arguments
     * passed along rather than captured, so that delivering them allocates nothing.
     */
    private <A, B> void each(String event, PerCommandEvent<A, B> call, A first, B second) {
        for (ClientEventListener listener : listeners) {
            try {
                call.deliver(listener, first, second);
            } catch (RuntimeException e) {
                failed(listener, event, e);
            }
        }
    }

    private static void failed(ClientEventListener listener, String event, RuntimeException e) {
        LOG.warn("Client event listener {} failed on {}", listener.getClass().getName(), event, e);
    }

    /** Delivers one event with up to two arguments to one listener. */
    @FunctionalInterface
    private interface PerCommandEvent<A, B> {
        void deliver(ClientEventListener listener, A first, B second);
    }

    @Override
    public void commandSucceeded(String command, Duration latency) {
        each("commandSucceeded", ClientEventListener::commandSucceeded, command, latency);
    }

    @Override
    public void commandFailed(String command, Duration latency, Throwable cause) {
        each("commandFailed", l -> l.commandFailed(command, latency, cause));
    }

    @Override
    public void requestStarted(NodeAddress node) {
        each("requestStarted", (l, n, unused) -> l.requestStarted(n), node, null);
    }

    @Override
    public void requestFinished(NodeAddress node) {
        each("requestFinished", (l, n, unused) -> l.requestFinished(n), node, null);
    }

    @Override
    public void redirected(String command, RedirectKind kind, int slot, NodeAddress from, NodeAddress to) {
        each("redirected", l -> l.redirected(command, kind, slot, from, to));
    }

    @Override
    public void retried(String command, int attempt, Throwable cause) {
        each("retried", l -> l.retried(command, attempt, cause));
    }

    @Override
    public void topologyRefreshed(Duration duration, int nodesAsked) {
        each("topologyRefreshed", l -> l.topologyRefreshed(duration, nodesAsked));
    }

    @Override
    public void topologyRefreshFailed(Duration duration, Throwable cause) {
        each("topologyRefreshFailed", l -> l.topologyRefreshFailed(duration, cause));
    }

    @Override
    public void topologyChanged(ClusterTopology previous, ClusterTopology current) {
        each("topologyChanged", l -> l.topologyChanged(previous, current));
    }

    @Override
    public void connected(NodeAddress node) {
        each("connected", l -> l.connected(node));
    }

    @Override
    public void connectFailed(NodeAddress node, Throwable cause) {
        each("connectFailed", l -> l.connectFailed(node, cause));
    }

    @Override
    public void disconnected(NodeAddress node, Throwable cause) {
        each("disconnected", l -> l.disconnected(node, cause));
    }

    @Override
    public void cacheHit(String command) {
        each("cacheHit", l -> l.cacheHit(command));
    }

    @Override
    public void cacheMiss(String command) {
        each("cacheMiss", l -> l.cacheMiss(command));
    }

    @Override
    public void cacheEvicted(int entries) {
        each("cacheEvicted", l -> l.cacheEvicted(entries));
    }

    @Override
    public void cacheInvalidated(int entries) {
        each("cacheInvalidated", l -> l.cacheInvalidated(entries));
    }

    @Override
    public void clientClosed() {
        each("clientClosed", ClientEventListener::clientClosed);
    }
}
