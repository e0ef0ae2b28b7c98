package io.slotwise.sim.command;

import io.slotwise.sim.ConfigDirective;
import io.slotwise.sim.SimNodeConfig;

/** Reads the directives the administration commands honour from a node's configuration. */
final class AdminSettings {
    private AdminSettings() {}

    /** Returns {@code slowlog-log-slower-than} in microseconds. */
    static long slowlogLogSlowerThan(SimNodeConfig config) {
        return Long.parseLong(config.get(ConfigDirective.SLOWLOG_LOG_SLOWER_THAN));
    }

    /** Returns {@code slowlog-max-len}. */
    static long slowlogMaxLen(SimNodeConfig config) {
        return Long.parseLong(config.get(ConfigDirective.SLOWLOG_MAX_LEN));
    }
}
