package io.slotwise.sim.pubsub;

import io.slotwise.sim.protocol.Reply;
import java.nio.charset.StandardCharsets;

/**
 * The three kinds of Pub/Sub subscription and the frames Redis 7.0 sends for each: channels (SUBSCRIBE, {@code
 * message}), patterns (PSUBSCRIBE, {@code pmessage}) and shard channels (SSUBSCRIBE, {@code smessage}). Channel and
 * pattern confirmations count the client's channels plus patterns; shard confirmations count its shard channels only.
 * Every frame is a {@link Reply.Push}: a push on RESP3, an array on RESP2.
 */
public enum SubscriptionKind {
    /** SUBSCRIBE / UNSUBSCRIBE / PUBLISH. */
    CHANNEL("subscribe", "unsubscribe", "message"),
    /** PSUBSCRIBE / PUNSUBSCRIBE; messages come from PUBLISH. */
    PATTERN("psubscribe", "punsubscribe", "pmessage"),
    /** SSUBSCRIBE / SUNSUBSCRIBE / SPUBLISH. */
    SHARD_CHANNEL("ssubscribe", "sunsubscribe", "smessage");

    private final byte[] subscribed;
    private final byte[] unsubscribed;
    private final byte[] message;

    SubscriptionKind(String subscribed, String unsubscribed, String message) {
        this.subscribed = subscribed.getBytes(StandardCharsets.US_ASCII);
        this.unsubscribed = unsubscribed.getBytes(StandardCharsets.US_ASCII);
        this.message = message.getBytes(StandardCharsets.US_ASCII);
    }

    /** The confirmation of a subscription: {@code [subscribe, name, count]}. */
    Reply subscribedFrame(byte[] name, int count) {
        return Reply.push(Reply.bulk(subscribed), Reply.bulk(name), Reply.integer(count));
    }

    /** The confirmation of an unsubscription; a null name when the client had nothing to unsubscribe from. */
    Reply unsubscribedFrame(byte[] nameOrNull, int count) {
        return Reply.push(
                Reply.bulk(unsubscribed),
                nameOrNull == null ? Reply.nullBulk() : Reply.bulk(nameOrNull),
                Reply.integer(count));
    }

    /** A message on a channel or shard channel: {@code [message, channel, payload]}. */
    Reply messageFrame(byte[] channel, byte[] payload) {
        return Reply.push(Reply.bulk(message), Reply.bulk(channel), Reply.bulk(payload));
    }

    /** A message matched by a pattern: {@code [pmessage, pattern, channel, payload]}. */
    static Reply patternMessageFrame(byte[] pattern, byte[] channel, byte[] payload) {
        return Reply.push(Reply.bulk(PATTERN.message), Reply.bulk(pattern), Reply.bulk(channel), Reply.bulk(payload));
    }
}
