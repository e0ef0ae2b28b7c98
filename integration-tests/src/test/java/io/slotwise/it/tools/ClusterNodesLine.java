package io.slotwise.it.tools;

import io.slotwise.it.fixture.AdminConnection;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One line of a CLUSTER NODES reply, reduced to what these tests check: the node's ID, client port, flags, master
 * and how many slots it serves.
 */
record ClusterNodesLine(String id, int port, Set<String> flags, String masterId, int slotCount) {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** Fetches and parses CLUSTER NODES from the node on {@code 127.0.0.1:port}. */
    static List<ClusterNodesLine> fetch(int port) {
        try (AdminConnection connection = AdminConnection.open(port, TIMEOUT)) {
            return parse(connection.text("CLUSTER", "NODES"));
        }
    }

    /** Parses a whole reply; every line must be well-formed. */
    static List<ClusterNodesLine> parse(String reply) {
        return reply.lines()
                .filter(line -> !line.isBlank())
                .map(ClusterNodesLine::parseLine)
                .toList();
    }

    private static ClusterNodesLine parseLine(String line) {
        String[] fields = line.split(" ");
        if (fields.length < 8) {
            throw new IllegalArgumentException("malformed CLUSTER NODES line: " + line);
        }
        String address = fields[1].split("[@,]")[0];
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        int slots = 0;
        for (int i = 8; i < fields.length; i++) {
            if (fields[i].startsWith("[")) {
                continue; // migrating/importing marker
            }
            String[] range = fields[i].split("-");
            int first = Integer.parseInt(range[0]);
            int last = range.length == 2 ? Integer.parseInt(range[1]) : first;
            slots += last - first + 1;
        }
        return new ClusterNodesLine(fields[0], port, Set.copyOf(Arrays.asList(fields[2].split(","))), fields[3], slots);
    }

    /** Returns whether this line describes the node answering. */
    boolean isMyself() {
        return flags.contains("myself");
    }

    /** Returns whether the node is a master. */
    boolean isMaster() {
        return flags.contains("master");
    }
}
