package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.PendingAction;
import java.util.BitSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the node's {@link BusListener} so that an exception thrown by a hook is logged and otherwise ignored, and can
 * never drop a link or stop the cron.
 */
final class GuardedListener implements BusListener {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedListener.class);

    private final BusListener delegate;

    GuardedListener(BusListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onPendingActions(Set<PendingAction> actions) {
        guard("onPendingActions", () -> delegate.onPendingActions(actions));
    }

    @Override
    public void onDirtySlots(BitSet slots) {
        guard("onDirtySlots", () -> delegate.onDirtySlots(slots));
    }

    @Override
    public void onPublish(ClusterMessageType type, byte[] channel, byte[] message) {
        guard("onPublish", () -> delegate.onPublish(type, channel, message));
    }

    @Override
    public void onFailoverAuthRequest(ClusterNode sender, BusHeader header) {
        guard("onFailoverAuthRequest", () -> delegate.onFailoverAuthRequest(sender, header));
    }

    @Override
    public void onFailoverAuthAck(ClusterNode sender, BusHeader header) {
        guard("onFailoverAuthAck", () -> delegate.onFailoverAuthAck(sender, header));
    }

    @Override
    public void onManualFailoverStart(ClusterNode sender, BusHeader header) {
        guard("onManualFailoverStart", () -> delegate.onManualFailoverStart(sender, header));
    }

    @Override
    public void onHeartbeat(ClusterNode sender, BusHeader header) {
        guard("onHeartbeat", () -> delegate.onHeartbeat(sender, header));
    }

    @Override
    public Set<MessageFlag> headerFlags() {
        try {
            Set<MessageFlag> flags = delegate.headerFlags();
            return flags == null ? Set.of() : flags;
        } catch (RuntimeException e) {
            LOG.error("Bus listener failed in headerFlags", e);
            return Set.of();
        }
    }

    @Override
    public void onCronTick(long nowMillis) {
        guard("onCronTick", () -> delegate.onCronTick(nowMillis));
    }

    private static void guard(String hook, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("Bus listener failed in {}", hook, e);
        }
    }
}
