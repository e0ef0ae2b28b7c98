package io.slotwise.sim.tracking;

import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.server.ClientSession;
import io.slotwise.sim.server.ClientTracking;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The tracking state of one client, Redis's {@code CLIENT_TRACKING*} flags: on/off, BCAST with its prefixes, OPTIN or
 * OPTOUT with the one-command CACHING flag, NOLOOP, the redirection and whether it broke. Enabling and disabling keep
 * the node's {@link BroadcastTable} in step. Used on the node's event loop only.
 */
final class SessionTracking implements ClientTracking {
    private final ClientSession session;
    private final BroadcastTable broadcasts;
    private final NavigableSet<Bytes> prefixes = new TreeSet<>();
    private boolean enabled;
    private boolean broadcasting;
    private boolean optIn;
    private boolean optOut;
    private boolean noLoop;
    private boolean caching;
    private boolean redirectBroken;
    private long redirectId;

    SessionTracking(ClientSession session, BroadcastTable broadcasts) {
        this.session = Objects.requireNonNull(session, "session");
        this.broadcasts = Objects.requireNonNull(broadcasts, "broadcasts");
    }

    /** Turns tracking on with {@code options} (already validated), replacing the mode flags, adding any prefixes. */
    void enable(TrackingOptions options) {
        enabled = true;
        redirectBroken = false;
        redirectId = options.redirectId();
        optIn = options.optIn();
        optOut = options.optOut();
        noLoop = options.noLoop();
        broadcasting = options.broadcast();
        if (broadcasting) {
            if (options.prefixes().isEmpty()) {
                subscribe(Bytes.EMPTY);
            }
            options.prefixes().forEach(this::subscribe);
        }
    }

    private void subscribe(Bytes prefix) {
        if (prefixes.add(prefix)) {
            broadcasts.subscribe(prefix, session);
        }
    }

    @Override
    public void disable() {
        for (Bytes prefix : prefixes) {
            broadcasts.unsubscribe(prefix, session);
        }
        prefixes.clear();
        enabled = false;
        broadcasting = false;
        optIn = false;
        optOut = false;
        noLoop = false;
        caching = false;
        redirectBroken = false;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public boolean broadcasting() {
        return broadcasting;
    }

    @Override
    public boolean redirectBroken() {
        return redirectBroken;
    }

    @Override
    public long redirectId() {
        return redirectId;
    }

    void markRedirectBroken() {
        redirectBroken = true;
    }

    boolean optIn() {
        return optIn;
    }

    boolean optOut() {
        return optOut;
    }

    boolean noLoop() {
        return noLoop;
    }

    /** Whether CLIENT CACHING was given for the next command (YES in OPTIN mode, NO in OPTOUT mode). */
    boolean caching() {
        return caching;
    }

    void setCaching(boolean caching) {
        this.caching = caching;
    }

    /** Whether the keys the client's current command reads are to be remembered (Redis's OPTIN/OPTOUT rule). */
    boolean remembersReads() {
        return enabled && !broadcasting && !(optIn && !caching) && !(optOut && caching);
    }

    /** Returns the BCAST prefixes, in byte order. */
    NavigableSet<Bytes> prefixes() {
        return Collections.unmodifiableNavigableSet(prefixes);
    }

    ClientSession session() {
        return session;
    }
}
