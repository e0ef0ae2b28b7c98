package io.slotwise.sim;

import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.SlotRange;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The {@code cluster} subcommand of the runnable jar: starts a {@link SimCluster} in the process, prints its seeds and
 * slot map, and runs until SIGTERM or Ctrl-C, then closes it and exits with status 0.
 *
 * <pre>
 * java -jar slotwise-server-sim.jar cluster [--masters 3] [--replicas 0] [--base-port 7000] [--node-timeout 2000]
 *     [--dir path]
 * </pre>
 *
 * Bad flags print the reason and the usage on stderr (status 1).
 */
final class ClusterCommandLine {
    /** The usage text. */
    static final String USAGE = "Usage: java -jar slotwise-server-sim.jar cluster [--masters <n>] [--replicas <n>]"
            + " [--base-port <port>] [--node-timeout <ms>] [--dir <path>]\n"
            + "  --masters       primaries owning the slots (default 3)\n"
            + "  --replicas      replicas per primary (default 0)\n"
            + "  --base-port     client port of the first node, the others follow; 0 for ephemeral ports (default 7000)\n"
            + "  --node-timeout  cluster-node-timeout in milliseconds (default 2000)\n"
            + "  --dir           keep the nodes' nodes.conf under this directory (default: a temporary one)";

    private ClusterCommandLine() {}

    /**
     * The parsed flags.
     *
     * @param masters primaries
     * @param replicas replicas per primary
     * @param basePort the first client port, 0 for ephemeral ports
     * @param nodeTimeoutMillis {@code cluster-node-timeout}
     * @param dir the directory, empty for a temporary one
     */
    record Options(int masters, int replicas, int basePort, long nodeTimeoutMillis, Optional<Path> dir) {}

    /**
     * Parses the flags after {@code cluster}.
     *
     * @param args the flags
     * @return the options
     * @throws IllegalArgumentException naming the bad flag or value
     */
    static Options parse(List<String> args) {
        int masters = 3;
        int replicas = 0;
        int basePort = 7000;
        long nodeTimeout = 2000;
        Path dir = null;
        for (int i = 0; i < args.size(); i += 2) {
            String flag = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("Missing value for " + flag);
            }
            String value = args.get(i + 1);
            switch (flag) {
                case "--masters" -> masters = number(flag, value, 1, 1000);
                case "--replicas" -> replicas = number(flag, value, 0, 100);
                case "--base-port" -> basePort = number(flag, value, 0, 55_535);
                case "--node-timeout" -> nodeTimeout = number(flag, value, 1, Integer.MAX_VALUE);
                case "--dir" -> dir = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown option " + flag);
            }
        }
        return new Options(masters, replicas, basePort, nodeTimeout, Optional.ofNullable(dir));
    }

    private static int number(String flag, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "Invalid value for " + flag + ": '" + value + "' (expected " + min + ".." + max + ")");
    }

    /**
     * Starts the cluster and prints two lines: {@code seeds: host:port,...} and {@code slots: <first>-<last>
     * host:port | ...; replicas: host:port->host:port, ...}.
     *
     * @param options the options
     * @param out where to print
     * @return the running cluster; the caller closes it
     * @throws IllegalArgumentException if the options do not describe a valid cluster
     * @throws UncheckedIOException if a port is taken
     * @throws IllegalStateException if the cluster does not form
     */
    static SimCluster start(Options options, PrintStream out) {
        SimCluster cluster = SimCluster.builder()
                .primaries(options.masters())
                .replicasPerPrimary(options.replicas())
                .basePort(options.basePort())
                .nodeTimeout(Duration.ofMillis(options.nodeTimeoutMillis()))
                .dir(options.dir().orElse(null))
                .start();
        out.println("seeds: "
                + cluster.seeds().stream().map(ClusterCommandLine::text).collect(Collectors.joining(",")));
        out.println(slotMap(cluster.nodes().get(0).node()));
        out.flush();
        return cluster;
    }

    /** The slot map line, as one node sees it. */
    static String slotMap(SimNode node) {
        return ClusterView.read(node, ClusterCommandLine::slotMap);
    }

    private static String slotMap(ClusterState state) {
        List<String[]> ranges = new ArrayList<>();
        List<String> replicas = new ArrayList<>();
        for (ClusterNode node : state.nodes()) {
            for (SlotRange range : SlotRange.coalesce(node.slots())) {
                ranges.add(
                        new String[] {Integer.toString(range.start()), range.start() + "-" + range.end(), text(node)});
            }
            if (node.isReplica()) {
                String master =
                        state.masterOf(node).map(ClusterCommandLine::text).orElse(node.masterId());
                replicas.add(text(node) + "->" + master);
            }
        }
        ranges.sort(Comparator.comparingInt(range -> Integer.parseInt(range[0])));
        StringJoiner slots = new StringJoiner(" | ", "slots: ", "");
        ranges.forEach(range -> slots.add(range[1] + " " + range[2]));
        replicas.sort(null);
        return slots + "; replicas: " + (replicas.isEmpty() ? "none" : String.join(", ", replicas));
    }

    private static String text(ClusterNode node) {
        return node.ip() + ":" + node.port();
    }

    private static String text(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /**
     * Runs the subcommand in the process: parses, starts, prints, then waits until the JVM is asked to stop, closes
     * the cluster and ends the JVM with status 0.
     *
     * @param args the flags after {@code cluster}
     * @param out standard output
     * @param err standard error
     * @return the exit status when the cluster could not start (1), or 0 for {@code --help}; never returns otherwise
     */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        SimCluster cluster;
        try {
            cluster = start(parse(args), out);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 1;
        } catch (UncheckedIOException | IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            cluster.close();
                            Runtime.getRuntime().halt(0);
                        },
                        "slotwise-cluster-shutdown"));
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cluster.close();
        return 0;
    }
}
