package io.slotwise.netty.connection;

import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ConnectionListener} that records every event as text, and the scheduled reconnect delays. */
final class RecordingListener implements ConnectionListener {

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Duration> reconnectDelays = new CopyOnWriteArrayList<>();

    @Override
    public void connected(NodeAddress node, int protocolVersion) {
        events.add("connected RESP" + protocolVersion);
    }

    @Override
    public void connectFailed(NodeAddress node, Throwable cause) {
        events.add("connectFailed");
    }

    @Override
    public void disconnected(NodeAddress node, Throwable cause) {
        events.add("disconnected");
    }

    @Override
    public void reconnectScheduled(NodeAddress node, int attempt, Duration delay) {
        events.add("reconnectScheduled " + attempt);
        reconnectDelays.add(delay);
    }

    long count(String event) {
        return events.stream().filter(e -> e.startsWith(event)).count();
    }
}
