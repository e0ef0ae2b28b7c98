package io.slotwise.sim.replication;

import io.netty.channel.EventLoop;
import io.slotwise.sim.command.Invocation;
import io.slotwise.sim.command.PropagationHook;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.KeyChange;
import io.slotwise.sim.keyspace.KeyspaceListener;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.server.ClientSession;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

/**
 * Turns what a master executes into its replication stream, in execution order. It watches both the commands (through
 * the dispatcher's {@link PropagationHook}) and the keyspace (as a {@link KeyspaceListener}):
 *
 * <ul>
 *   <li>a command that changed something is propagated as {@link PropagationRules} says, or else as the resulting
 *       state of every key it changed (always exact, also for a command that failed half way);
 *   <li>a key that expires, lazily inside a command or by active expiry, is propagated as {@code DEL} right away (so
 *       before the command that noticed it);
 *   <li>keys changed while serving a blocked client are propagated by their resulting state after the command that
 *       was running then (a push), because the serving may have happened before or after that command's own change;
 *   <li>changes made outside any command (active expiry, serving blocked clients from a timer task, a MIGRATE that
 *       completed, cluster code) are collected and propagated before the next command or at the end of the task.
 * </ul>
 *
 * Everything one top-level command produces (EXEC's commands, expiries, served clients) is sent as one batch,
 * wrapped in MULTI/EXEC when it has more than one command, and the offset after it is remembered for the client
 * (WAIT). Nothing is recorded while the node is not an active master (see the {@code active} supplier).
 *
 * <p>Confined to the node's event loop. Never throws into the dispatcher or the keyspace.
 */
final class Propagator implements PropagationHook, KeyspaceListener {
    private static final List<byte[]> MULTI = RespCommands.command("MULTI");
    private static final List<byte[]> EXEC = RespCommands.command("EXEC");

    private final KeyStates keys;
    private final WriteStream stream;
    private final BooleanSupplier active;
    private final EventLoop loop;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final List<List<byte[]>> batch = new ArrayList<>();
    private final List<Object> outside = new ArrayList<>();
    private final Map<ClientSession, Long> lastWriteOffsets = new WeakHashMap<>();
    private boolean outsideFlushQueued;
    private int sideEffects;

    /**
     * @param keys reads the keyspace's keys
     * @param stream the master's stream
     * @param active whether the node is a master with a backlog (has or had replicas)
     * @param loop the node's event loop, for the flush of changes made outside commands
     */
    Propagator(KeyStates keys, WriteStream stream, BooleanSupplier active, EventLoop loop) {
        this.keys = keys;
        this.stream = stream;
        this.active = active;
        this.loop = loop;
    }

    /** Returns the offset after the last write of a client's commands (WAIT's target), 0 if none. */
    long lastWriteOffset(ClientSession session) {
        return lastWriteOffsets.getOrDefault(session, 0L);
    }

    @Override
    public void commandStarting(Invocation invocation, ClientSession session) {
        if (frames.isEmpty()) {
            flushOutside();
        }
        frames.push(new Frame(invocation));
    }

    @Override
    public void commandFinished(Invocation invocation, ClientSession session, Reply reply) {
        Frame frame = frames.poll();
        if (frame == null) {
            return;
        }
        if (active.getAsBoolean()) {
            batch.addAll(frame.propagation(reply, keys));
        }
        if (frames.isEmpty()) {
            long offset = emit(batch);
            batch.clear();
            if (offset >= 0) {
                lastWriteOffsets.put(session, offset);
            }
        }
    }

    @Override
    public void sideEffectsStarting() {
        sideEffects++;
    }

    @Override
    public void sideEffectsFinished() {
        sideEffects--;
    }

    @Override
    public void keyChanged(Key key, KeyChange change) {
        if (!active.getAsBoolean() || keys.reading()) {
            return;
        }
        Frame frame = frames.peek();
        if (change == KeyChange.EXPIRED) {
            List<byte[]> del = RespCommands.command("DEL", key.toByteArray());
            if (frame == null) {
                addOutside(del);
            } else {
                batch.add(del);
            }
        } else if (frame == null) {
            addOutside(key);
        } else if (sideEffects > 0) {
            frame.served.add(key);
        } else {
            frame.touched.add(key);
        }
    }

    @Override
    public void keyspaceFlushed(Set<Key> removedKeys) {
        if (!active.getAsBoolean() || keys.reading()) {
            return;
        }
        Frame frame = frames.peek();
        if (frame == null) {
            addOutside(Frame.FLUSHALL);
        } else if (sideEffects > 0) {
            batch.add(Frame.FLUSHALL);
        } else {
            frame.flushed = true;
            frame.touched.clear();
        }
    }

    /** Propagates the changes made outside commands so far; call before taking a snapshot or changing role. */
    void flushOutside() {
        if (outside.isEmpty()) {
            return;
        }
        List<Object> pending = new ArrayList<>(outside);
        outside.clear();
        if (!active.getAsBoolean()) {
            return;
        }
        List<List<byte[]>> commands = new ArrayList<>(pending.size());
        for (Object change : pending) {
            commands.add(change instanceof Key key ? keys.stateOf(key) : castCommand(change));
        }
        stream.feed(commands);
    }

    @SuppressWarnings("unchecked")
    private static List<byte[]> castCommand(Object change) {
        return (List<byte[]>) change;
    }

    private void addOutside(Object change) {
        outside.add(change);
        if (!outsideFlushQueued) {
            outsideFlushQueued = true;
            try {
                loop.execute(() -> {
                    outsideFlushQueued = false;
                    if (frames.isEmpty()) {
                        flushOutside();
                    }
                });
            } catch (RejectedExecutionException e) {
                outsideFlushQueued = false; // the node is closing: nobody is left to replicate to
            }
        }
    }

    /** Sends a top-level command's batch; returns the offset after it, or -1 if there was nothing to send. */
    private long emit(List<List<byte[]>> commands) {
        if (commands.isEmpty() || !active.getAsBoolean()) {
            return -1;
        }
        if (commands.size() == 1) {
            return stream.feed(commands);
        }
        List<List<byte[]>> wrapped = new ArrayList<>(commands.size() + 2);
        wrapped.add(MULTI);
        wrapped.addAll(commands);
        wrapped.add(EXEC);
        return stream.feed(wrapped);
    }
}
