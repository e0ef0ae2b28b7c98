package io.slotwise.sim.cluster;

/**
 * Renders the CLUSTER INFO text: {@code name:value} lines joined and terminated by CRLF, in Redis 7.0's order —
 * {@code cluster_state}, slot counters (per assigned slot: owner FAIL → fail, PFAIL → pfail, else ok),
 * {@code cluster_known_nodes} (myself and handshake nodes included), {@code cluster_size}, epochs (my epoch is my
 * master's when I am a replica), non-zero per-type message counters then totals for sent and received, and
 * {@code total_cluster_links_buffer_limit_exceeded}. Stateless; call on the node's thread.
 */
public final class ClusterInfoRenderer {

    private static final String CRLF = "\r\n";

    private ClusterInfoRenderer() {}

    /**
     * Renders the text.
     *
     * @param state the state, never {@code null}
     * @return the CRLF-separated fields, ending with CRLF
     */
    public static String render(ClusterState state) {
        int assigned = 0;
        int ok = 0;
        int pfail = 0;
        int fail = 0;
        for (int slot = 0; slot < SlotTable.SLOT_COUNT; slot++) {
            ClusterNode owner = state.slots().owner(slot);
            if (owner == null) {
                continue;
            }
            assigned++;
            if (owner.isFailed()) {
                fail++;
            } else if (owner.hasFlag(NodeFlag.PFAIL)) {
                pfail++;
            } else {
                ok++;
            }
        }
        StringBuilder out = new StringBuilder();
        field(out, "cluster_state", state.isOk() ? "ok" : "fail");
        field(out, "cluster_slots_assigned", assigned);
        field(out, "cluster_slots_ok", ok);
        field(out, "cluster_slots_pfail", pfail);
        field(out, "cluster_slots_fail", fail);
        field(out, "cluster_known_nodes", state.nodes().size());
        field(out, "cluster_size", ClusterHealth.size(state));
        field(out, "cluster_current_epoch", state.currentEpoch());
        field(out, "cluster_my_epoch", state.displayedEpoch(state.myself()));
        ClusterMessageStats stats = state.messageStats();
        for (ClusterMessageType type : ClusterMessageType.values()) {
            if (stats.sent(type) != 0) {
                field(out, "cluster_stats_messages_" + type.statName() + "_sent", stats.sent(type));
            }
        }
        field(out, "cluster_stats_messages_sent", stats.totalSent());
        for (ClusterMessageType type : ClusterMessageType.values()) {
            if (stats.received(type) != 0) {
                field(out, "cluster_stats_messages_" + type.statName() + "_received", stats.received(type));
            }
        }
        field(out, "cluster_stats_messages_received", stats.totalReceived());
        field(out, "total_cluster_links_buffer_limit_exceeded", stats.linksBufferLimitExceeded());
        return out.toString();
    }

    private static void field(StringBuilder out, String name, Object value) {
        out.append(name).append(':').append(value).append(CRLF);
    }
}
