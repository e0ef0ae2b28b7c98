package io.slotwise.sim.cluster;

import java.util.List;
import java.util.Locale;

/** The mode of CLUSTER RESET. */
public enum ResetMode {
    /** Forget peers and slots; keep ID and epochs (the default). */
    SOFT,
    /** Also zero the epochs and take a new random node ID. */
    HARD;

    /**
     * Parses the optional argument of CLUSTER RESET (case-insensitive).
     *
     * @param arguments the arguments after {@code RESET}: none, {@code HARD} or {@code SOFT}
     * @return the mode, {@link #SOFT} when absent
     * @throws ClusterCommandException {@code ERR syntax error} for anything else
     */
    public static ResetMode parse(List<String> arguments) {
        if (arguments.isEmpty()) {
            return SOFT;
        }
        if (arguments.size() == 1) {
            String mode = arguments.get(0).toLowerCase(Locale.ROOT);
            if (mode.equals("soft")) {
                return SOFT;
            }
            if (mode.equals("hard")) {
                return HARD;
            }
        }
        throw new ClusterCommandException("ERR syntax error");
    }
}
