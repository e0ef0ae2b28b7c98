package io.slotwise.sim.replication;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * A master's replication stream: each batch of commands is encoded once, appended to the history (advancing the
 * offset by its length and keeping it in the backlog) and sent to every connected replica. Confined to the node's event
 * loop.
 */
final class WriteStream {
    private final ReplicationHistory history;
    private final ConnectedReplicas replicas;
    private final LongConsumer offsetChanged;

    /**
     * @param history the master's history
     * @param replicas its connected replicas
     * @param offsetChanged told the new offset after every batch
     */
    WriteStream(ReplicationHistory history, ConnectedReplicas replicas, LongConsumer offsetChanged) {
        this.history = history;
        this.replicas = replicas;
        this.offsetChanged = offsetChanged;
    }

    /**
     * Propagates commands, in order.
     *
     * @param commands the commands, each a list of arguments, name first; nothing happens for none
     * @return the offset after them
     */
    long feed(List<List<byte[]>> commands) {
        if (commands.isEmpty()) {
            return history.offset();
        }
        byte[] bytes = RespCommands.encode(commands);
        history.append(bytes);
        replicas.send(bytes);
        offsetChanged.accept(history.offset());
        return history.offset();
    }
}
