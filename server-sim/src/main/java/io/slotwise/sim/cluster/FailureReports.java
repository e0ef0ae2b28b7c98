package io.slotwise.sim.cluster;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failure reports: which masters told this node, through gossip, that they consider a given node PFAIL or FAIL, and
 * when they last said so (Redis's per-node {@code fail_reports} list). The cluster bus adds and removes reports and
 * counts them to decide on FAIL; CLUSTER COUNT-FAILURE-REPORTS reads the count. A report is valid for
 * {@link #VALIDITY_MULTIPLIER} × node timeout; stale reports are purged whenever a node's reports are counted.
 *
 * <p>Nodes are compared by identity, so a report survives a rename of either node. Not thread-safe: confined to the
 * node's event-loop thread with the rest of {@link ClusterState}.
 */
public final class FailureReports {

    /** A report expires after this many node timeouts (Redis's {@code CLUSTER_FAIL_REPORT_VALIDITY_MULT}). */
    public static final int VALIDITY_MULTIPLIER = 2;

    private final Map<ClusterNode, Map<ClusterNode, Long>> bySubject = new HashMap<>();

    FailureReports() {}

    /**
     * Adds a report, or refreshes the time of an existing one.
     *
     * @param subject the node reported as failing, never {@code null}
     * @param reporter the master that reported it, never {@code null}
     * @param nowMillis the current time
     * @return {@code true} if the reporter had no report about the subject before
     */
    public boolean add(ClusterNode subject, ClusterNode reporter, long nowMillis) {
        Map<ClusterNode, Long> reports = bySubject.computeIfAbsent(subject, key -> new LinkedHashMap<>());
        return reports.put(reporter, nowMillis) == null;
    }

    /**
     * Removes a reporter's report about a subject.
     *
     * @param subject the subject, never {@code null}
     * @param reporter the reporter, never {@code null}
     * @return {@code true} if a report was removed
     */
    public boolean remove(ClusterNode subject, ClusterNode reporter) {
        Map<ClusterNode, Long> reports = bySubject.get(subject);
        if (reports == null || reports.remove(reporter) == null) {
            return false;
        }
        if (reports.isEmpty()) {
            bySubject.remove(subject);
        }
        return true;
    }

    /**
     * Purges reports older than {@link #VALIDITY_MULTIPLIER} × {@code nodeTimeoutMillis} and counts the rest.
     *
     * @param subject the subject, never {@code null}
     * @param nowMillis the current time
     * @param nodeTimeoutMillis the node timeout in force
     * @return the number of valid reports
     */
    public int countValid(ClusterNode subject, long nowMillis, long nodeTimeoutMillis) {
        Map<ClusterNode, Long> reports = bySubject.get(subject);
        if (reports == null) {
            return 0;
        }
        long maxAge = nodeTimeoutMillis * VALIDITY_MULTIPLIER;
        Iterator<Long> times = reports.values().iterator();
        while (times.hasNext()) {
            if (nowMillis - times.next() > maxAge) {
                times.remove();
            }
        }
        if (reports.isEmpty()) {
            bySubject.remove(subject);
        }
        return reports.size();
    }

    /**
     * Drops every report about a node and every report the node made (Redis does this when it deletes a node).
     *
     * @param node the node, never {@code null}
     */
    public void forgetNode(ClusterNode node) {
        bySubject.remove(node);
        Iterator<Map<ClusterNode, Long>> all = bySubject.values().iterator();
        while (all.hasNext()) {
            Map<ClusterNode, Long> reports = all.next();
            reports.remove(node);
            if (reports.isEmpty()) {
                all.remove();
            }
        }
    }
}
