package io.slotwise.netty.connection;

import io.netty.handler.ssl.SslContext;
import io.slotwise.DurationChecks;
import io.slotwise.RedisCredentials;
import io.slotwise.resp.RespLimits;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Settings of a {@link NodeConnection}. Immutable and thread-safe; build with {@link #builder()} or change a copy with
 * {@link #toBuilder()}.
 *
 * <p>Defaults and why:
 *
 * <ul>
 *   <li>{@link #connectTimeout()} 5 s: covers TCP connect, TLS and the handshake together; a node that takes longer is
 *       unlikely to serve commands well, and the cluster layer can try another.
 *   <li>{@link #commandTimeout()} 10 s: from {@code send} to the reply, time spent waiting for a connection included.
 *       Long enough for slow commands on a loaded node, short enough that a black-holed node (no RST) surfaces.
 *   <li>{@link #reconnectBackoff()} {@link ReconnectBackoff#DEFAULT} (100 ms doubling to 10 s, full jitter).
 *   <li>{@link #disconnectedBehavior()} {@link DisconnectedBehavior#QUEUE}, with {@link #maxQueuedCommands()} 100,000.
 *   <li>{@link #resp3()} {@code true}: try {@code HELLO 3}, fall back to RESP2 on servers that refuse it.
 *   <li>No credentials, no client name, not read-only, no TLS, {@link RespLimits#defaults()}, no-op listeners.
 * </ul>
 */
public final class ConnectionOptions {

    /** Default for {@link #connectTimeout()}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Default for {@link #commandTimeout()}. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);

    /** Default for {@link #maxQueuedCommands()}. */
    public static final int DEFAULT_MAX_QUEUED_COMMANDS = 100_000;

    private static final ConnectionOptions DEFAULTS = new Builder().build();

    private final Duration connectTimeout;
    private final Duration commandTimeout;
    private final RedisCredentials credentials;
    private final String clientName;
    private final boolean readOnly;
    private final boolean resp3;
    private final SslContext sslContext;
    private final RespLimits respLimits;
    private final boolean autoReconnect;
    private final ReconnectBackoff reconnectBackoff;
    private final DoubleSupplier jitterSource;
    private final DisconnectedBehavior disconnectedBehavior;
    private final int maxQueuedCommands;
    private final ConnectionListener connectionListener;
    private final PushListener pushListener;
    private final boolean subscriber;
    private final boolean clientTracking;

    private ConnectionOptions(Builder b) {
        connectTimeout = b.connectTimeout;
        commandTimeout = b.commandTimeout;
        credentials = b.credentials;
        clientName = b.clientName;
        readOnly = b.readOnly;
        resp3 = b.resp3;
        sslContext = b.sslContext;
        respLimits = b.respLimits;
        autoReconnect = b.autoReconnect;
        reconnectBackoff = b.reconnectBackoff;
        jitterSource = b.jitterSource;
        disconnectedBehavior = b.disconnectedBehavior;
        maxQueuedCommands = b.maxQueuedCommands;
        connectionListener = b.connectionListener;
        pushListener = b.pushListener;
        subscriber = b.subscriber;
        clientTracking = b.clientTracking;
        if (clientTracking && !resp3) {
            throw new IllegalArgumentException("clientTracking needs resp3: invalidations arrive as RESP3 pushes");
        }
    }

    /** Returns the default options. */
    public static ConnectionOptions defaults() {
        return DEFAULTS;
    }

    /** Returns a builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The time allowed for TCP connect, TLS and the handshake together; positive. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The time allowed from {@code send} until the reply; positive. */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** The credentials the handshake authenticates with, if any. */
    public Optional<RedisCredentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /** The name the handshake gives the connection ({@code CLIENT SETNAME}), if any. */
    public Optional<String> clientName() {
        return Optional.ofNullable(clientName);
    }

    /** Whether the handshake sends {@code READONLY}, so that a cluster replica serves reads. */
    public boolean readOnly() {
        return readOnly;
    }

    /** Whether the handshake asks for RESP3 ({@code HELLO 3}) before falling back to RESP2. */
    public boolean resp3() {
        return resp3;
    }

    /** The TLS context of a client, if connections use TLS. */
    public Optional<SslContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    /** The bounds the reply decoder enforces. */
    public RespLimits respLimits() {
        return respLimits;
    }

    /** Whether a failed or lost connection is re-established automatically, with {@link #reconnectBackoff()}. */
    public boolean autoReconnect() {
        return autoReconnect;
    }

    /** The delays between reconnect attempts. */
    public ReconnectBackoff reconnectBackoff() {
        return reconnectBackoff;
    }

    /** The random source of the backoff jitter, returning values in {@code [0, 1)}; called on an event loop. */
    public DoubleSupplier jitterSource() {
        return jitterSource;
    }

    /** What happens to commands sent while the connection is down after a failure. */
    public DisconnectedBehavior disconnectedBehavior() {
        return disconnectedBehavior;
    }

    /**
     * The most commands a connection holds that were accepted but not yet written: while it waits for a connection,
     * or in a burst that outruns its event loop. Beyond it, {@code send} fails at once (as not sent).
     */
    public int maxQueuedCommands() {
        return maxQueuedCommands;
    }

    /** The observer of connection events. */
    public ConnectionListener connectionListener() {
        return connectionListener;
    }

    /** The receiver of RESP3 push messages. */
    public PushListener pushListener() {
        return pushListener;
    }

    /**
     * Whether the connection is a dedicated Pub/Sub subscriber connection. It then understands subscribe mode: in RESP2,
     * the arrays a node sends for subscription confirmations and messages are delivered to the {@link #pushListener()}
     * like RESP3 pushes; a {@code (P|S)(UN)SUBSCRIBE} command completes once every channel it names is confirmed (with
     * the last confirmation) or with its error reply; and an error reply nobody waits for is logged and dropped rather
     * than closing the connection. Only subscription commands should be sent on it.
     */
    public boolean subscriber() {
        return subscriber;
    }

    /**
     * Whether the handshake turns on server-assisted client-side caching ({@code CLIENT TRACKING on}, default mode)
     * after {@code HELLO 3}, so that the node sends an {@code invalidate} push to the {@link #pushListener()} when a key
     * read on this connection changes. Requires {@link #resp3()}; a node that refuses {@code HELLO 3} or the tracking
     * command then fails the handshake instead of falling back to RESP2. Off by default.
     */
    public boolean clientTracking() {
        return clientTracking;
    }

    /** Lists the settings; never the credentials' secrets. */
    @Override
    public String toString() {
        return "ConnectionOptions[connectTimeout=" + connectTimeout + ", commandTimeout=" + commandTimeout
                + ", credentials=" + credentials + ", clientName=" + clientName + ", readOnly=" + readOnly
                + ", resp3=" + resp3 + ", tls=" + (sslContext != null) + ", autoReconnect=" + autoReconnect
                + ", reconnectBackoff=" + reconnectBackoff + ", disconnectedBehavior=" + disconnectedBehavior
                + ", maxQueuedCommands=" + maxQueuedCommands + ", subscriber=" + subscriber + ", clientTracking="
                + clientTracking + "]";
    }

    /** Builds {@link ConnectionOptions}. Not thread-safe. Every setter rejects {@code null} unless it says otherwise. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private RedisCredentials credentials;
        private String clientName;
        private boolean readOnly;
        private boolean resp3 = true;
        private SslContext sslContext;
        private RespLimits respLimits = RespLimits.defaults();
        private boolean autoReconnect = true;
        private ReconnectBackoff reconnectBackoff = ReconnectBackoff.DEFAULT;
        private DoubleSupplier jitterSource = () -> ThreadLocalRandom.current().nextDouble();
        private DisconnectedBehavior disconnectedBehavior = DisconnectedBehavior.QUEUE;
        private int maxQueuedCommands = DEFAULT_MAX_QUEUED_COMMANDS;
        private ConnectionListener connectionListener = ConnectionListener.NONE;
        private PushListener pushListener = PushListener.DROP;
        private boolean subscriber;
        private boolean clientTracking;

        private Builder() {}

        private Builder(ConnectionOptions o) {
            connectTimeout = o.connectTimeout;
            commandTimeout = o.commandTimeout;
            credentials = o.credentials;
            clientName = o.clientName;
            readOnly = o.readOnly;
            resp3 = o.resp3;
            sslContext = o.sslContext;
            respLimits = o.respLimits;
            autoReconnect = o.autoReconnect;
            reconnectBackoff = o.reconnectBackoff;
            jitterSource = o.jitterSource;
            disconnectedBehavior = o.disconnectedBehavior;
            maxQueuedCommands = o.maxQueuedCommands;
            connectionListener = o.connectionListener;
            pushListener = o.pushListener;
            subscriber = o.subscriber;
            clientTracking = o.clientTracking;
        }

        /** Sets {@link ConnectionOptions#connectTimeout()}; must be positive. */
        public Builder connectTimeout(Duration timeout) {
            connectTimeout = DurationChecks.requirePositive(timeout, "connectTimeout");
            return this;
        }

        /** Sets {@link ConnectionOptions#commandTimeout()}; must be positive. */
        public Builder commandTimeout(Duration timeout) {
            commandTimeout = DurationChecks.requirePositive(timeout, "commandTimeout");
            return this;
        }

        /** Sets {@link ConnectionOptions#credentials()}; {@code null} for none. */
        public Builder credentials(RedisCredentials value) {
            credentials = value;
            return this;
        }

        /** Sets {@link ConnectionOptions#clientName()}; {@code null} for none; no spaces (Redis refuses them). */
        public Builder clientName(String value) {
            if (value != null && (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || c > '~'))) {
                throw new IllegalArgumentException("clientName must be non-empty printable ASCII without spaces");
            }
            clientName = value;
            return this;
        }

        /** Sets {@link ConnectionOptions#readOnly()}. */
        public Builder readOnly(boolean value) {
            readOnly = value;
            return this;
        }

        /** Sets {@link ConnectionOptions#resp3()}. */
        public Builder resp3(boolean value) {
            resp3 = value;
            return this;
        }

        /** Sets {@link ConnectionOptions#sslContext()}; {@code null} for plain TCP; must be a client context. */
        public Builder sslContext(SslContext value) {
            if (value != null && !value.isClient()) {
                throw new IllegalArgumentException("sslContext must be a client context");
            }
            sslContext = value;
            return this;
        }

        /** Sets {@link ConnectionOptions#respLimits()}. */
        public Builder respLimits(RespLimits value) {
            respLimits = Objects.requireNonNull(value, "respLimits");
            return this;
        }

        /** Sets {@link ConnectionOptions#autoReconnect()}. */
        public Builder autoReconnect(boolean value) {
            autoReconnect = value;
            return this;
        }

        /** Sets {@link ConnectionOptions#reconnectBackoff()}. */
        public Builder reconnectBackoff(ReconnectBackoff value) {
            reconnectBackoff = Objects.requireNonNull(value, "reconnectBackoff");
            return this;
        }

        /** Sets {@link ConnectionOptions#jitterSource()}, for example a seeded source in tests. */
        public Builder jitterSource(DoubleSupplier value) {
            jitterSource = Objects.requireNonNull(value, "jitterSource");
            return this;
        }

        /** Sets {@link ConnectionOptions#disconnectedBehavior()}. */
        public Builder disconnectedBehavior(DisconnectedBehavior value) {
            disconnectedBehavior = Objects.requireNonNull(value, "disconnectedBehavior");
            return this;
        }

        /** Sets {@link ConnectionOptions#maxQueuedCommands()}; at least 1. */
        public Builder maxQueuedCommands(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxQueuedCommands must be at least 1, got " + value);
            }
            maxQueuedCommands = value;
            return this;
        }

        /** Sets {@link ConnectionOptions#connectionListener()}. */
        public Builder connectionListener(ConnectionListener value) {
            connectionListener = Objects.requireNonNull(value, "connectionListener");
            return this;
        }

        /** Sets {@link ConnectionOptions#clientTracking()}; {@link #build()} rejects it without RESP3. */
        public Builder clientTracking(boolean value) {
            clientTracking = value;
            return this;
        }

        /** Sets {@link ConnectionOptions#subscriber()}. */
        public Builder subscriber(boolean value) {
            subscriber = value;
            return this;
        }

        /** Sets {@link ConnectionOptions#pushListener()}. */
        public Builder pushListener(PushListener value) {
            pushListener = Objects.requireNonNull(value, "pushListener");
            return this;
        }

        /** Builds the options. */
        public ConnectionOptions build() {
            return new ConnectionOptions(this);
        }
    }
}
