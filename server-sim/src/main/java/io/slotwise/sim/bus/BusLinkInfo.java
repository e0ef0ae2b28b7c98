package io.slotwise.sim.bus;

import java.util.Objects;

/**
 * One bus link as CLUSTER LINKS shows it (Redis 7.0's six fields, in order). Immutable.
 *
 * @param direction {@code to} for the link this node opened to the peer, {@code from} for the one the peer opened
 * @param nodeId the peer's node ID
 * @param createTimeMillis when the link was created, in Unix milliseconds
 * @param events {@code r} while the link reads, {@code rw} while output also waits for the socket, empty while an
 *     outbound link is still connecting
 * @param sendBufferAllocated bytes held for sending
 * @param sendBufferUsed bytes waiting to be sent
 */
public record BusLinkInfo(
        String direction,
        String nodeId,
        long createTimeMillis,
        String events,
        long sendBufferAllocated,
        long sendBufferUsed) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a text field is {@code null}
     */
    public BusLinkInfo {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(events, "events");
    }
}
