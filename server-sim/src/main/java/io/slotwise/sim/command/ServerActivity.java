package io.slotwise.sim.command;

/**
 * The node-wide state of the server administration commands, owned by the node's {@link CommandDispatcher}: the
 * client pause, the MONITOR clients, the slow log, the latency histograms, the per-command counters, the ACL users and the time of the last
 * (simulated) save.
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
}
