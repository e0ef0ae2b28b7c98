package io.slotwise.sim.tracking;

import io.netty.channel.EventLoop;
import io.slotwise.sim.command.CommandFlag;
import io.slotwise.sim.command.CommandSpec;
import io.slotwise.sim.command.Invocation;
import io.slotwise.sim.command.TrackingHook;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.KeyChange;
import io.slotwise.sim.keyspace.KeyspaceListener;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.server.ClientRegistry;
import io.slotwise.sim.server.ClientSession;
import java.util.List;
import java.util.Set;

/**
 * The client-side caching state of one node and its two inputs: the dispatcher ({@link TrackingHook}: which client
 * runs which command, which keys a tracking client reads) and the keyspace ({@link KeyspaceListener}: every modified,
 * expired or flushed key, the signal that also spoils WATCH).
 *
 * <p>A modified key is forgotten and each client that had read it is told once (unless it has since turned tracking
 * off or switched to BCAST, or it modified the key itself with NOLOOP); a client is told about its own command's
 * changes after that command's reply, as Redis 7.0 queues them ({@code tracking_pending_keys}), so EXEC and scripts
 * answer first. BCAST keys are collected per prefix and delivered by a task on the event loop, after the input being
 * served, as Redis delivers them before it sleeps. A flush invalidates everything: every tracking client gets a null.
 *
 * <p>Reads: after a READONLY command (except EVAL_RO, EVALSHA_RO and FCALL_RO themselves), the keys of that command
 * are remembered for its client if it tracks in the default mode and OPTIN/OPTOUT allow it; for a command a script
 * runs, the script command's own keys are remembered, as Redis 7.0 does. CLIENT CACHING's flag lasts until a request
 * other than a CLIENT subcommand completes outside MULTI.
 *
 * <p>Threading: used on the node's event loop only.
 */
final class ClientSideCaching implements TrackingHook, KeyspaceListener {
    private static final Set<String> NOT_TRACKED_THEMSELVES = Set.of("eval_ro", "evalsha_ro", "fcall_ro");

    private final ClientRegistry clients;
    private final EventLoop loop;
    private final ReadKeyTable reads = new ReadKeyTable();
    private final BroadcastTable broadcasts = new BroadcastTable();
    private final InvalidationSender sender;
    private ClientSession current;
    private boolean broadcastScheduled;

    ClientSideCaching(ClientRegistry clients, EventLoop loop) {
        this.clients = clients;
        this.loop = loop;
        this.sender = new InvalidationSender(clients);
    }

    /** Returns the client's tracking state, or null if it never enabled tracking. */
    SessionTracking stateOf(ClientSession session) {
        return session.tracking() instanceof SessionTracking state ? state : null;
    }

    /** Returns the client's tracking state, creating it (off) on first use; it is disabled when the client closes. */
    SessionTracking attach(ClientSession session) {
        SessionTracking state = stateOf(session);
        if (state == null) {
            SessionTracking created = new SessionTracking(session, broadcasts);
            session.attachTracking(created);
            session.channel().closeFuture().addListener(closed -> created.disable());
            state = created;
        }
        return state;
    }

    @Override
    public void commandStarting(ClientSession session, boolean nested) {
        if (!nested) {
            current = session;
        }
    }

    @Override
    public void commandFinished(Invocation invocation, ClientSession session, Invocation script, boolean nested) {
        rememberReads(invocation, session, script);
        if (!nested) {
            current = null;
        }
    }

    @Override
    public void requestProcessed(ClientSession session, CommandSpec spec) {
        SessionTracking state = stateOf(session);
        if (state != null && state.caching() && !session.inMulti() && !isClientCommand(spec)) {
            state.setCaching(false);
        }
    }

    private static boolean isClientCommand(CommandSpec spec) {
        return spec != null && (spec.name().equals("client") || spec.name().startsWith("client|"));
    }

    private void rememberReads(Invocation invocation, ClientSession session, Invocation script) {
        SessionTracking state = stateOf(session);
        CommandSpec spec = invocation.spec();
        if (state == null
                || !state.remembersReads()
                || !spec.has(CommandFlag.READONLY)
                || NOT_TRACKED_THEMSELVES.contains(spec.name())) {
            return;
        }
        Invocation source = script != null ? script : invocation;
        List<byte[]> args = source.request().args();
        for (int index : source.keyIndexes()) {
            reads.remember(Bytes.of(args.get(index)), session.id());
        }
    }

    @Override
    public void keyChanged(Key key, KeyChange change) {
        Bytes name = Bytes.of(key.toByteArray());
        if (broadcasts.keyModified(name, current) && !broadcastScheduled) {
            broadcastScheduled = true;
            loop.execute(this::deliverBroadcasts);
        }
        Set<Long> readers = reads.take(name);
        if (readers == null) {
            return;
        }
        Reply payload = Reply.array(Reply.bulk(name.toByteArray()));
        for (long id : readers) {
            ClientSession reader = clients.find(id).orElse(null);
            SessionTracking state = reader == null ? null : stateOf(reader);
            if (state == null || !state.enabled() || state.broadcasting() || (state.noLoop() && reader == current)) {
                continue;
            }
            sendOrDefer(state, payload);
        }
    }

    @Override
    public void keyspaceFlushed(Set<Key> removedKeys) {
        reads.clear();
        Reply payload = Reply.nullBulk();
        for (ClientSession session : List.copyOf(clients.sessions())) {
            SessionTracking state = stateOf(session);
            if (state != null && state.enabled()) {
                sendOrDefer(state, payload);
            }
        }
    }

    /** Sends at once, or after the reply if the client's own command is running. */
    private void sendOrDefer(SessionTracking state, Reply payload) {
        ClientSession session = state.session();
        if (session == current) {
            session.runAfterReply(() -> sender.send(state, payload));
        } else {
            sender.send(state, payload);
        }
    }

    private void deliverBroadcasts() {
        broadcastScheduled = false;
        for (BroadcastTable.Delivery delivery : broadcasts.drain(this::noLoop)) {
            SessionTracking state = stateOf(delivery.client());
            if (state != null && state.enabled()) {
                Reply[] keys = delivery.keys().stream()
                        .map(key -> Reply.bulk(key.toByteArray()))
                        .toArray(Reply[]::new);
                sender.send(state, Reply.array(keys));
            }
        }
    }

    private boolean noLoop(ClientSession session) {
        SessionTracking state = stateOf(session);
        return state != null && state.noLoop();
    }
}
