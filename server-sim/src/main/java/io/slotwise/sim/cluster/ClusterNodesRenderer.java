package io.slotwise.sim.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders CLUSTER NODES and CLUSTER REPLICAS byte-exactly as Redis 7.0:
 * {@code <id> <ip>:<port>@<cport>[,<hostname>] <flags> <master-id|-> <ping-sent> <pong-recv> <config-epoch>
 * <link-state>[ <slot-token>...]}, one line per known node in insertion order, every line ending in {@code \n}.
 * Replicas show their master's config epoch; slot tokens are maximal runs; MIGRATING ({@code [slot->-id]}) and
 * IMPORTING ({@code [slot-<-id]}) markers appear only on the myself line, migrating winning when a slot has both.
 * Stateless; call on the node's thread.
 */
public final class ClusterNodesRenderer {

    private ClusterNodesRenderer() {}

    /**
     * Renders the CLUSTER NODES text (handshake nodes included).
     *
     * @param state the state, never {@code null}
     * @return the text, each line terminated by {@code \n}
     */
    public static String render(ClusterState state) {
        return render(state, true);
    }

    static String render(ClusterState state, boolean includeHandshake) {
        StringBuilder out = new StringBuilder();
        for (ClusterNode node : state.nodes()) {
            if (includeHandshake || !node.inHandshake()) {
                appendLine(out, state, node);
                out.append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Renders one node's line without the trailing {@code \n}.
     *
     * @param state the state, never {@code null}
     * @param node a known node, never {@code null}
     * @return the line
     */
    public static String line(ClusterState state, ClusterNode node) {
        StringBuilder out = new StringBuilder();
        appendLine(out, state, node);
        return out.toString();
    }

    /**
     * CLUSTER REPLICAS id: the lines (without {@code \n}) of a master's replicas.
     *
     * @param state the state, never {@code null}
     * @param nodeId the master's ID as given
     * @return one line per replica, in insertion order
     * @throws ClusterCommandException {@code ERR Unknown node <id>} or {@code ERR The specified node is not a master}
     */
    public static List<String> replicas(ClusterState state, String nodeId) {
        ClusterNode master =
                state.findNode(nodeId).orElseThrow(() -> new ClusterCommandException("ERR Unknown node " + nodeId));
        if (master.isReplica()) {
            throw new ClusterCommandException("ERR The specified node is not a master");
        }
        List<String> lines = new ArrayList<>();
        for (ClusterNode replica : state.replicasOf(master)) {
            lines.add(line(state, replica));
        }
        return lines;
    }

    private static void appendLine(StringBuilder out, ClusterState state, ClusterNode node) {
        out.append(node.id())
                .append(' ')
                .append(node.ip())
                .append(':')
                .append(node.port())
                .append('@')
                .append(node.busPort());
        if (node.hostname() != null) {
            out.append(',').append(node.hostname());
        }
        out.append(' ').append(NodeFlag.render(node.flags()));
        out.append(' ').append(node.masterId() == null ? "-" : node.masterId());
        out.append(' ').append(node.pingSentMillis());
        out.append(' ').append(node.pongReceivedMillis());
        out.append(' ').append(state.displayedEpoch(node));
        out.append(' ')
                .append(
                        node.isMyself()
                                ? LinkState.CONNECTED.label()
                                : node.linkState().label());
        for (SlotRange range : SlotRange.coalesce(node.slots())) {
            out.append(' ').append(range.token());
        }
        if (node.isMyself()) {
            appendMigrationMarkers(out, state.slots());
        }
    }

    private static void appendMigrationMarkers(StringBuilder out, SlotTable slots) {
        for (int slot = 0; slot < SlotTable.SLOT_COUNT; slot++) {
            ClusterNode target = slots.migratingTo(slot);
            if (target != null) {
                out.append(" [").append(slot).append("->-").append(target.id()).append(']');
                continue;
            }
            ClusterNode source = slots.importingFrom(slot);
            if (source != null) {
                out.append(" [").append(slot).append("-<-").append(source.id()).append(']');
            }
        }
    }
}
