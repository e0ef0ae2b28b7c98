package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What INFO (section replication), ROLE and HELLO report about the node's replication. The replication module provides
 * it as a node service; without one the node reports a master without replicas ({@link #masterWithoutReplicas}).
 *
 * <p>Threading: called on the node's event loop only.
 */
public interface ReplicationStatus {

    /** Returns HELLO's {@code role}: {@code master} or {@code replica}. */
    String helloRole();

    /** Returns ROLE's reply, as Redis 7.0 shapes it for a master or a replica. */
    Reply role();

    /**
     * Returns the fields of INFO's replication section.
     *
     * @return field names to values, iterating in Redis 7.0's order
     */
    Map<String, String> infoFields();

    /**
     * Returns the status a node reports without a replication service.
     *
     * @param node the node
     * @return the node's service, or {@link #masterWithoutReplicas} with the node's replication id
     */
    static ReplicationStatus of(NodeServices node) {
        return node.service(ReplicationStatus.class).orElseGet(() -> masterWithoutReplicas(node.replicationId()));
    }

    /**
     * Returns the status of a master that never had a replica.
     *
     * @param replicationId the master's replication id (40 hex characters)
     * @return the status
     */
    static ReplicationStatus masterWithoutReplicas(String replicationId) {
        return new ReplicationStatus() {
            @Override
            public String helloRole() {
                return "master";
            }

            @Override
            public Reply role() {
                return Reply.array(Reply.bulk("master"), Reply.integer(0), Reply.array());
            }

            @Override
            public Map<String, String> infoFields() {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("role", "master");
                fields.put("connected_slaves", "0");
                fields.put("master_failover_state", "no-failover");
                fields.put("master_replid", replicationId);
                fields.put("master_replid2", "0".repeat(40));
                fields.put("master_repl_offset", "0");
                fields.put("second_repl_offset", "-1");
                fields.put("repl_backlog_active", "0");
                fields.put("repl_backlog_size", "1048576");
                fields.put("repl_backlog_first_byte_offset", "0");
                fields.put("repl_backlog_histlen", "0");
                return fields;
            }
        };
    }
}
