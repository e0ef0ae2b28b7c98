package io.slotwise.sim.pubsub;

import io.slotwise.sim.NodeModule;
import io.slotwise.sim.NodeSetup;

/**
 * Gives a node Redis 7.0's Pub/Sub: SUBSCRIBE, PSUBSCRIBE, SSUBSCRIBE, their UNSUBSCRIBE counterparts, PUBLISH,
 * SPUBLISH and PUBSUB, with a {@link PubSubHub} provided as a node service (the cluster bus delivers messages from
 * other nodes through it). In cluster mode it also drops shard-channel subscriptions of slots the node's shard loses.
 * Every node gets one; install it once per node.
 */
public final class PubSubModule implements NodeModule {

    /** Creates the module. */
    public PubSubModule() {}

    @Override
    public void install(NodeSetup setup) {
        PubSubHub hub = new PubSubHub();
        setup.provide(PubSubHub.class, hub);
        Runnable beforeShardSubscription = () -> {};
        if (setup.config().clusterEnabled()) {
            ShardSlotWatcher watcher = new ShardSlotWatcher(setup.node(), hub);
            setup.onListening(watcher::start);
            setup.onClose(watcher::stop);
            beforeShardSubscription = watcher::check;
        }
        SubscriptionCommands.register(setup.commands(), hub, beforeShardSubscription);
        PublishCommands.register(setup.commands(), hub);
        PubSubIntrospection.register(setup.commands(), hub);
    }
}
