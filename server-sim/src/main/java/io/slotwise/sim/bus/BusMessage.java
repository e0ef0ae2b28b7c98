package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.ClusterMessageType;
import java.util.Objects;

/**
 * One cluster-bus message: its type, the sender's {@link BusHeader} and the payload the type requires. PING, PONG and
 * MEET carry {@link BusPayload.Gossip}; FAIL carries {@link BusPayload.Fail}; UPDATE carries {@link BusPayload.Update};
 * PUBLISH and PUBLISHSHARD carry {@link BusPayload.Publish}; FAILOVER_AUTH_REQUEST, FAILOVER_AUTH_ACK and MFSTART carry
 * {@link BusPayload.None}. MODULE messages are not supported by the simulator. Immutable and free of reference-counted
 * buffers, so it can be handed between handlers and scheduled tasks without ownership rules.
 *
 * @param type the message type
 * @param header the sender's header
 * @param payload the payload matching the type
 */
public record BusMessage(ClusterMessageType type, BusHeader header, BusPayload payload) {

    /**
     * Validates that the payload fits the type.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException for MODULE or a payload of the wrong kind
     */
    public BusMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
        if (!payloadClass(type).isInstance(payload)) {
            throw new IllegalArgumentException(
                    type + " cannot carry " + payload.getClass().getSimpleName());
        }
    }

    /**
     * Returns the payload kind a message type carries.
     *
     * @param type the type, never {@code null}
     * @return the payload class
     * @throws IllegalArgumentException for MODULE, which the simulator does not support
     */
    static Class<? extends BusPayload> payloadClass(ClusterMessageType type) {
        return switch (type) {
            case PING, PONG, MEET -> BusPayload.Gossip.class;
            case FAIL -> BusPayload.Fail.class;
            case UPDATE -> BusPayload.Update.class;
            case PUBLISH, PUBLISHSHARD -> BusPayload.Publish.class;
            case FAILOVER_AUTH_REQUEST, FAILOVER_AUTH_ACK, MFSTART -> BusPayload.None.class;
            case MODULE -> throw new IllegalArgumentException("MODULE messages are not supported");
        };
    }

    /**
     * Returns the gossip entries of a PING, PONG or MEET.
     *
     * @return the payload
     * @throws ClassCastException for other types
     */
    public BusPayload.Gossip gossip() {
        return (BusPayload.Gossip) payload;
    }
}
