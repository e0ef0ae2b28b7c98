package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.ClusterHealth;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.FailureReports;
import io.slotwise.sim.cluster.NodeFlag;
import io.slotwise.sim.cluster.PendingAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis's failure detection. PFAIL: a node with a pending PING that neither answered nor sent anything for longer than
 * the node timeout. Failure reports: masters gossiping a node as PFAIL or FAIL (valid for 2 × node timeout). FAIL: a
 * node I see as PFAIL once the reports, plus my own vote if I am a master, reach {@code size / 2 + 1} (size = masters
 * owning slots); then FAIL is broadcast. Clearing: PFAIL goes on any PONG; FAIL goes on a PONG from a replica or
 * slot-less master, and from a slot-owning master only once the FAIL is older than 2 × node timeout (nobody failed it
 * over). Call on the node's event loop.
 */
final class FailureDetector {

    private static final Logger LOG = LoggerFactory.getLogger(FailureDetector.class);

    /** A slot-owning master's FAIL may be undone after this many node timeouts. */
    static final int FAIL_UNDO_MULTIPLIER = 2;

    private final ClusterState state;
    private final Outbox outbox;

    FailureDetector(ClusterState state, Outbox outbox) {
        this.state = state;
        this.outbox = outbox;
    }

    /** Cron check of a node with a pending PING; {@code silenceMillis} = min(ping age, time since any data). */
    void checkTimeout(ClusterNode node, long silenceMillis) {
        if (silenceMillis > timeout() && !node.hasFlag(NodeFlag.PFAIL) && !node.isFailed()) {
            LOG.debug("*** NODE {} possibly failing", node.id());
            node.addFlag(NodeFlag.PFAIL, now());
            state.updateState();
        }
    }

    /** A master gossiped {@code node} as failing ({@code failing}) or healthy. */
    void onGossipedHealth(ClusterNode node, ClusterNode reporter, boolean failing) {
        FailureReports reports = state.failureReports();
        if (failing) {
            if (reports.add(node, reporter, now())) {
                LOG.debug("Node {} reported node {} as not reachable.", reporter.id(), node.id());
            }
            markFailingIfQuorum(node);
        } else if (reports.remove(node, reporter)) {
            LOG.debug("Node {} reported node {} is back online.", reporter.id(), node.id());
        }
    }

    int validReports(ClusterNode node) {
        return state.failureReports().countValid(node, now(), timeout());
    }

    private void markFailingIfQuorum(ClusterNode node) {
        if (!node.hasFlag(NodeFlag.PFAIL) || node.isFailed()) {
            return;
        }
        int failures = validReports(node) + (state.myself().isMaster() ? 1 : 0);
        if (failures < ClusterHealth.size(state) / 2 + 1) {
            return;
        }
        LOG.info("Marking node {} as failing (quorum reached).", node.id());
        node.removeFlag(NodeFlag.PFAIL);
        node.addFlag(NodeFlag.FAIL, now());
        outbox.broadcastFail(node);
        state.updateState();
        state.request(PendingAction.SAVE_CONFIG);
    }

    /** A FAIL message from a known node. */
    void onFailMessage(ClusterNode sender, String failingId) {
        ClusterNode failing = state.findNode(failingId).orElse(null);
        if (failing == null || failing.isFailed() || failing.isMyself()) {
            return;
        }
        LOG.info("FAIL message received from {} about {}", sender.id(), failingId);
        failing.addFlag(NodeFlag.FAIL, now());
        failing.removeFlag(NodeFlag.PFAIL);
        state.updateState();
        state.request(PendingAction.SAVE_CONFIG);
    }

    /** A PONG arrived on my outbound link to {@code node}. */
    void onPong(ClusterNode node) {
        node.setPongReceivedMillis(now());
        node.setPingSentMillis(0);
        if (node.hasFlag(NodeFlag.PFAIL)) {
            node.removeFlag(NodeFlag.PFAIL);
            state.updateState();
        } else if (node.isFailed()) {
            clearFailIfAllowed(node);
        }
    }

    private void clearFailIfAllowed(ClusterNode node) {
        if (node.isReplica() || node.slotCount() == 0) {
            LOG.info(
                    "Clear FAIL state for node {}: {} is reachable again.",
                    node.id(),
                    node.isReplica() ? "replica" : "master without slots");
        } else if (now() - node.failTimeMillis() > timeout() * FAIL_UNDO_MULTIPLIER) {
            LOG.info(
                    "Clear FAIL state for node {}: is reachable again and nobody is serving its slots after some time.",
                    node.id());
        } else {
            return;
        }
        node.removeFlag(NodeFlag.FAIL);
        state.updateState();
        state.request(PendingAction.SAVE_CONFIG);
    }

    private long timeout() {
        return state.config().nodeTimeoutMillis();
    }

    private long now() {
        return state.environment().nowMillis();
    }
}
