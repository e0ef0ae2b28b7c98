package io.slotwise.netty.cluster;

import io.slotwise.ReadFrom;
import io.slotwise.RedisConnectionException;
import io.slotwise.RedisException;
import io.slotwise.UncoveredSlotException;
import io.slotwise.command.Command;
import io.slotwise.command.CommandTrait;
import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Chooses the node a command goes to within one topology snapshot. No I/O: the caller says which nodes are known to be
 * unreachable.
 *
 * <ul>
 *   <li>Writes (commands without {@link CommandTrait#READ_ONLY}) go to the primary of the slot's shard.
 *   <li>Read-only commands go to the first of {@link ReadFrom#candidates} that is not known to be unreachable (the
 *       first candidate if all are), rotating over equally good replicas; {@link ReadFrom#NEAREST} orders them by the
 *       measured latencies it is given.
 *   <li>Keyless commands go to a primary that serves slots, round-robin, skipping unreachable ones; read-only keyless
 *       commands may go to that shard's replicas as {@code ReadFrom} allows.
 * </ul>
 *
 * Thread-safe.
 */
final class NodeSelector {

    private final ReadFrom readFrom;
    private final Predicate<NodeAddress> unreachable;
    private final ToLongFunction<ClusterNode> latencyNanos;
    private final AtomicInteger rotation = new AtomicInteger();

    /**
     * @param readFrom where reads may go
     * @param unreachable tells nodes known to be unreachable
     * @param latencyNanos a node's measured round trip, {@link Long#MAX_VALUE} if unknown
     */
    NodeSelector(ReadFrom readFrom, Predicate<NodeAddress> unreachable, ToLongFunction<NodeAddress> latencyNanos) {
        this.readFrom = readFrom;
        this.unreachable = unreachable;
        this.latencyNanos = node -> latencyNanos.applyAsLong(node.address());
    }

    /**
     * Chooses the node for a command with keys.
     *
     * @throws UncoveredSlotException if no shard serves the slot
     * @throws RedisException if the command may only go to replicas and the shard has no healthy one
     */
    NodeAddress forSlot(Command<?> command, int slot, ClusterTopology topology) {
        Shard shard = topology.shardForSlot(slot);
        if (shard == null) {
            throw new UncoveredSlotException(command.name(), slot);
        }
        return inShard(command, shard);
    }

    /**
     * Chooses the node for a keyless command.
     *
     * @throws RedisConnectionException (not executed, so retryable) if the topology knows no node
     */
    NodeAddress forAnyNode(Command<?> command, ClusterTopology topology) {
        List<Shard> serving = new ArrayList<>();
        for (Shard shard : topology.shards()) {
            if (shard.slotCount() > 0) {
                serving.add(shard);
            }
        }
        if (serving.isEmpty()) {
            serving.addAll(topology.shards());
        }
        if (serving.isEmpty()) {
            throw new RedisConnectionException(
                    "Command " + command.name() + " has no node to go to: the topology knows no node", null, false);
        }
        int start = Math.floorMod(rotation.getAndIncrement(), serving.size());
        for (int i = 0; i < serving.size(); i++) {
            Shard shard = serving.get((start + i) % serving.size());
            if (!unreachable.test(shard.primary().address())) {
                return inShard(command, shard);
            }
        }
        return inShard(command, serving.get(start));
    }

    private NodeAddress inShard(Command<?> command, Shard shard) {
        if (!command.has(CommandTrait.READ_ONLY) || !readFrom.usesReplicas()) {
            return shard.primary().address();
        }
        List<ClusterNode> candidates = readFrom.candidates(shard, latencyNanos, rotation.getAndIncrement());
        if (candidates.isEmpty()) {
            throw new RedisException("Command " + command.name() + " may only read from a replica (ReadFrom." + readFrom
                    + "), but the shard of " + shard.primary().address() + " has no healthy replica");
        }
        for (ClusterNode candidate : candidates) {
            if (!unreachable.test(candidate.address())) {
                return candidate.address();
            }
        }
        return candidates.get(0).address();
    }
}
