package io.slotwise.topology;

import java.util.Objects;

/**
 * The address a client uses to reach a cluster node: a host (name or IP literal, IPv6 without brackets) and a port.
 *
 * @param host the host, never empty
 * @param port the TCP port, 1 to 65535
 */
public record NodeAddress(String host, int port) {

    /** Validates the address. */
    public NodeAddress {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
    }

    /**
     * Parses {@code host:port} as Redis writes it in redirects and CLUSTER NODES: the port follows the last colon, so
     * an IPv6 host needs no brackets (brackets are accepted and removed).
     *
     * @param text the address
     * @return the address
     * @throws IllegalArgumentException if there is no colon, the host is empty or the port is not a valid port number
     */
    public static NodeAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("not a host:port address: '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a host:port address: '" + text + "'", e);
        }
        return new NodeAddress(host, port);
    }

    /** Returns {@code host:port}, bracketing an IPv6 host. */
    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
