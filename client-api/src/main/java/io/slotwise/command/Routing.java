package io.slotwise.command;

import io.slotwise.topology.NodeAddress;
import java.util.Objects;

/**
 * Where a command is sent in the cluster. Sealed, so the dispatcher handles every case with a {@code switch}.
 *
 * <ul>
 *   <li>{@link ByKeys}: to the node serving the slot of the command's keys (the default for commands with keys). A
 *       command with a {@link Split} whose keys span several slots is sent as one sub-command per slot.
 *   <li>{@link AnyNode}: a keyless command, sent to one node that the client's configuration chooses (by default a
 *       primary; a replica may serve it when the command is {@link CommandTrait#READ_ONLY} and {@code ReadFrom}
 *       allows replicas). The default for commands without keys.
 *   <li>{@link FanOut}: sent to every primary or every node, with the replies merged into one.
 *   <li>{@link ToNode}: a keyless command pinned to one node the caller names (INFO, CLIENT LIST, SLOWLOG GET or
 *       MEMORY STATS of that node), primary or replica; a node the client's topology does not know is connected to
 *       all the same.
 * </ul>
 */
public sealed interface Routing permits Routing.ByKeys, Routing.AnyNode, Routing.FanOut, Routing.ToNode {

    /** The shared {@link ByKeys} instance. */
    Routing BY_KEYS = new ByKeys();

    /** The shared {@link AnyNode} instance. */
    Routing ANY_NODE = new AnyNode();

    /**
     * Creates a fan-out routing.
     *
     * @param target which nodes receive the command
     * @param merger how their replies combine
     * @return the routing
     */
    static Routing fanOut(FanOut.Target target, ReplyMerger merger) {
        return new FanOut(target, merger);
    }

    /**
     * Creates a routing to one node.
     *
     * @param node the node, as the cluster announces it (the client's address mapper applies)
     * @return the routing
     */
    static Routing toNode(NodeAddress node) {
        return new ToNode(node);
    }

    /** To the node serving the slot of the command's keys. */
    record ByKeys() implements Routing {}

    /** To one node chosen by the client's configuration; for keyless commands. */
    record AnyNode() implements Routing {}

    /**
     * To several nodes, each receiving the same command; the replies are merged before decoding. If any node answers
     * with an error, the command fails with that error and the other replies are discarded.
     *
     * @param target which nodes receive the command
     * @param merger how their replies combine
     */
    record FanOut(Target target, ReplyMerger merger) implements Routing {

        /** Checks the components. */
        public FanOut {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(merger, "merger");
            if (merger == ReplyMerger.IN_CALLER_ORDER) {
                throw new IllegalArgumentException("IN_CALLER_ORDER merges split commands, not fan-out");
            }
        }

        /** Which nodes a fanned-out command goes to. */
        public enum Target {
            /**
             * Every primary, once: one reply per shard (DBSIZE, KEYS, FLUSHALL, SCRIPT LOAD). A failing primary that
             * owns no slot (failed over and not back) is left out.
             */
            ALL_PRIMARIES,
            /**
             * Every node, primaries and replicas (for example {@code PUBSUB NUMSUB}, which each node answers for its own
             * subscribers); nodes the cluster reports as failing are left out, since they cannot answer.
             */
            ALL_NODES
        }
    }

    /**
     * To one node, whatever the topology says; for keyless commands. Transient errors are retried on that node; it is
     * never replaced by another.
     *
     * @param node the node, as the cluster announces it
     */
    record ToNode(NodeAddress node) implements Routing {

        /** Checks the component. */
        public ToNode {
            Objects.requireNonNull(node, "node");
        }
    }
}
