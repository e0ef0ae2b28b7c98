package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.NodeFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The cluster cron, run every 100 ms (Redis's {@code clusterCron}, bus part):
 * <ol>
 *   <li>expire handshake nodes older than {@code max(node_timeout, 1000)} ms, and open an outbound link to every other
 *       node that has none (a failed attempt starts the node's ping timer, so an unreachable node still times out);
 *   <li>every 10th tick, PING the node with the oldest PONG among 5 random connected nodes without a pending PING;
 *   <li>for every node: drop an outbound link older than the node timeout whose PING is pending and which has been
 *       silent for half the timeout (it is reopened next tick); PING a node whose last PONG is older than half the
 *       timeout; mark PFAIL a node silent for longer than the timeout;
 *   <li>run the failover hook, and re-evaluate {@code cluster_state} when something changed or while it is fail.
 * </ol>
 * Call on the node's event loop.
 */
final class BusCron {

    /** Redis's cron period. */
    static final long PERIOD_MILLIS = 100;

    private static final int RANDOM_PING_EVERY = 10;
    private static final int RANDOM_PING_SAMPLES = 5;

    private final ClusterState state;
    private final LinkManager links;
    private final Outbox outbox;
    private final Handshakes handshakes;
    private final FailureDetector failures;
    private final BusListener listener;
    private long iteration;

    BusCron(
            ClusterState state,
            LinkManager links,
            Outbox outbox,
            Handshakes handshakes,
            FailureDetector failures,
            BusListener listener) {
        this.state = state;
        this.links = links;
        this.outbox = outbox;
        this.handshakes = handshakes;
        this.failures = failures;
        this.listener = listener;
    }

    void tick() {
        long now = state.environment().nowMillis();
        iteration++;
        links.forgetRemovedNodes();
        for (ClusterNode node : snapshot()) {
            if (node.isMyself() || node.hasFlag(NodeFlag.NOADDR) || handshakes.expireIfStale(node, now)) {
                continue;
            }
            if (links.outbound(node) == null) {
                links.connect(node);
            }
        }
        if (iteration % RANDOM_PING_EVERY == 0) {
            pingOldestOfRandomSample();
        }
        long timeout = state.config().nodeTimeoutMillis();
        for (ClusterNode node : snapshot()) {
            if (node.isMyself() || node.hasFlag(NodeFlag.NOADDR) || node.inHandshake()) {
                continue;
            }
            checkNode(node, now, timeout);
        }
        listener.onCronTick(now);
        if (!state.isOk()) {
            state.updateState();
        }
    }

    private void checkNode(ClusterNode node, long now, long timeout) {
        long pingDelay = now - node.pingSentMillis();
        long dataDelay = now - links.dataReceivedMillis(node);
        BusLink link = links.outbound(node);
        if (link != null
                && now - link.createdAtMillis() > timeout
                && node.pingSentMillis() != 0
                && pingDelay > timeout / 2
                && dataDelay > timeout / 2) {
            links.free(link);
            link = null;
        }
        if (link != null
                && link.isActive()
                && node.pingSentMillis() == 0
                && now - node.pongReceivedMillis() > timeout / 2) {
            outbox.heartbeat(link, ClusterMessageType.PING);
            return;
        }
        if (node.pingSentMillis() != 0) {
            failures.checkTimeout(node, Math.min(pingDelay, dataDelay));
        }
    }

    private void pingOldestOfRandomSample() {
        List<ClusterNode> all = snapshot();
        RandomGenerator random = state.environment().random();
        ClusterNode oldest = null;
        for (int i = 0; i < RANDOM_PING_SAMPLES; i++) {
            ClusterNode node = all.get(random.nextInt(all.size()));
            if (node.isMyself()
                    || node.inHandshake()
                    || node.pingSentMillis() != 0
                    || links.activeOutbound(node) == null) {
                continue;
            }
            if (oldest == null || node.pongReceivedMillis() < oldest.pongReceivedMillis()) {
                oldest = node;
            }
        }
        if (oldest != null) {
            outbox.heartbeat(links.activeOutbound(oldest), ClusterMessageType.PING);
        }
    }

    private List<ClusterNode> snapshot() {
        return new ArrayList<>(state.nodes());
    }

    /** Called when an outbound link connects: PING (or MEET, once) right away, keeping an older pending PING's time. */
    void onConnected(BusLink link) {
        ClusterNode node = link.node();
        long pendingPing = node.pingSentMillis();
        outbox.heartbeat(link, node.meetPending() ? ClusterMessageType.MEET : ClusterMessageType.PING);
        if (pendingPing != 0) {
            node.setPingSentMillis(pendingPing);
        }
        node.setMeetPending(false);
    }

    /** Called when an outbound connection attempt fails: start the ping timer so that the node can time out. */
    void onConnectFailed(ClusterNode node) {
        if (node.pingSentMillis() == 0) {
            node.setPingSentMillis(state.environment().nowMillis());
        }
    }
}
