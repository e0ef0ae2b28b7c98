package io.slotwise.it.client;

import io.slotwise.pubsub.PubSubListener;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records what a subscriber receives as text, {@code message|channel|payload}, {@code pmessage|pattern|channel|payload}
 * or {@code smessage|channel|payload}, in arrival order. Thread-safe.
 */
final class PubSubInbox implements PubSubListener<String, String> {

    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();

    @Override
    public void message(String channel, String message) {
        received.add("message|" + channel + "|" + message);
    }

    @Override
    public void patternMessage(String pattern, String channel, String message) {
        received.add("pmessage|" + pattern + "|" + channel + "|" + message);
    }

    @Override
    public void shardMessage(String shardChannel, String message) {
        received.add("smessage|" + shardChannel + "|" + message);
    }

    /** Whether {@code entry} was received. */
    boolean has(String entry) {
        return received.contains(entry);
    }

    /** Whether an entry starting with {@code prefix} was received. */
    boolean hasPrefix(String prefix) {
        return received.stream().anyMatch(entry -> entry.startsWith(prefix));
    }

    /** A snapshot of everything received. */
    List<String> all() {
        return List.copyOf(received);
    }

    @Override
    public String toString() {
        return "received " + all();
    }
}
