package io.slotwise.command;

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
 * </ul>
 */
public sealed interface Routing permits Routing.ByKeys, Routing.AnyNode, Routing.FanOut {

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
            /** Every primary, once: one reply per shard (DBSIZE, KEYS, FLUSHALL, SCRIPT LOAD). */
            ALL_PRIMARIES,
            /** Every node, primaries and replicas (for example a PING health check of the whole cluster). */
            ALL_NODES
        }
    }
}
