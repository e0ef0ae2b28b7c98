package io.slotwise.sim.bus;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * The type-specific part of a bus message, after the {@link BusHeader}. Which payload a message type carries is fixed:
 * see {@link BusMessage}. All payloads are immutable.
 */
public sealed interface BusPayload {

    /**
     * PING, PONG and MEET: what the sender knows about some other nodes.
     *
     * @param entries the gossip entries, in the order sent
     */
    record Gossip(List<GossipEntry> entries) implements BusPayload {
        /**
         * Copies the entries.
         *
         * @throws NullPointerException if the list or an entry is {@code null}
         * @throws IllegalArgumentException if there are more than 65535 entries
         */
        public Gossip {
            entries = List.copyOf(entries);
            if (entries.size() > 0xffff) {
                throw new IllegalArgumentException("too many gossip entries: " + entries.size());
            }
        }
    }

    /**
     * FAIL: "mark this node as failed".
     *
     * @param nodeId the failing node's ID
     */
    record Fail(String nodeId) implements BusPayload {
        /**
         * Validates the ID.
         *
         * @throws IllegalArgumentException if the ID is malformed
         */
        public Fail {
            WireValues.requireNodeId(nodeId, "failing node");
        }
    }

    /**
     * UPDATE: "your view of this node is stale; here is its configuration".
     *
     * @param nodeId the node the update is about
     * @param configEpoch that node's config epoch
     * @param slots that node's slots
     */
    record Update(String nodeId, long configEpoch, BitSet slots) implements BusPayload {
        /**
         * Validates and copies the components.
         *
         * @throws IllegalArgumentException if the ID is malformed, the epoch negative or a slot beyond 16383
         */
        public Update {
            WireValues.requireNodeId(nodeId, "updated node");
            WireValues.requireNonNegative(configEpoch, "config epoch");
            slots = WireValues.copySlots(slots);
        }

        BitSet slotBits() {
            return slots;
        }

        /**
         * Returns a copy of the slots.
         *
         * @return a new bit set
         */
        @Override
        public BitSet slots() {
            return (BitSet) slots.clone();
        }
    }

    /**
     * PUBLISH and PUBLISHSHARD: a Pub/Sub message to deliver locally.
     *
     * @param channel the channel name bytes
     * @param message the message bytes
     */
    record Publish(byte[] channel, byte[] message) implements BusPayload {
        /**
         * Copies the arrays.
         *
         * @throws NullPointerException if an array is {@code null}
         */
        public Publish {
            channel = channel.clone();
            message = message.clone();
        }

        /**
         * Returns a copy of the channel name.
         *
         * @return a new array
         */
        @Override
        public byte[] channel() {
            return channel.clone();
        }

        /**
         * Returns a copy of the message.
         *
         * @return a new array
         */
        @Override
        public byte[] message() {
            return message.clone();
        }

        byte[] channelBytes() {
            return channel;
        }

        byte[] messageBytes() {
            return message;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Publish publish
                    && Arrays.equals(channel, publish.channel)
                    && Arrays.equals(message, publish.message);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(channel), Arrays.hashCode(message));
        }

        @Override
        public String toString() {
            return "Publish[channel=" + channel.length + " bytes, message=" + message.length + " bytes]";
        }
    }

    /** FAILOVER_AUTH_REQUEST, FAILOVER_AUTH_ACK and MFSTART: the header says everything. */
    record None() implements BusPayload {}
}
