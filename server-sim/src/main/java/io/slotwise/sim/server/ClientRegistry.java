package io.slotwise.sim.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The client connections of one node, by id in connection order: what CLIENT LIST shows and what closing the node
 * closes. Also owns the node's {@link WatchedKeys}.
 *
 * <p>Threading: used on the node's event loop only.
 */
public final class ClientRegistry {
    private final Map<Long, ClientSession> sessions = new LinkedHashMap<>();
    private final WatchedKeys watchedKeys = new WatchedKeys();
    private final BooleanSupplier passwordRequired;
    private long lastId;

    /**
     * Creates an empty registry.
     *
     * @param passwordRequired whether the node currently requires a password, so that new sessions start
     *     unauthenticated (Redis authenticates new connections only while the default user has no password)
     */
    public ClientRegistry(BooleanSupplier passwordRequired) {
        this.passwordRequired = passwordRequired;
    }

    /**
     * Creates and registers the session of a new connection; it is unregistered when the channel closes.
     *
     * @param channel the accepted connection, registered on the node's event loop
     * @param nowMillis the current time
     * @return the new session
     */
    public ClientSession open(Channel channel, long nowMillis) {
        ClientSession session =
                new ClientSession(++lastId, channel, watchedKeys, nowMillis, !passwordRequired.getAsBoolean());
        sessions.put(session.id(), session);
        channel.closeFuture().addListener(f -> {
            session.unwatchAll();
            sessions.remove(session.id());
        });
        return session;
    }

    /**
     * Finds a session by id.
     *
     * @param id the client id
     * @return the session, or empty if no open connection has that id
     */
    public Optional<ClientSession> find(long id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** Returns the open sessions in connection order, as an unmodifiable view. */
    public Collection<ClientSession> sessions() {
        return Collections.unmodifiableCollection(sessions.values());
    }

    /** Returns the number of open connections. */
    public int size() {
        return sessions.size();
    }

    /** Returns the keys the node's clients watch. */
    public WatchedKeys watchedKeys() {
        return watchedKeys;
    }

    /**
     * Closes every connection at once; each session is unregistered as its channel closes.
     *
     * @return one future per connection, completed when it is closed
     */
    public List<ChannelFuture> closeAll() {
        List<ChannelFuture> closed = new ArrayList<>();
        new ArrayList<>(sessions.values()).forEach(session -> closed.add(session.close()));
        return closed;
    }
}
