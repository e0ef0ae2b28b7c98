package io.slotwise.sim.command;

import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.server.ClientSession;

/**
 * The node-wide state of the server administration commands, owned by the node's {@link CommandDispatcher}: the
 * client pause, the MONITOR clients, the slow log, the latency histograms, the per-command counters, the ACL users and the time of the last
 * (simulated) save, and how an executed command is fed to them.
 *
 * <p>Threading: used on the node's event loop only.
 */
final class ServerActivity {
    final ClientPause pause = new ClientPause();
    final MonitorFeed monitors = new MonitorFeed();
    final SlowLog slowLog = new SlowLog();
    final CommandLatencies latencies = new CommandLatencies();
    final CommandStats commandStats = new CommandStats();
    final AclUsers users = new AclUsers();
    long lastSaveSeconds = System.currentTimeMillis() / 1000;

    /**
     * Feeds an executed command to the per-command counters, the latency histograms (unless {@code latency-tracking}
     * is off), the slow log and the MONITOR clients.
     *
     * @param invocation the command
     * @param session the client that ran it
     * @param nanos how long it ran
     * @param config the node's configuration, read for the latency and slow log settings
     */
    void observe(Invocation invocation, ClientSession session, long nanos, SimNodeConfig config) {
        commandStats.executed(invocation.spec().name(), nanos);
        if (AdminSettings.latencyTracking(config)) {
            latencies.record(invocation.spec().name(), nanos);
        }
        slowLog.record(
                invocation,
                session.remoteAddress(),
                session.name(),
                nanos / 1000,
                AdminSettings.slowlogLogSlowerThan(config),
                AdminSettings.slowlogMaxLen(config));
        monitors.feed(invocation, session);
    }
}
