package io.slotwise.netty.pubsub;

import io.slotwise.topology.NodeAddress;
import java.util.concurrent.CompletableFuture;

/**
 * What {@link ClassicSubscriptions} and {@link ShardSubscriptions} need from the {@link SubscriptionEngine} that owns
 * them: links opened and closed through the engine's link set (so that closing the engine closes them all), and a
 * background retry of whatever could not be (re)established.
 *
 * <p>Threading: called on the engine's event loop only.
 */
interface SubscriptionHost {

    /**
     * Opens a link to a node (the connection opens with its first command); closed at once if the engine is closing.
     *
     * @param node the node as the topology announces it
     * @return the new link, registered with the engine
     */
    SubscriberLink openLink(NodeAddress node);

    /**
     * Closes a link and forgets it once closed.
     *
     * @param link the link
     * @return completes when the connection is closed
     */
    CompletableFuture<Void> closeLink(SubscriberLink link);

    /** Re-plans everything after a delay, unless a retry is already pending or the engine is closing. */
    void scheduleRetry();
}
