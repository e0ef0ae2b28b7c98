package io.slotwise.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Settings of a {@link SyncRedisCluster}. Immutable and thread-safe; build with {@link #builder()} or change a copy
 * with {@link #toBuilder()}.
 *
 * <p>Defaults and why:
 *
 * <ul>
 *   <li>{@link #commandTimeout()} 10 s: the async client's default command timeout. Set it to the timeout your client
 *       is configured with.
 *   <li>{@link #deadlineMargin()} 1 s: the facade's deadline is a safety net behind the client's own timeout, which
 *       names the node and should normally win; the margin leaves room for that and for a retry or redirect.
 *   <li>{@link #ioThreadCheck()} recognises threads named {@value #DEFAULT_IO_THREAD_PREFIX}..., the names of the
 *       client's netty event loops.
 * </ul>
 */
public final class SyncOptions {

    /** Default for {@link #commandTimeout()}. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);

    /** Default for {@link #deadlineMargin()}. */
    public static final Duration DEFAULT_DEADLINE_MARGIN = Duration.ofSeconds(1);

    /** The name prefix of the client's I/O threads, which the default {@link #ioThreadCheck()} looks for. */
    public static final String DEFAULT_IO_THREAD_PREFIX = "slotwise-io-";

    private static final SyncOptions DEFAULTS = new Builder().build();

    private final Duration commandTimeout;
    private final Duration deadlineMargin;
    private final Predicate<Thread> ioThreadCheck;

    private SyncOptions(Builder b) {
        commandTimeout = b.commandTimeout;
        deadlineMargin = b.deadlineMargin;
        ioThreadCheck = b.ioThreadCheck;
    }

    /**
     * Returns the default options.
     *
     * @return the shared default instance
     */
    public static SyncOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns the command timeout the async client applies, from which the facade derives its deadline.
     *
     * @return a positive duration
     */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /**
     * Returns how much longer than the command timeout (plus any blocking timeout) the facade waits before giving up.
     *
     * @return zero or a positive duration
     */
    public Duration deadlineMargin() {
        return deadlineMargin;
    }

    /**
     * Returns the check that recognises the client's I/O threads, on which blocking calls are refused.
     *
     * @return the predicate, never {@code null}; called with the calling thread
     */
    public Predicate<Thread> ioThreadCheck() {
        return ioThreadCheck;
    }

    /** Shows the timeouts; the thread check is shown only as whether it is the default. */
    @Override
    public String toString() {
        return "SyncOptions[commandTimeout=" + commandTimeout + ", deadlineMargin=" + deadlineMargin
                + ", ioThreadCheck=" + (ioThreadCheck == Builder.DEFAULT_IO_THREAD_CHECK ? "default" : "custom") + "]";
    }

    /** Builds {@link SyncOptions}. Not thread-safe. */
    public static final class Builder {

        private static final Predicate<Thread> DEFAULT_IO_THREAD_CHECK =
                thread -> thread.getName().startsWith(DEFAULT_IO_THREAD_PREFIX);

        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private Duration deadlineMargin = DEFAULT_DEADLINE_MARGIN;
        private Predicate<Thread> ioThreadCheck = DEFAULT_IO_THREAD_CHECK;

        private Builder() {}

        private Builder(SyncOptions options) {
            commandTimeout = options.commandTimeout;
            deadlineMargin = options.deadlineMargin;
            ioThreadCheck = options.ioThreadCheck;
        }

        /**
         * Sets the command timeout of the wrapped client.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if the timeout is zero or negative
         */
        public Builder commandTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("commandTimeout must be positive, was " + timeout);
            }
            this.commandTimeout = timeout;
            return this;
        }

        /**
         * Sets how much longer than the command timeout the facade waits.
         *
         * @param margin zero or a positive duration
         * @return this builder
         * @throws IllegalArgumentException if the margin is negative
         */
        public Builder deadlineMargin(Duration margin) {
            Objects.requireNonNull(margin, "margin");
            if (margin.isNegative()) {
                throw new IllegalArgumentException("deadlineMargin must not be negative, was " + margin);
            }
            this.deadlineMargin = margin;
            return this;
        }

        /**
         * Sets the check that recognises the client's I/O threads. A client that knows its event loops can pass an
         * exact check (for example one that asks each of its event loops whether {@code inEventLoop(thread)}); the
         * default matches thread names starting with {@value SyncOptions#DEFAULT_IO_THREAD_PREFIX}. The check must be fast
         * and must not throw.
         *
         * @param check returns {@code true} for a thread that must never block
         * @return this builder
         */
        public Builder ioThreadCheck(Predicate<Thread> check) {
            this.ioThreadCheck = Objects.requireNonNull(check, "check");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public SyncOptions build() {
            return new SyncOptions(this);
        }
    }
}
