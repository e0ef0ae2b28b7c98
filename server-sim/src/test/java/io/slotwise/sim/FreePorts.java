package io.slotwise.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds a base port for tests that need fixed ports: {@code count} consecutive loopback ports, and the same ports plus
 * 10000 (their bus ports), that could all be bound just now. Another process may still take one before the test does.
 */
final class FreePorts {
    private static final int ATTEMPTS = 200;

    private FreePorts() {}

    /**
     * Returns a base port in 20000..29000 whose client and bus ports are free.
     *
     * @param count how many consecutive ports are needed
     * @return the base port
     */
    static int base(int count) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 29_000);
            if (free(base, count) && free(base + 10_000, count)) {
                return base;
            }
        }
        throw new IllegalStateException("no free port range found");
    }

    private static boolean free(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
