package io.slotwise.sim.command;

import io.slotwise.sim.ConfigDirective;
import io.slotwise.sim.SimNodeConfig;
import java.util.List;

/** Reads the directives the administration commands honour from a node's configuration. */
final class AdminSettings {
    private AdminSettings() {}

    /** Returns {@code slowlog-log-slower-than} in microseconds. */
    static long slowlogLogSlowerThan(SimNodeConfig config) {
        return Long.parseLong(config.get(ConfigDirective.SLOWLOG_LOG_SLOWER_THAN));
    }

    /** Returns whether {@code latency-tracking} is on. */
    static boolean latencyTracking(SimNodeConfig config) {
        return config.get(ConfigDirective.LATENCY_TRACKING).equals("yes");
    }

    /** Returns the canonical texts of {@code latency-tracking-info-percentiles}, for example {@code 99.9}. */
    static List<String> infoPercentiles(SimNodeConfig config) {
        String value =
                config.get(ConfigDirective.LATENCY_TRACKING_INFO_PERCENTILES).strip();
        return value.isEmpty() ? List.of() : List.of(value.split(" +"));
    }

    /** Returns {@code slowlog-max-len}. */
    static long slowlogMaxLen(SimNodeConfig config) {
        return Long.parseLong(config.get(ConfigDirective.SLOWLOG_MAX_LEN));
    }
}
