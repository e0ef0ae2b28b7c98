package io.slotwise.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * The smallest cluster client: sends each command to a seed node and follows {@code -MOVED <slot> <host>:<port>}
 * redirects (at most five) to the node named, keeping one connection per port. Replies are wire text. Loopback only;
 * not thread-safe.
 */
final class MovedFollowingClient implements AutoCloseable {
    private static final int MAX_REDIRECTS = 5;

    private final Map<Integer, RespClient> connections = new HashMap<>();
    private final int seedPort;
    private int redirects;

    MovedFollowingClient(int seedPort) {
        this.seedPort = seedPort;
    }

    /** Sends a command, following MOVED, and returns the final reply's wire text. */
    String call(String... args) {
        int port = seedPort;
        for (int attempt = 0; ; attempt++) {
            String reply =
                    connections.computeIfAbsent(port, RespClient::connect).call(args);
            if (!reply.startsWith("-MOVED ") || attempt == MAX_REDIRECTS) {
                return reply;
            }
            redirects++;
            String target = reply.substring(reply.lastIndexOf(' ') + 1, reply.length() - 2);
            port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
        }
    }

    /** Returns how many MOVED replies were followed so far. */
    int redirects() {
        return redirects;
    }

    @Override
    public void close() {
        connections.values().forEach(RespClient::close);
    }
}
