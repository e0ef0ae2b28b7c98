package io.slotwise.sim.replication;

import io.slotwise.sim.command.ReplicationStatus;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * INFO replication, ROLE and HELLO's role of a node with replication, with Redis 7.0's field names, order and
 * replies. Reads the live {@link NodeReplication}; confined to the node's event loop.
 */
final class ReplicationInfo implements ReplicationStatus {
    private final NodeReplication replication;

    ReplicationInfo(NodeReplication replication) {
        this.replication = replication;
    }

    @Override
    public String helloRole() {
        return replication.isReplica() ? "replica" : "master";
    }

    @Override
    public Reply role() {
        ReplicationHistory history = replication.history();
        if (replication.isReplica()) {
            MasterAddress master = replication.masterAddress();
            ReplicaLink link = replication.link().orElse(null);
            LinkState state = link == null ? LinkState.CONNECT : link.state();
            return Reply.array(
                    Reply.bulk("slave"),
                    Reply.bulk(master.host()),
                    Reply.integer(master.port()),
                    Reply.bulk(state.roleName()),
                    Reply.integer(state == LinkState.CONNECTED ? history.offset() : -1));
        }
        List<Reply> replicas = new ArrayList<>();
        for (ConnectedReplica replica : replication.replicas().list()) {
            replicas.add(Reply.array(
                    Reply.bulk(replica.ip()),
                    Reply.bulk(Integer.toString(replica.port())),
                    Reply.bulk(Long.toString(replica.ackOffset()))));
        }
        return Reply.array(Reply.bulk("master"), Reply.integer(history.offset()), new Reply.Array(replicas));
    }

    @Override
    public Map<String, String> infoFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        if (replication.isReplica()) {
            replicaFields(fields, now);
        } else {
            fields.put("role", "master");
        }
        List<ConnectedReplica> replicas =
                replication.isReplica() ? List.of() : replication.replicas().list();
        fields.put("connected_slaves", Integer.toString(replicas.size()));
        for (int i = 0; i < replicas.size(); i++) {
            ConnectedReplica replica = replicas.get(i);
            fields.put(
                    "slave" + i,
                    "ip=" + replica.ip() + ",port=" + replica.port() + ",state=online,offset=" + replica.ackOffset()
                            + ",lag=" + (now - replica.lastAckMillis()) / 1000);
        }
        historyFields(fields);
        return fields;
    }

    private void replicaFields(Map<String, String> fields, long now) {
        MasterAddress master = replication.masterAddress();
        ReplicaLink link = replication.link().orElse(null);
        LinkState state = link == null ? LinkState.CONNECT : link.state();
        long offset = replication.history().offset();
        fields.put("role", "slave");
        fields.put("master_host", master.host());
        fields.put("master_port", Integer.toString(master.port()));
        fields.put("master_link_status", state == LinkState.CONNECTED ? "up" : "down");
        fields.put(
                "master_last_io_seconds_ago",
                state == LinkState.CONNECTED ? Long.toString((now - link.lastIoMillis()) / 1000) : "-1");
        fields.put("master_sync_in_progress", state == LinkState.SYNC ? "1" : "0");
        fields.put("slave_read_repl_offset", Long.toString(offset));
        fields.put("slave_repl_offset", Long.toString(offset));
        if (state != LinkState.CONNECTED) {
            long downSince = link == null ? 0 : link.downSinceMillis();
            fields.put(
                    "master_link_down_since_seconds", downSince == 0 ? "-1" : Long.toString((now - downSince) / 1000));
        }
        fields.put("slave_priority", "100");
        fields.put("slave_read_only", "1");
        fields.put("replica_announced", "1");
    }

    private void historyFields(Map<String, String> fields) {
        ReplicationHistory history = replication.history();
        ReplicationBacklog backlog = history.backlog();
        fields.put("master_failover_state", "no-failover");
        fields.put("master_replid", history.id());
        fields.put("master_replid2", history.previousId());
        fields.put("master_repl_offset", Long.toString(history.offset()));
        fields.put("second_repl_offset", Long.toString(history.previousIdValidUntil()));
        fields.put("repl_backlog_active", backlog == null ? "0" : "1");
        fields.put("repl_backlog_size", Integer.toString(history.backlogSize()));
        fields.put("repl_backlog_first_byte_offset", backlog == null ? "0" : Long.toString(backlog.firstByteOffset()));
        fields.put("repl_backlog_histlen", backlog == null ? "0" : Integer.toString(backlog.historyLength()));
    }
}
