package io.slotwise.netty.connection;

import io.slotwise.resp.RespCommandArgs;
import io.slotwise.resp.RespValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a subscription command on a subscriber connection waits for: Redis answers {@code SUBSCRIBE a b} not with one
 * reply but with one confirmation per channel ({@code subscribe a 1}, {@code subscribe b 2}), as RESP3 pushes or, in
 * RESP2, as plain arrays. An instance counts them down: it accepts a confirmation of its own kind naming one of the
 * channels still outstanding, and is complete when none is left. A confirmation it does not accept (another kind,
 * another channel) is not an answer to this command: for example the {@code sunsubscribe} a node sends on its own
 * when it loses a shard channel's slot. A command without channels ({@code UNSUBSCRIBE} of everything) is complete
 * after the first confirmation of its kind.
 *
 * <p>Some commands cannot be matched by their confirmations alone ({@link #awaitsFence()}): {@code SUNSUBSCRIBE},
 * because a node that loses a slot sends {@code sunsubscribe x 0} on its own, the very frame that would confirm
 * {@code SUNSUBSCRIBE x}, and still answers the command afterwards (with a confirmation or with an error such as
 * {@code MOVED} or {@code CLUSTERDOWN}); and an {@code UNSUBSCRIBE}/{@code PUNSUBSCRIBE}/{@code SUNSUBSCRIBE} of
 * everything, answered by an unknown number of confirmations. Such a command is followed on the wire by a
 * {@code PING} (the fence) and is answered by everything that arrives before the fence's reply: its own error if one
 * came ({@link #acceptError}), else its last confirmation ({@link #answer()}).
 *
 * <p>Also recognises the RESP2 form of subscribe-mode frames ({@link #asPush}). Not thread-safe: used on one event
 * loop.
 */
final class SubscriptionConfirmations {

    private static final Set<String> CONFIRMATIONS =
            Set.of("subscribe", "psubscribe", "ssubscribe", "unsubscribe", "punsubscribe", "sunsubscribe");

    private static final Set<String> MESSAGES = Set.of("message", "pmessage", "smessage");

    private final String kind;
    private final List<byte[]> channels;
    private final List<byte[]> outstanding;
    private final boolean fenced;
    private boolean complete;
    private RespValue.Push lastConfirmation;
    private RespValue.Error error;

    private SubscriptionConfirmations(String kind, List<byte[]> outstanding) {
        this.kind = kind;
        this.channels = List.copyOf(outstanding);
        this.outstanding = outstanding;
        this.fenced = kind.equals("sunsubscribe") || (kind.endsWith("unsubscribe") && outstanding.isEmpty());
    }

    /**
     * Returns the confirmations a command waits for.
     *
     * @param command the command
     * @return the countdown, or {@code null} if the command is not a subscription command (it gets an ordinary reply)
     */
    static SubscriptionConfirmations expectedFor(RespCommandArgs command) {
        if (command.argCount() == 0) {
            return null;
        }
        String name = new String(command.arg(0), StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        if (!CONFIRMATIONS.contains(name)) {
            return null;
        }
        List<byte[]> channels = new ArrayList<>(command.argCount() - 1);
        for (int i = 1; i < command.argCount(); i++) {
            channels.add(command.arg(i));
        }
        return new SubscriptionConfirmations(name, channels);
    }

    /**
     * Counts a confirmation down if it answers this command.
     *
     * @param push a push (or a RESP2 frame turned into one)
     * @return whether it was one of the confirmations this command waits for
     */
    boolean accept(RespValue.Push push) {
        if (fenced && kind.equals(push.kind()) && (channels.isEmpty() || names(channels, push))) {
            lastConfirmation = push;
        }
        if (complete || !kind.equals(push.kind())) {
            return false;
        }
        if (outstanding.isEmpty()) {
            complete = true;
            return true;
        }
        byte[] channel = push.data().isEmpty() ? null : bytesOf(push.data().get(0));
        if (channel == null) {
            return false;
        }
        for (Iterator<byte[]> it = outstanding.iterator(); it.hasNext(); ) {
            if (Arrays.equals(it.next(), channel)) {
                it.remove();
                complete = outstanding.isEmpty();
                return true;
            }
        }
        return false;
    }

    /** Whether every confirmation has arrived. Never decides the completion of a fenced command. */
    boolean isComplete() {
        return complete;
    }

    /**
     * Whether the command is followed by a {@code PING} fence and completes only with the fence's reply, with
     * {@link #answer()}.
     */
    boolean awaitsFence() {
        return fenced;
    }

    /**
     * Takes an error reply that arrived before the fence's reply: the first one is the command's own answer (a node
     * answers a command with confirmations or with one error, and sends no error on its own); a later one is the
     * fence's.
     *
     * @param reply the error reply
     * @return whether it was the command's answer; {@code false} means it answered the fence
     */
    boolean acceptError(RespValue.Error reply) {
        if (error != null) {
            return false;
        }
        error = reply;
        return true;
    }

    /**
     * The answer of a fenced command once its fence's reply is in: its error if one came, else its last confirmation.
     *
     * @return the answer, or {@code null} if neither arrived (the stream is out of step)
     */
    RespValue answer() {
        return error != null ? error : lastConfirmation;
    }

    /**
     * Recognises a subscribe-mode frame sent as a plain RESP2 array: an array whose first element is the text of a
     * confirmation ({@code subscribe}, ...) or message ({@code message}, {@code pmessage}, {@code smessage}) kind.
     *
     * @param reply a reply
     * @return the same frame as a push, or {@code null} if it is an ordinary reply
     */
    static RespValue.Push asPush(RespValue reply) {
        if (!(reply instanceof RespValue.Array array) || array.elements().isEmpty()) {
            return null;
        }
        byte[] first = bytesOf(array.elements().get(0));
        if (first == null) {
            return null;
        }
        String kind = new String(first, StandardCharsets.US_ASCII);
        if (!CONFIRMATIONS.contains(kind) && !MESSAGES.contains(kind)) {
            return null;
        }
        return new RespValue.Push(
                kind, array.elements().subList(1, array.elements().size()));
    }

    private static boolean names(List<byte[]> candidates, RespValue.Push push) {
        byte[] channel = push.data().isEmpty() ? null : bytesOf(push.data().get(0));
        for (byte[] candidate : candidates) {
            if (Arrays.equals(candidate, channel)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytesOf(RespValue value) {
        RespValue plain = value.withoutAttributes();
        if (plain instanceof RespValue.Bulk bulk) {
            return bulk.bytes();
        }
        if (plain instanceof RespValue.SimpleString simple) {
            return simple.value().getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }
}
