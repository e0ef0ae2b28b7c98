package io.slotwise.sim;

import io.slotwise.sim.command.ServerCommands;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's command line, shaped like redis-server's:
 *
 * <pre>
 * java -jar slotwise-server-sim.jar [config-file] [--directive value ...]
 * java -jar slotwise-server-sim.jar cluster [--masters 3] [--replicas 1] [--base-port 7000] ...
 * </pre>
 *
 * Without a subcommand it starts one node and logs one line with {@code PID: <pid>} and {@code Ready to accept connections}, which is what
 * scripts and Redis's test suite wait for. Runs until SHUTDOWN or SIGTERM (exit status 0 either way). A bad
 * configuration, or a port that cannot be bound, prints the reason on stderr and exits with status 1. Logging goes to
 * stdout through slf4j-simple unless {@code org.slf4j.simpleLogger.*} properties say otherwise. The {@code cluster}
 * subcommand runs a whole cluster in the process instead ({@link ClusterCommandLine}).
 */
public final class Main {
    private static final String LOGGER_PREFIX = "org.slf4j.simpleLogger.";
    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    private Main() {}

    /**
     * Runs the simulator.
     *
     * @param args an optional config file, then {@code --directive value} options; {@code --version}, {@code --help}
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("cluster")) {
            configureLogging();
            int status = ClusterCommandLine.run(List.of(args).subList(1, args.length), System.out, System.err);
            System.exit(status);
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-v"))) {
            exit(System.out, "Redis server v=" + ServerCommands.REDIS_VERSION + " (Slotwise simulator)", 0);
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            exit(
                    System.out,
                    "Usage: java -jar slotwise-server-sim.jar [config-file] [--directive value ...]\n"
                            + ClusterCommandLine.USAGE,
                    0);
        }
        SimNodeConfig config;
        try {
            config = SimNodeConfig.fromCommandLine(args);
        } catch (ConfigException e) {
            exit(System.err, e.getMessage(), 1);
            return;
        }
        configureLogging();
        Logger log = LoggerFactory.getLogger(Main.class);
        SimNode node;
        try {
            node = SimNode.start(config);
        } catch (UncheckedIOException e) {
            exit(System.err, e.getMessage(), 1);
            return;
        }
        AtomicBoolean signalled = new AtomicBoolean();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> closeOnSignal(node, signalled, log), "slotwise-shutdown"));
        log.info(
                "Running mode={}, port={}, PID: {} (Slotwise simulator of Redis {}). Server initialized. Ready to"
                        + " accept connections tcp",
                config.clusterEnabled() ? "cluster" : "standalone",
                node.port(),
                ProcessHandle.current().pid(),
                ServerCommands.REDIS_VERSION);
        node.whenClosed().join();
        if (!signalled.get()) {
            log.info("Redis is now ready to exit, bye bye...");
            System.exit(0);
        }
    }

    /**
     * SIGTERM: close the node (waiting at most {@value #CLOSE_TIMEOUT_SECONDS} s), then end the JVM with status 0 as
     * redis-server does (the JVM's default is 143).
     */
    private static void closeOnSignal(SimNode node, AtomicBoolean signalled, Logger log) {
        signalled.set(true);
        try {
            log.info("Received SIGTERM scheduling shutdown...");
            node.closeAsync().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            log.info("Redis is now ready to exit, bye bye...");
        } catch (ExecutionException | TimeoutException e) {
            log.warn("The node did not close cleanly within {} s; exiting anyway", CLOSE_TIMEOUT_SECONDS, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Runtime.getRuntime().halt(0);
        }
    }

    private static void configureLogging() {
        setDefault("logFile", "System.out");
        setDefault("showDateTime", "true");
        setDefault("dateTimeFormat", "dd MMM yyyy HH:mm:ss.SSS");
        setDefault("showThreadName", "false");
        setDefault("showShortLogName", "true");
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(LOGGER_PREFIX + property) == null) {
            System.setProperty(LOGGER_PREFIX + property, value);
        }
    }

    private static void exit(PrintStream stream, String message, int status) {
        stream.println(message);
        stream.flush();
        System.exit(status);
    }
}
