/**
 * Cluster Pub/Sub subscriptions for the netty client: a {@link io.slotwise.netty.pubsub.SubscriptionEngine} keeps the
 * wanted channels, patterns and shard channels subscribed on dedicated subscriber connections, delegating classic
 * subscriptions (one connection) to {@link io.slotwise.netty.pubsub.ClassicSubscriptions} and shard channels (one
 * connection per primary owning subscribed shard channels) to {@link io.slotwise.netty.pubsub.ShardSubscriptions}, and
 * moves them when nodes fail or slots move; all of its state is confined to one event loop. {@link
 * io.slotwise.netty.pubsub.NettyClusterSubscriber} adapts it to the typed API and its listeners.
 */
package io.slotwise.netty.pubsub;
