package io.slotwise.routing;

import io.slotwise.topology.NodeAddress;
import java.util.Optional;

/**
 * A cluster redirect, parsed once from a server error at the edge so that nothing downstream matches strings.
 *
 * <p>{@code MOVED} means the slot has a new owner: the client updates its topology and sends the command there from
 * now on. {@code ASK} means one key of a slot being migrated lives on the target: the client sends {@code ASKING} and
 * the command to the target once, leaving its topology alone.
 */
public sealed interface Redirect {

    /** The slot the redirect is about. */
    int slot();

    /** The node to send the command to. */
    NodeAddress target();

    /**
     * {@code -MOVED <slot> <host>:<port>}: the slot is served by {@code target}.
     *
     * @param slot the slot
     * @param target its owner
     */
    record Moved(int slot, NodeAddress target) implements Redirect {}

    /**
     * {@code -ASK <slot> <host>:<port>}: this command's key is on {@code target}, which is importing the slot.
     *
     * @param slot the slot
     * @param target the importing node
     */
    record Ask(int slot, NodeAddress target) implements Redirect {}

    /**
     * Parses a redirect from a server error message (the text after {@code -}).
     *
     * <p>An empty host ({@code MOVED 3168 :7300}, sent when the cluster announces no endpoint) and the unknown-endpoint
     * marker {@code ?} both mean "the host of the node that replied", as {@code redis-cli} reads them.
     *
     * @param message the error message, for example {@code MOVED 3999 127.0.0.1:6381}
     * @param replyingHost the host of the node that sent the error
     * @return the redirect, or empty if the message is not a well-formed MOVED or ASK
     */
    static Optional<Redirect> parse(String message, String replyingHost) {
        boolean moved = message.startsWith("MOVED ");
        if (!moved && !message.startsWith("ASK ")) {
            return Optional.empty();
        }
        String[] parts = message.split(" ");
        if (parts.length != 3) {
            return Optional.empty();
        }
        int slot;
        try {
            slot = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (slot < 0 || slot >= SlotHash.SLOT_COUNT) {
            return Optional.empty();
        }
        String endpoint = parts[2];
        int colon = endpoint.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String host = endpoint.substring(0, colon);
        if (host.isEmpty() || host.equals("?")) {
            endpoint = replyingHost + endpoint.substring(colon);
        }
        NodeAddress target;
        try {
            target = NodeAddress.parse(endpoint);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(moved ? new Moved(slot, target) : new Ask(slot, target));
    }
}
