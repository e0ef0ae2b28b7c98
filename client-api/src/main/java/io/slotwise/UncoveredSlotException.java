package io.slotwise;

/**
 * No node serves the slot of a command in the client's current topology: the cluster is being resharded, a shard is
 * down, or the topology the client has is incomplete. The client refreshes its topology when this happens and retries
 * the command with backoff; the caller sees this exception only once the retries are used up.
 */
public class UncoveredSlotException extends RedisException {

    private static final long serialVersionUID = 1L;

    private final int slot;

    /**
     * Creates the exception.
     *
     * @param command the command name
     * @param slot the slot nobody serves
     */
    public UncoveredSlotException(String command, int slot) {
        super("No node serves slot " + slot + " (command " + command
                + ") in the client's topology; the topology is being refreshed. The cluster may be resharding or a"
                + " shard may be down (see CLUSTER SHARDS).");
        this.slot = slot;
    }

    /** The slot nobody serves. */
    public int slot() {
        return slot;
    }
}
