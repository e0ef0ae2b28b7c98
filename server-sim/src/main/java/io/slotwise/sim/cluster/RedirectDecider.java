package io.slotwise.sim.cluster;

import java.util.Arrays;

/**
 * Decides whether this node serves a keyed command or redirects it, following Redis 7.0's {@code getNodeByQuery}:
 *
 * <ol>
 *   <li>The first key fixes the slot and its owner; no owner → {@code CLUSTERDOWN Hash slot not served}. If I own the
 *       slot and it is MIGRATING, or else if it is IMPORTING here, the slot is "in migration". A later key in another
 *       slot → {@code CROSSSLOT}; a different key name in the same slot makes the request multi-key. For a slot in
 *       migration (and not sharded pub/sub) every key is counted as existing or missing locally.
 *   <li>No keys → serve, in any state and role.
 *   <li>Cluster fail: sharded pub/sub is served only if allowed when down; otherwise, unless reads are allowed when
 *       down → {@code CLUSTERDOWN The cluster is down}; a write → {@code ... only accepts read commands}.
 *   <li>MIGRATE on a slot in migration → serve.
 *   <li>MIGRATING with missing keys: some keys present → {@code TRYAGAIN}, none → {@code ASK} to the target.
 *   <li>IMPORTING and the client sent ASKING (or the command is RESTORE-ASKING): multi-key with missing keys →
 *       {@code TRYAGAIN}, else serve.
 *   <li>READONLY client (or sharded pub/sub), not a write, and I am a replica of the owner → serve.
 *   <li>Owner is not me → {@code MOVED} to the owner; else serve.
 * </ol>
 *
 * <p>The caller handles what surrounds this call in Redis: skipping the check for the master link / AOF loading and
 * for commands without key specs (except EXEC), flagging a MULTI transaction whose queued command was rejected, and
 * the ASKING flag's lifetime. Pure: reads the state, never changes it. Call on the node's thread.
 */
public final class RedirectDecider {

    private RedirectDecider() {}

    /**
     * Decides.
     *
     * @param state the node's cluster state, never {@code null}
     * @param query the command and client facts, never {@code null}
     * @return the decision, never {@code null}
     */
    public static RedirectDecision decide(ClusterState state, RedirectQuery query) {
        if (query.keys().isEmpty()) {
            return RedirectDecision.SERVE;
        }
        ClusterNode myself = state.myself();
        RedirectQuery.Key first = query.keys().get(0);
        int slot = first.slot();
        ClusterNode owner = state.slots().owner(slot);
        if (owner == null) {
            return new RedirectDecision.ClusterDown(RedirectDecision.Reason.UNBOUND);
        }
        boolean migrating = owner == myself && state.slots().migratingTo(slot) != null;
        boolean importing = !migrating && state.slots().importingFrom(slot) != null;
        boolean countKeys = (migrating || importing) && !query.shardedPubSub();
        boolean multipleKeys = false;
        int missing = 0;
        int existing = 0;
        for (RedirectQuery.Key key : query.keys()) {
            if (key.slot() != slot) {
                return new RedirectDecision.CrossSlot();
            }
            if (!multipleKeys && !Arrays.equals(key.name(), first.name())) {
                multipleKeys = true;
            }
            if (countKeys) {
                if (query.presence().exists(key.name())) {
                    existing++;
                } else {
                    missing++;
                }
            }
        }
        if (!state.isOk()) {
            if (query.shardedPubSub()) {
                if (!state.config().allowPubsubshardWhenDown()) {
                    return new RedirectDecision.ClusterDown(RedirectDecision.Reason.DOWN);
                }
            } else if (!state.config().allowReadsWhenDown()) {
                return new RedirectDecision.ClusterDown(RedirectDecision.Reason.DOWN);
            } else if (query.write()) {
                return new RedirectDecision.ClusterDown(RedirectDecision.Reason.READ_ONLY);
            }
        }
        if ((migrating || importing) && query.migrate()) {
            return RedirectDecision.SERVE;
        }
        if (migrating && missing > 0) {
            if (existing > 0) {
                return new RedirectDecision.TryAgain();
            }
            ClusterNode target = state.slots().migratingTo(slot);
            // Redis computes the ASK target even when a slot migrates to the node itself (SETSLOT MIGRATING <myid>
            // is accepted), but redirects only to another node: then the command is served here.
            if (!target.id().equals(myself.id())) {
                PreferredEndpointType type = state.config().preferredEndpointType();
                return new RedirectDecision.Ask(slot, target.id(), type.endpointOf(target), target.port());
            }
        }
        if (importing && (query.clientAsking() || query.askingCommand())) {
            if (multipleKeys && missing > 0) {
                return new RedirectDecision.TryAgain();
            }
            return RedirectDecision.SERVE;
        }
        if ((query.clientReadOnly() || query.shardedPubSub())
                && !query.write()
                && myself.isReplica()
                && owner.id().equals(myself.masterId())) {
            return RedirectDecision.SERVE;
        }
        if (owner != myself) {
            PreferredEndpointType type = state.config().preferredEndpointType();
            return new RedirectDecision.Moved(slot, owner.id(), type.endpointOf(owner), owner.port());
        }
        return RedirectDecision.SERVE;
    }
}
