package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.IpLiteral;
import java.util.Objects;

/**
 * How a node's bus listens and connects. The bus port itself is not here: the bus listens on
 * {@code state.myself().busPort()} (the node sets it to {@code port + 10000} or {@code cluster-port}); {@code 0} picks an
 * ephemeral port, which is then recorded as myself's bus port. Node timeout and the other cluster options come from
 * the {@link io.slotwise.sim.cluster.ClusterConfig} in force. Immutable.
 *
 * @param bindAddress the IP literal the bus server binds to, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param announceIp {@code cluster-announce-ip}: the IP this node announces and never re-learns from sockets; empty
 *     when not set
 * @param connectTimeoutMillis how long an outbound connection attempt may take before it counts as failed
 */
public record BusConfig(String bindAddress, String announceIp, int connectTimeoutMillis) {

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if an address is not an IP literal, or the timeout is not positive
     * @throws NullPointerException if an address is {@code null}
     */
    public BusConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(announceIp, "announceIp");
        if (IpLiteral.normalize(bindAddress).isEmpty()) {
            throw new IllegalArgumentException("bind address is not an IP literal: " + bindAddress);
        }
        if (!announceIp.isEmpty()) {
            announceIp = IpLiteral.normalize(announceIp)
                    .orElseThrow(() -> new IllegalArgumentException("announce IP is not an IP literal"));
        }
        if (connectTimeoutMillis <= 0) {
            throw new IllegalArgumentException("connect timeout must be positive");
        }
    }

    /**
     * Returns the defaults: bind to every interface, no announced IP, 1 s connect timeout.
     *
     * @return the defaults
     */
    public static BusConfig defaults() {
        return new BusConfig("0.0.0.0", "", 1_000);
    }

    /**
     * Returns a copy bound to another address.
     *
     * @param value an IP literal, never {@code null}
     * @return the copy
     */
    public BusConfig withBindAddress(String value) {
        return new BusConfig(value, announceIp, connectTimeoutMillis);
    }

    /**
     * Returns a copy announcing an IP ({@code cluster-announce-ip}); empty clears it.
     *
     * @param value an IP literal or empty, never {@code null}
     * @return the copy
     */
    public BusConfig withAnnounceIp(String value) {
        return new BusConfig(bindAddress, value, connectTimeoutMillis);
    }

    /**
     * Returns a copy with another connect timeout.
     *
     * @param value milliseconds, positive
     * @return the copy
     */
    public BusConfig withConnectTimeoutMillis(int value) {
        return new BusConfig(bindAddress, announceIp, value);
    }
}
