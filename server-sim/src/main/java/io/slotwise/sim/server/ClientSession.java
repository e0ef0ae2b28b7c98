package io.slotwise.sim.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.slotwise.sim.protocol.RespVersion;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The state Redis keeps per client connection: id, name, protocol, authentication, the ASKING and READONLY cluster
 * flags, MULTI and WATCH state, Pub/Sub subscriptions, client-side caching state, and what CLIENT LIST reports. Created when a connection is accepted and dropped when
 * it closes.
 *
 * <p>Threading: used on the node's event loop only (the owning connection's loop), so it has no locks.
 */
public final class ClientSession {
    private final long id;
    private final Channel channel;
    private final WatchedKeys watchedKeys;
    private final long createdAtMillis;
    private final Set<ByteBuffer> watched = new HashSet<>();
    private long lastInteractionMillis;
    private String name = "";
    private boolean authenticated;
    private boolean asking;
    private boolean readOnly;
    private TransactionState transaction;
    private boolean watchSpoiled;
    private String lastCommand = "NULL";
    private boolean closeAfterReply;
    private boolean awaitingReply;
    private final ClientControls controls = new ClientControls();
    private ClientSubscriptions subscriptions = ClientSubscriptions.NONE;
    private ClientTracking tracking = ClientTracking.NONE;
    private List<Runnable> afterReply;

    ClientSession(long id, Channel channel, WatchedKeys watchedKeys, long nowMillis, boolean authenticated) {
        this.id = id;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.watchedKeys = Objects.requireNonNull(watchedKeys, "watchedKeys");
        this.createdAtMillis = nowMillis;
        this.lastInteractionMillis = nowMillis;
        this.authenticated = authenticated;
    }

    /**
     * Returns the connection's channel, for replication: after PSYNC a master streams its writes to the replica's
     * connection as RESP it has already encoded ({@link io.netty.buffer.ByteBuf}s, which the pipeline passes through
     * untouched); also used by the node's fault injection. Everything else answers through the dispatcher.
     */
    public Channel channel() {
        return channel;
    }

    /** Returns the client id: unique per node, increasing, starting at 1 (CLIENT ID). */
    public long id() {
        return id;
    }

    /** Returns the name set by CLIENT SETNAME or HELLO SETNAME; empty when none. */
    public String name() {
        return name;
    }

    /**
     * Sets or clears the name; the caller has validated it.
     *
     * @param name the name, empty to clear it
     */
    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Returns the protocol the connection speaks. */
    public RespVersion protocol() {
        return RespVersion.of(channel);
    }

    /**
     * Switches the protocol; every reply written from now on, including the current command's, uses it.
     *
     * @param version the new protocol
     */
    public void switchProtocol(RespVersion version) {
        version.applyTo(channel);
    }

    /** Whether the client may run commands that need authentication. */
    public boolean authenticated() {
        return authenticated;
    }

    /**
     * Records the outcome of AUTH or HELLO AUTH.
     *
     * @param authenticated whether the client is now authenticated
     */
    public void setAuthenticated(boolean authenticated) {
        this.authenticated = authenticated;
    }

    /** Whether the client sent ASKING for its next command (cleared by the dispatcher as Redis clears it). */
    public boolean asking() {
        return asking;
    }

    /**
     * Sets or clears the ASKING flag.
     *
     * @param asking the new value
     */
    public void setAsking(boolean asking) {
        this.asking = asking;
    }

    /** Whether the client sent READONLY: a replica serves it reads of its master's slots. */
    public boolean readOnly() {
        return readOnly;
    }

    /**
     * Sets (READONLY) or clears (READWRITE) the read-only flag.
     *
     * @param readOnly the new value
     */
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /** Whether the client is between MULTI and EXEC/DISCARD. */
    public boolean inMulti() {
        return transaction != null;
    }

    /**
     * Returns the transaction being queued.
     *
     * @return the state of the open transaction
     * @throws IllegalStateException if the client is not in MULTI
     */
    public TransactionState transaction() {
        if (transaction == null) {
            throw new IllegalStateException("not in MULTI");
        }
        return transaction;
    }

    /** Enters MULTI with an empty queue; the caller has checked that MULTI is not nested. */
    public void beginTransaction() {
        transaction = new TransactionState();
    }

    /** Leaves MULTI and forgets every watched key, as EXEC and DISCARD do (Redis's {@code discardTransaction}). */
    public void endTransaction() {
        transaction = null;
        unwatchAll();
    }

    /**
     * Watches a key: a later modification makes EXEC answer a null array.
     *
     * @param key the key; copied
     */
    public void watch(byte[] key) {
        watchedKeys.watch(this, key);
    }

    /** Forgets every watched key and whether one was modified (UNWATCH). */
    public void unwatchAll() {
        watchedKeys.unwatchAll(this);
        watchSpoiled = false;
    }

    /** Whether a watched key was modified since WATCH. */
    public boolean watchSpoiled() {
        return watchSpoiled;
    }

    /** Returns how many keys the client watches. */
    public int watchedKeyCount() {
        return watched.size();
    }

    void spoilWatch() {
        watchSpoiled = true;
    }

    Set<ByteBuffer> watched() {
        return watched;
    }

    /** Returns when the connection was accepted, in milliseconds since the epoch. */
    public long createdAtMillis() {
        return createdAtMillis;
    }

    /** Returns when the client last sent a command, in milliseconds since the epoch. */
    public long lastInteractionMillis() {
        return lastInteractionMillis;
    }

    /**
     * Records a command: its time and name (CLIENT LIST's {@code idle=} and {@code cmd=}).
     *
     * @param nowMillis the current time
     * @param command the command's full name, for example {@code client|list}
     */
    public void recordCommand(long nowMillis, String command) {
        lastInteractionMillis = nowMillis;
        lastCommand = command;
    }

    /** Returns the full name of the last command, {@code NULL} before the first one, as CLIENT LIST shows it. */
    public String lastCommand() {
        return lastCommand;
    }

    /** Returns the client's address as Redis formats it: {@code ip:port}, or {@code [ipv6]:port}. */
    public String remoteAddress() {
        return format(channel.remoteAddress());
    }

    /** Returns the node's address of this connection, formatted like {@link #remoteAddress()}. */
    public String localAddress() {
        return format(channel.localAddress());
    }

    /** Asks for the connection to be closed once the reply to the current command is written (QUIT). */
    public void closeAfterReply() {
        closeAfterReply = true;
    }

    /** Whether the connection closes after the current reply. */
    public boolean closingAfterReply() {
        return closeAfterReply;
    }

    /** Whether the client waits for a command that has not completed yet (CLIENT LIST flag {@code b}). */
    public boolean awaitingReply() {
        return awaitingReply;
    }

    void setAwaitingReply(boolean awaitingReply) {
        this.awaitingReply = awaitingReply;
    }

    /** Returns the connection's administrative state: user, CLIENT REPLY, NO-EVICT, MONITOR. */
    public ClientControls controls() {
        return controls;
    }

    /** Returns the client's Pub/Sub subscriptions; {@link ClientSubscriptions#NONE} until it first subscribes. */
    public ClientSubscriptions subscriptions() {
        return subscriptions;
    }

    /**
     * Attaches the client's Pub/Sub subscriptions (the Pub/Sub package does, on the first subscription).
     *
     * @param subscriptions the client's subscriptions, kept for the session's life
     */
    public void attachSubscriptions(ClientSubscriptions subscriptions) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    }

    /** Returns the client's client-side caching state; {@link ClientTracking#NONE} until it first enables tracking. */
    public ClientTracking tracking() {
        return tracking;
    }

    /**
     * Attaches the client's client-side caching state (the tracking package does, when tracking is first enabled).
     *
     * @param tracking the client's state, kept for the session's life
     */
    public void attachTracking(ClientTracking tracking) {
        this.tracking = Objects.requireNonNull(tracking, "tracking");
    }

    /**
     * Runs {@code action} right after the reply to the client's current command has been written (Redis sends a
     * client's invalidations of keys its own command modified after that command's reply). Actions run in the order
     * they were added; those of a connection that closes after its reply (QUIT) are dropped.
     *
     * @param action what to run, on the event loop; must not throw
     */
    public void runAfterReply(Runnable action) {
        if (afterReply == null) {
            afterReply = new ArrayList<>();
        }
        afterReply.add(Objects.requireNonNull(action, "action"));
    }

    /** Runs and forgets the actions of {@link #runAfterReply}; called once the reply is written. */
    void replyWritten() {
        while (afterReply != null) {
            List<Runnable> actions = afterReply;
            afterReply = null;
            actions.forEach(Runnable::run);
        }
    }

    /**
     * Whether the client is in Redis's subscribed state (any Pub/Sub subscription): on RESP2 it may then only run the
     * Pub/Sub commands, PING, QUIT and RESET, and PING answers {@code ["pong", ""]}.
     */
    public boolean subscribed() {
        return subscriptions.any();
    }

    /**
     * Closes the connection at once, without waiting for pending replies.
     *
     * @return a future completed when the connection is closed
     */
    public ChannelFuture close() {
        return channel.close();
    }

    /**
     * Returns the session to the state of a new connection except for its id and address (RESET): RESP2, no name, no
     * transaction, watched keys, subscriptions or tracking, no ASKING or READONLY, and authenticated only if no password is
     * required.
     *
     * @param passwordRequired whether the node requires a password
     */
    public void reset(boolean passwordRequired) {
        endTransaction();
        subscriptions.dropAll();
        tracking.disable();
        switchProtocol(RespVersion.RESP2);
        name = "";
        asking = false;
        readOnly = false;
        authenticated = !passwordRequired;
        controls.reset();
    }

    private static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() == null
                    ? inet.getHostString()
                    : inet.getAddress().getHostAddress();
            int zone = host.indexOf('%');
            if (zone >= 0) {
                host = host.substring(0, zone);
            }
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    /** Shows the id and address only. */
    @Override
    public String toString() {
        return "ClientSession[id=" + id + ", addr=" + remoteAddress() + "]";
    }
}
