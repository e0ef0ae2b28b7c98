package io.slotwise.netty.pubsub;

import io.slotwise.routing.SlotHash;
import java.util.Arrays;
import java.util.Objects;

/**
 * An encoded channel, pattern or shard channel, compared by content.
 *
 * @param bytes the encoded name; not to be modified
 */
record ChannelName(byte[] bytes) {

    /** Checks the component. */
    ChannelName {
        Objects.requireNonNull(bytes, "bytes");
    }

    /** The cluster slot of the name, as for a key (hash tags apply). */
    int slot() {
        return SlotHash.slot(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelName that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Shows the length only: channel names may carry user data. */
    @Override
    public String toString() {
        return "ChannelName[" + bytes.length + " bytes]";
    }
}
