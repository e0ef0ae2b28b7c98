package io.slotwise.pubsub;

import java.util.Objects;

/**
 * One message received by a {@link ClusterSubscriber}.
 *
 * @param kind which subscription delivered it: {@link SubscriptionKind#CHANNEL} for {@code message}, {@link
 *     SubscriptionKind#PATTERN} for {@code pmessage}, {@link SubscriptionKind#SHARD_CHANNEL} for {@code smessage}
 * @param pattern the matching pattern for a {@code PATTERN} message, otherwise {@code null}
 * @param channel the channel it was published to, never {@code null}
 * @param message the payload, never {@code null}
 * @param <K> the channel type
 * @param <V> the message type
 */
public record PubSubMessage<K, V>(SubscriptionKind kind, K pattern, K channel, V message) {

    /** Checks the components. */
    public PubSubMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(message, "message");
        if ((kind == SubscriptionKind.PATTERN) != (pattern != null)) {
            throw new IllegalArgumentException("a pattern is present exactly for PATTERN messages");
        }
    }

    /** Shows the kind only: channels and payloads may be sensitive. */
    @Override
    public String toString() {
        return "PubSubMessage[" + kind + "]";
    }
}
