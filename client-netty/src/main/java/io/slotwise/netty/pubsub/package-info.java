/**
 * Cluster Pub/Sub subscriptions for the netty client: a {@link io.slotwise.netty.pubsub.SubscriptionEngine} keeps the
 * wanted channels, patterns and shard channels subscribed on dedicated subscriber connections (one for classic
 * subscriptions, one per primary owning subscribed shard channels), and moves them when nodes fail or slots move;
 * {@link io.slotwise.netty.pubsub.NettyClusterSubscriber} adapts it to the typed API and its listeners.
 */
package io.slotwise.netty.pubsub;
