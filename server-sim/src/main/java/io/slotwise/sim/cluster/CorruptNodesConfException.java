package io.slotwise.sim.cluster;

import java.io.IOException;

/**
 * A nodes.conf file could not be loaded because its content is malformed (Redis: "Unrecoverable error: corrupted
 * cluster config file"). The message names the 1-based line number, the problem and the offending line.
 */
public final class CorruptNodesConfException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    /**
     * Creates the exception.
     *
     * @param lineNumber the 1-based line number, or {@code 0} when the problem concerns the whole file
     * @param problem what is wrong
     * @param line the offending line, or {@code null} when the problem concerns the whole file
     */
    public CorruptNodesConfException(int lineNumber, String problem, String line) {
        super(
                lineNumber == 0
                        ? "Corrupted cluster config file: " + problem
                        : "Corrupted cluster config file, line " + lineNumber + ": " + problem + ": '" + line + "'");
        this.lineNumber = lineNumber;
    }

    /**
     * Returns the 1-based line number of the problem.
     *
     * @return the line number, or {@code 0} for a whole-file problem
     */
    public int lineNumber() {
        return lineNumber;
    }
}
