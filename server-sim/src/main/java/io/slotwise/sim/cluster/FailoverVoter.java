package io.slotwise.sim.cluster;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A master's side of a replica election (Redis's {@code clusterSendFailoverAuthIfNeeded}): decides whether to grant
 * its vote to a replica that asks for one (FAILOVER_AUTH_REQUEST). A vote is granted only if all of these hold:
 * <ol>
 *   <li>myself is a master serving at least one slot;
 *   <li>the request's current epoch is not older than mine;
 *   <li>I have not voted in my current epoch yet;
 *   <li>the requester is a replica whose master I know, and that master is FAIL, or the request carries the manual
 *       failover flag ({@code forceAck});
 *   <li>I have not voted for a replica of that master within {@code 2 x cluster-node-timeout};
 *   <li>no slot the request claims is owned, in my view, by a node with a greater config epoch than the request's.
 * </ol>
 * Granting records my vote epoch and the time of the vote for that master, and requests a nodes.conf save with fsync.
 *
 * <p>Not thread-safe: confine an instance to the node's event loop, next to its {@link ClusterState}.
 */
public final class FailoverVoter {

    private final Map<String, Long> votedAtByMaster = new HashMap<>();

    /** A voter that has never voted. */
    public FailoverVoter() {}

    /**
     * The outcome of a request for a vote.
     *
     * @param granted whether the vote is granted (the caller then sends FAILOVER_AUTH_ACK)
     * @param reason for a denial, Redis's reason text (e.g. {@code already voted for epoch 5}); empty when granted
     */
    public record Vote(boolean granted, String reason) {}

    /**
     * Decides on a request and, when granting, records the vote.
     *
     * @param state the voter's state, never {@code null}
     * @param requester the known node asking, never {@code null}
     * @param requestCurrentEpoch the current epoch in the request's header
     * @param requestConfigEpoch the config epoch in the request's header (its master's)
     * @param claimedSlots the slots the request claims (its master's), never {@code null}
     * @param forceAck whether the request carries the manual failover flag
     * @return the decision
     */
    public Vote decide(
            ClusterState state,
            ClusterNode requester,
            long requestCurrentEpoch,
            long requestConfigEpoch,
            BitSet claimedSlots,
            boolean forceAck) {
        Objects.requireNonNull(claimedSlots, "claimedSlots");
        ClusterNode myself = state.myself();
        if (myself.isReplica() || myself.slotCount() == 0) {
            return denied("I am not a master serving slots");
        }
        long currentEpoch = state.currentEpoch();
        if (requestCurrentEpoch < currentEpoch) {
            return denied("reqEpoch (" + requestCurrentEpoch + ") < curEpoch(" + currentEpoch + ")");
        }
        if (state.lastVoteEpoch() == currentEpoch) {
            return denied("already voted for epoch " + currentEpoch);
        }
        ClusterNode master = state.masterOf(requester).orElse(null);
        if (requester.isMaster()) {
            return denied("it is a master node");
        }
        if (master == null) {
            return denied("I don't know its master");
        }
        if (!master.isFailed() && !forceAck) {
            return denied("its master is up");
        }
        long now = state.environment().nowMillis();
        long window = state.config().nodeTimeoutMillis() * 2;
        Long votedAt = votedAtByMaster.get(master.id());
        if (votedAt != null && now - votedAt < window) {
            return denied("can't vote about this master before " + (window - (now - votedAt)) + " milliseconds");
        }
        for (int slot = claimedSlots.nextSetBit(0); slot >= 0; slot = claimedSlots.nextSetBit(slot + 1)) {
            ClusterNode owner = state.slots().owner(slot);
            if (owner != null && owner.configEpoch() > requestConfigEpoch) {
                return denied("slot " + slot + " epoch (" + owner.configEpoch() + ") > reqEpoch (" + requestConfigEpoch
                        + ")");
            }
        }
        state.setLastVoteEpoch(currentEpoch);
        votedAtByMaster.put(master.id(), now);
        state.request(PendingAction.SAVE_CONFIG, PendingAction.FSYNC_CONFIG);
        return new Vote(true, "");
    }

    private static Vote denied(String reason) {
        return new Vote(false, reason);
    }
}
