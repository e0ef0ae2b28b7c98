package io.slotwise.sim.cluster;

import static io.slotwise.sim.cluster.TestClusters.B;
import static io.slotwise.sim.cluster.TestClusters.C;
import static io.slotwise.sim.cluster.TestClusters.E;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureReportsTest {

    private static final long TIMEOUT = 1_000;

    private final ClusterState state = TestClusters.sixNodes();
    private final FailureReports reports = state.failureReports();
    private final ClusterNode b = TestClusters.get(state, B);
    private final ClusterNode c = TestClusters.get(state, C);
    private final ClusterNode e = TestClusters.get(state, E);

    @Test
    void aReporterCountsOnceAndRefreshingKeepsTheReportAlive() {
        assertTrue(reports.add(e, b, 0));
        assertFalse(reports.add(e, b, 1_500));
        assertTrue(reports.add(e, c, 100));

        assertEquals(2, reports.countValid(e, 2_000, TIMEOUT));
        assertEquals(1, reports.countValid(e, 2_101, TIMEOUT), "c's report from t=100 is older than 2 x timeout");
        assertEquals(1, reports.countValid(e, 3_500, TIMEOUT), "b's refreshed report is exactly 2 x timeout old");
        assertEquals(0, reports.countValid(e, 3_501, TIMEOUT));
    }

    @Test
    void aMasterGossipingTheNodeHealthyWithdrawsItsReport() {
        reports.add(e, b, 0);

        assertTrue(reports.remove(e, b));
        assertFalse(reports.remove(e, b));
        assertEquals(0, reports.countValid(e, 0, TIMEOUT));
    }

    @Test
    void removingANodeDropsReportsAboutItAndByIt() {
        reports.add(e, b, 0);
        reports.add(e, c, 0);
        reports.add(b, c, 0);

        state.removeNode(c);

        assertEquals(1, reports.countValid(e, 0, TIMEOUT));
        assertEquals(0, reports.countValid(b, 0, TIMEOUT));
    }
}
