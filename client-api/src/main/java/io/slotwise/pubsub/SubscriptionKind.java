package io.slotwise.pubsub;

/** The three kinds of Redis subscription, each with its own commands and message type. */
public enum SubscriptionKind {
    /** A classic channel: {@code SUBSCRIBE}/{@code UNSUBSCRIBE}, messages published with {@code PUBLISH}. */
    CHANNEL,
    /** A glob-style channel pattern: {@code PSUBSCRIBE}/{@code PUNSUBSCRIBE}, matching {@code PUBLISH}ed channels. */
    PATTERN,
    /** A shard channel: {@code SSUBSCRIBE}/{@code SUNSUBSCRIBE}, messages published with {@code SPUBLISH}. */
    SHARD_CHANNEL
}
