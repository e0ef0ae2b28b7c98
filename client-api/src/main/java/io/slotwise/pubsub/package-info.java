/**
 * Cluster Pub/Sub subscriptions: the {@link io.slotwise.pubsub.ClusterSubscriber} handle (classic channels, patterns
 * and sharded channels on dedicated connections that follow failovers and resharding), the listener it calls and the
 * message values it delivers. Publishing is part of the ordinary commands ({@link io.slotwise.api.PubSubCommands}).
 */
package io.slotwise.pubsub;
