package io.slotwise;

import io.slotwise.event.ClientEventListener;
import io.slotwise.routing.RedirectPolicy;
import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Settings of a {@link RedisClusterClient}. Immutable and thread-safe; build with {@link #builder()}, change a copy with
 * {@link #toBuilder()}. {@link #toString()} never shows credentials.
 *
 * <p>Defaults and why:
 *
 * <ul>
 *   <li>{@link #readFrom()} {@link ReadFrom#PRIMARY}: reads see every acknowledged write.
 *   <li>{@link #commandTimeout()} 10 s per request to a node (each retry and redirect gets its own), {@link
 *       #connectTimeout()} 5 s: long enough for loaded nodes, short enough that a black-holed node surfaces.
 *   <li>{@link #maxRedirects()} 5 ({@link RedirectPolicy#DEFAULT_MAX_REDIRECTS}): a slot migration needs at most two.
 *   <li>{@link #topologyRefreshPeriod()} 30 s: an idle client notices changes (and recycled IPs) within a period;
 *       {@link Duration#ZERO} turns the periodic refresh off.
 *   <li>{@link #adaptiveRefreshMinInterval()} 1 s: MOVED, lost connections and uncovered slots trigger a refresh at
 *       once, but at most one per second starts, and a burst of triggers shares one refresh.
 *   <li>{@link #latencyProbeInterval()} 5 s: with {@link ReadFrom#NEAREST}, how often every node's round trip is
 *       measured (a PING on its connection); often enough to follow a node that slows down, rare enough to cost
 *       nothing.
 *   <li>{@link #retry()} {@link RetrySettings#DEFAULT}.
 *   <li>{@link #replayUnknownOutcomeWrites()} {@code false}: a write whose connection was lost after it was sent may
 *       have been applied, so it is not sent again unless the application says its writes are idempotent.
 *   <li>{@link #resp3()} {@code true}: connections try {@code HELLO 3} and fall back to RESP2 where it is refused.
 *   <li>{@link #clientSideCache()} off: caching trades memory and an invalidation stream per connection for fewer
 *       round trips, which only some workloads want.
 * </ul>
 *
 * <p>Credentials and TLS apply to every node of the cluster: they come from the seed URIs ({@code rediss://} means TLS;
 * all seeds must agree) unless {@link Builder#credentials} sets them explicitly.
 */
public final class ClusterClientOptions {

    /** Default for {@link #commandTimeout()}. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);

    /** Default for {@link #connectTimeout()}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Default for {@link #topologyRefreshPeriod()}. */
    public static final Duration DEFAULT_TOPOLOGY_REFRESH_PERIOD = Duration.ofSeconds(30);

    /** Default for {@link #adaptiveRefreshMinInterval()}. */
    public static final Duration DEFAULT_ADAPTIVE_REFRESH_MIN_INTERVAL = Duration.ofSeconds(1);

    /** Default for {@link #latencyProbeInterval()}. */
    public static final Duration DEFAULT_LATENCY_PROBE_INTERVAL = Duration.ofSeconds(5);

    private final List<SeedUri> seeds;
    private final RedisCredentials credentials;
    private final boolean tls;
    private final ReadFrom readFrom;
    private final Duration commandTimeout;
    private final Duration connectTimeout;
    private final int maxRedirects;
    private final Duration topologyRefreshPeriod;
    private final Duration adaptiveRefreshMinInterval;
    private final Duration latencyProbeInterval;
    private final RetrySettings retry;
    private final boolean replayUnknownOutcomeWrites;
    private final UnaryOperator<NodeAddress> addressMapper;
    private final String clientName;
    private final boolean resp3;
    private final List<ClientEventListener> eventListeners;
    private final RedisCredentials explicitCredentials;
    private final ClientSideCacheOptions clientSideCache;

    private ClusterClientOptions(Builder b) {
        if (b.seeds.isEmpty()) {
            throw new IllegalArgumentException("At least one seed is required, e.g. seeds(\"redis://127.0.0.1:7000\")");
        }
        seeds = List.copyOf(b.seeds);
        tls = seeds.get(0).tls();
        for (SeedUri seed : seeds) {
            if (seed.tls() != tls) {
                throw new IllegalArgumentException(
                        "The seeds mix redis:// and rediss://; TLS applies to the whole cluster: " + seeds);
            }
        }
        explicitCredentials = b.credentials;
        credentials = explicitCredentials != null ? explicitCredentials : credentialsOf(seeds);
        readFrom = b.readFrom;
        commandTimeout = b.commandTimeout;
        connectTimeout = b.connectTimeout;
        maxRedirects = b.maxRedirects;
        topologyRefreshPeriod = b.topologyRefreshPeriod;
        adaptiveRefreshMinInterval = b.adaptiveRefreshMinInterval;
        latencyProbeInterval = b.latencyProbeInterval;
        retry = b.retry;
        replayUnknownOutcomeWrites = b.replayUnknownOutcomeWrites;
        addressMapper = b.addressMapper;
        clientName = b.clientName;
        resp3 = b.resp3;
        eventListeners = List.copyOf(b.eventListeners);
        clientSideCache = b.clientSideCache;
        if (clientSideCache != null && !resp3) {
            throw new IllegalArgumentException(
                    "clientSideCache needs RESP3 (invalidations arrive as RESP3 pushes), but resp3 is off");
        }
    }

    /** Returns a builder holding the defaults and no seeds. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The seeds the client discovers the cluster from, in the order given; never empty. */
    public List<SeedUri> seeds() {
        return seeds;
    }

    /** The credentials every connection authenticates with: explicit, or from the seed URIs; empty for none. */
    public Optional<RedisCredentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /** Whether connections use TLS ({@code rediss://} seeds). */
    public boolean tls() {
        return tls;
    }

    /** Which nodes serve read-only commands. */
    public ReadFrom readFrom() {
        return readFrom;
    }

    /** The time allowed for one request to a node, from sending it until its reply; positive. */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** The time allowed for a connection's TCP connect, TLS and handshake together; positive. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The redirects ({@code MOVED}, {@code ASK}) one command may follow; at least 0. */
    public int maxRedirects() {
        return maxRedirects;
    }

    /** The period of the background topology refresh; {@link Duration#ZERO} when it is off. */
    public Duration topologyRefreshPeriod() {
        return topologyRefreshPeriod;
    }

    /** The least time between two refreshes started by triggers (MOVED, lost connection, uncovered slot). */
    public Duration adaptiveRefreshMinInterval() {
        return adaptiveRefreshMinInterval;
    }

    /**
     * How often, with {@link ReadFrom#NEAREST}, the client measures every node's round-trip time (a {@code PING} on
     * the node's connection, smoothed); unused with the other {@link ReadFrom} settings.
     */
    public Duration latencyProbeInterval() {
        return latencyProbeInterval;
    }

    /** How transient failures are retried. */
    public RetrySettings retry() {
        return retry;
    }

    /**
     * Whether a write whose outcome is unknown (its connection was lost after it was sent) is sent again. Read-only
     * commands are always replayed; blocking commands never.
     */
    public boolean replayUnknownOutcomeWrites() {
        return replayUnknownOutcomeWrites;
    }

    /**
     * Maps the address a node announces (in the topology and in redirects) to the address the client connects to, for
     * NAT, Docker or port forwarding. It is applied to every address the client connects to, seeds included, so it
     * should return addresses it does not know unchanged. The identity by default.
     */
    public UnaryOperator<NodeAddress> addressMapper() {
        return addressMapper;
    }

    /** The name every connection gives itself ({@code CLIENT SETNAME}), if any. */
    public Optional<String> clientName() {
        return Optional.ofNullable(clientName);
    }

    /**
     * Whether connections negotiate RESP3 ({@code HELLO 3}, falling back to RESP2 where refused); {@code false} keeps
     * every connection, subscriber connections included, on RESP2.
     */
    public boolean resp3() {
        return resp3;
    }

    /**
     * Server-assisted client-side caching, if on: replies of cacheable read-only commands are kept and served locally
     * until the node that sent them reports their key changed. Needs RESP3: a node that refuses {@code HELLO 3} fails
     * its connection's handshake instead of falling back to RESP2.
     */
    public Optional<ClientSideCacheOptions> clientSideCache() {
        return Optional.ofNullable(clientSideCache);
    }

    /** The observers of client events, in registration order; empty for none. */
    public List<ClientEventListener> eventListeners() {
        return eventListeners;
    }

    /** Lists the settings; credentials appear only as whether they are set. */
    @Override
    public String toString() {
        return "ClusterClientOptions[seeds=" + seeds + ", credentials=" + credentials + ", tls=" + tls
                + ", readFrom=" + readFrom + ", commandTimeout=" + commandTimeout + ", connectTimeout="
                + connectTimeout + ", maxRedirects=" + maxRedirects + ", topologyRefreshPeriod="
                + topologyRefreshPeriod + ", adaptiveRefreshMinInterval=" + adaptiveRefreshMinInterval
                + ", latencyProbeInterval=" + latencyProbeInterval + ", retry="
                + retry + ", replayUnknownOutcomeWrites=" + replayUnknownOutcomeWrites + ", clientName=" + clientName
                + ", resp3=" + resp3 + ", clientSideCache=" + clientSideCache + ", eventListeners="
                + eventListeners.size() + "]";
    }

    /** The one set of credentials the seeds carry; seeds without user information accept any. */
    private static RedisCredentials credentialsOf(List<SeedUri> seeds) {
        RedisCredentials found = null;
        for (SeedUri seed : seeds) {
            RedisCredentials candidate = seed.credentials().orElse(null);
            if (candidate == null) {
                continue;
            }
            if (found != null && !sameCredentials(found, candidate)) {
                throw new IllegalArgumentException("The seeds carry different credentials; every node of a cluster"
                        + " takes the same ones (or set credentials(...) explicitly)");
            }
            found = found == null ? candidate : found;
        }
        return found;
    }

    private static boolean sameCredentials(RedisCredentials a, RedisCredentials b) {
        char[] passwordA = a.password();
        char[] passwordB = b.password();
        try {
            return a.user().equals(b.user()) && Arrays.equals(passwordA, passwordB);
        } finally {
            Arrays.fill(passwordA, '\0');
            Arrays.fill(passwordB, '\0');
        }
    }

    /**
     * Builds {@link ClusterClientOptions}. Not thread-safe. Setters reject {@code null} unless they say otherwise, and
     * invalid values at once, with a message naming the setting.
     */
    public static final class Builder {
        private final List<SeedUri> seeds = new ArrayList<>();
        private RedisCredentials credentials;
        private ReadFrom readFrom = ReadFrom.PRIMARY;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private int maxRedirects = RedirectPolicy.DEFAULT_MAX_REDIRECTS;
        private Duration topologyRefreshPeriod = DEFAULT_TOPOLOGY_REFRESH_PERIOD;
        private Duration adaptiveRefreshMinInterval = DEFAULT_ADAPTIVE_REFRESH_MIN_INTERVAL;
        private Duration latencyProbeInterval = DEFAULT_LATENCY_PROBE_INTERVAL;
        private RetrySettings retry = RetrySettings.DEFAULT;
        private boolean replayUnknownOutcomeWrites;
        private UnaryOperator<NodeAddress> addressMapper = UnaryOperator.identity();
        private String clientName;
        private boolean resp3 = true;
        private final List<ClientEventListener> eventListeners = new ArrayList<>();
        private ClientSideCacheOptions clientSideCache;

        private Builder() {}

        private Builder(ClusterClientOptions o) {
            seeds.addAll(o.seeds);
            credentials = o.explicitCredentials;
            readFrom = o.readFrom;
            commandTimeout = o.commandTimeout;
            connectTimeout = o.connectTimeout;
            maxRedirects = o.maxRedirects;
            topologyRefreshPeriod = o.topologyRefreshPeriod;
            adaptiveRefreshMinInterval = o.adaptiveRefreshMinInterval;
            latencyProbeInterval = o.latencyProbeInterval;
            retry = o.retry;
            replayUnknownOutcomeWrites = o.replayUnknownOutcomeWrites;
            addressMapper = o.addressMapper;
            clientName = o.clientName;
            resp3 = o.resp3;
            eventListeners.addAll(o.eventListeners);
            clientSideCache = o.clientSideCache;
        }

        /**
         * Replaces the seeds with these URIs ({@link SeedUri#parse}).
         *
         * @param uris at least one {@code redis://} or {@code rediss://} URI
         * @return this builder
         * @throws IllegalArgumentException if a URI is invalid (the message hides its credentials) or none is given
         */
        public Builder seeds(String... uris) {
            return seeds(Arrays.asList(uris));
        }

        /**
         * Replaces the seeds with these URIs ({@link SeedUri#parse}).
         *
         * @param uris at least one {@code redis://} or {@code rediss://} URI
         * @return this builder
         */
        public Builder seeds(List<String> uris) {
            Objects.requireNonNull(uris, "uris");
            if (uris.isEmpty()) {
                throw new IllegalArgumentException("At least one seed is required");
            }
            List<SeedUri> parsed = new ArrayList<>(uris.size());
            for (String uri : uris) {
                parsed.add(SeedUri.parse(uri));
            }
            seeds.clear();
            seeds.addAll(parsed);
            return this;
        }

        /** Sets {@link ClusterClientOptions#credentials()}, overriding the seeds'; {@code null} to use the seeds'. */
        public Builder credentials(RedisCredentials value) {
            credentials = value;
            return this;
        }

        /** Sets {@link ClusterClientOptions#readFrom()}. */
        public Builder readFrom(ReadFrom value) {
            readFrom = Objects.requireNonNull(value, "readFrom");
            return this;
        }

        /** Sets {@link ClusterClientOptions#commandTimeout()}; must be positive. */
        public Builder commandTimeout(Duration value) {
            commandTimeout = DurationChecks.requirePositive(value, "commandTimeout");
            return this;
        }

        /** Sets {@link ClusterClientOptions#connectTimeout()}; must be positive. */
        public Builder connectTimeout(Duration value) {
            connectTimeout = DurationChecks.requirePositive(value, "connectTimeout");
            return this;
        }

        /** Sets {@link ClusterClientOptions#maxRedirects()}; at least 0. */
        public Builder maxRedirects(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxRedirects must be >= 0, got " + value);
            }
            maxRedirects = value;
            return this;
        }

        /** Sets {@link ClusterClientOptions#topologyRefreshPeriod()}; {@link Duration#ZERO} turns it off. */
        public Builder topologyRefreshPeriod(Duration value) {
            topologyRefreshPeriod = DurationChecks.requireNonNegative(value, "topologyRefreshPeriod");
            return this;
        }

        /** Sets {@link ClusterClientOptions#adaptiveRefreshMinInterval()}; zero or positive. */
        public Builder adaptiveRefreshMinInterval(Duration value) {
            adaptiveRefreshMinInterval = DurationChecks.requireNonNegative(value, "adaptiveRefreshMinInterval");
            return this;
        }

        /** Sets {@link ClusterClientOptions#latencyProbeInterval()}; positive. */
        public Builder latencyProbeInterval(Duration value) {
            latencyProbeInterval = DurationChecks.requirePositive(value, "latencyProbeInterval");
            return this;
        }

        /** Sets {@link ClusterClientOptions#retry()}. */
        public Builder retry(RetrySettings value) {
            retry = Objects.requireNonNull(value, "retry");
            return this;
        }

        /** Sets {@link ClusterClientOptions#replayUnknownOutcomeWrites()}. */
        public Builder replayUnknownOutcomeWrites(boolean value) {
            replayUnknownOutcomeWrites = value;
            return this;
        }

        /** Sets {@link ClusterClientOptions#addressMapper()}; it must not return {@code null}. */
        public Builder addressMapper(UnaryOperator<NodeAddress> value) {
            addressMapper = Objects.requireNonNull(value, "addressMapper");
            return this;
        }

        /** Sets {@link ClusterClientOptions#resp3()}. */
        public Builder resp3(boolean value) {
            resp3 = value;
            return this;
        }

        /** Sets {@link ClusterClientOptions#clientName()}; {@code null} for none; printable ASCII without spaces. */
        public Builder clientName(String value) {
            if (value != null && (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || c > '~'))) {
                throw new IllegalArgumentException("clientName must be non-empty printable ASCII without spaces");
            }
            clientName = value;
            return this;
        }

        /**
         * Sets {@link ClusterClientOptions#clientSideCache()}; {@code null} turns caching off (the default).
         * {@link #build()} rejects it together with {@code resp3(false)}.
         */
        public Builder clientSideCache(ClientSideCacheOptions value) {
            clientSideCache = value;
            return this;
        }

        /** Adds an observer of client events ({@link ClusterClientOptions#eventListeners()}). */
        public Builder eventListener(ClientEventListener value) {
            eventListeners.add(Objects.requireNonNull(value, "eventListener"));
            return this;
        }

        /** Removes every observer added so far. */
        public Builder clearEventListeners() {
            eventListeners.clear();
            return this;
        }

        /**
         * Builds the options.
         *
         * @throws IllegalArgumentException if no seed was given, the seeds mix TLS and plain TCP, they carry
         *     different credentials, or client-side caching is on while RESP3 is off
         */
        public ClusterClientOptions build() {
            return new ClusterClientOptions(this);
        }
    }
}
