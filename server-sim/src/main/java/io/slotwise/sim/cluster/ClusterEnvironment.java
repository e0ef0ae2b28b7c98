package io.slotwise.sim.cluster;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * What the cluster state takes from outside: a millisecond clock, a source of randomness for node IDs, and a view of the
 * local keyspace. Tests inject a fake clock and a seeded generator.
 *
 * @param clockMillis wall-clock milliseconds (Redis's {@code mstime()}), never {@code null}
 * @param random randomness for node IDs, never {@code null}; used on the node's thread only
 * @param localKeys the local keyspace, never {@code null}
 */
public record ClusterEnvironment(LongSupplier clockMillis, RandomGenerator random, LocalKeys localKeys) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if any component is {@code null}
     */
    public ClusterEnvironment {
        Objects.requireNonNull(clockMillis, "clockMillis");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(localKeys, "localKeys");
    }

    /**
     * Returns the production environment: the system clock and a {@link SecureRandom}.
     *
     * @param localKeys the local keyspace, never {@code null}
     * @return the environment
     */
    public static ClusterEnvironment system(LocalKeys localKeys) {
        return new ClusterEnvironment(System::currentTimeMillis, new SecureRandom(), localKeys);
    }

    /**
     * Reads the clock.
     *
     * @return the current time in milliseconds
     */
    public long nowMillis() {
        return clockMillis.getAsLong();
    }
}
