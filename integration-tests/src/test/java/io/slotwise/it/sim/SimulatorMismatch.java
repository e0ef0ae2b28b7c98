package io.slotwise.it.sim;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Differences between the simulator and redis-server 7.0.15 that these tests found and that server-sim's README does
 * not list as deliberate: simulator bugs or gaps, each reported to the simulator's owners. A comparison that hits one
 * is reported as <em>aborted</em> (skipped, with every difference in the message) instead of failing the build; once
 * the simulator is fixed the comparison finds no difference and fails, asking for the marker to be removed, so no
 * marker outlives its bug.
 */
enum SimulatorMismatch {
// No known mismatch today: add a constant (Javadoc describing the difference, a one-line summary) when a
// comparison finds one, and mark the script with Script.knownMismatch(...).
;

    private final String summary;

    SimulatorMismatch(String summary) {
        this.summary = summary;
    }

    /** Returns a one-line description of the mismatch. */
    String summary() {
        return summary;
    }

    /**
     * Ends a comparison that is expected to hit this mismatch: aborts the test with the differences found, or fails it
     * if there are none (the simulator was fixed and this marker must go).
     *
     * @param differences the differences the comparison found, one description each
     */
    void expectStill(List<String> differences) {
        if (differences.isEmpty()) {
            fail("known simulator mismatch " + name() + " (" + summary + ") no longer occurs here: remove the marker");
        }
        Assumptions.abort(
                "known simulator mismatch " + name() + " (" + summary + "):\n" + String.join("\n", differences));
    }
}
