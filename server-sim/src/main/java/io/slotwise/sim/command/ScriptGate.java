package io.slotwise.sim.command;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.slotwise.sim.server.ClientSession;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The script a node is running, as the rest of the node must respect it: a script is atomic, so while it runs nothing
 * else may change or serve the keyspace. The scripting module reports a script's start and end; the dispatcher and the
 * node's timers consult the gate:
 *
 * <ul>
 *   <li>until the script has run {@code busy-reply-threshold} ms, other clients' commands are held, unread as far as
 *       Redis's checks go, and dispatched in arrival order once it ends (or once the threshold passes);
 *   <li>after the threshold the node is <em>busy</em>: a command without the {@code allow_busy} flag is answered
 *       {@link #busyError()} ({@code BUSY ... SCRIPT KILL ...} for EVAL, {@code ... FUNCTION KILL ...} for FCALL);
 *   <li>work that would change the keyspace outside a command (active expiry, serving blocked clients) waits with
 *       {@link #whenIdle} or skips its turn while {@link #running()}.
 * </ul>
 *
 * <p>Confined to the node's event loop.
 */
public final class ScriptGate {
    private static final String BUSY_EVAL =
            "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";
    private static final String BUSY_FUNCTION =
            "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.";

    private final EventLoop loop;
    private final ArrayDeque<Runnable> held = new ArrayDeque<>();
    private final ArrayDeque<Runnable> afterScript = new ArrayDeque<>();
    private ClientSession caller;
    private boolean eval;
    private boolean busy;
    private ScheduledFuture<?> threshold;

    /**
     * Creates the gate of a node.
     *
     * @param loop the node's event loop, which runs the threshold timer
     */
    public ScriptGate(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * A script started.
     *
     * @param caller the client whose EVAL or FCALL runs it
     * @param isEval whether it is an EVAL script (else a function)
     * @param thresholdMillis {@code busy-reply-threshold}: when the node becomes busy
     * @param onBusy run when the threshold passes, before the held commands are answered (logs Redis's warning)
     * @throws IllegalStateException if a script is running already
     */
    public void started(ClientSession caller, boolean isEval, long thresholdMillis, Runnable onBusy) {
        if (this.caller != null) {
            throw new IllegalStateException("a script is running already");
        }
        this.caller = caller;
        this.eval = isEval;
        this.busy = false;
        threshold = loop.schedule(
                () -> {
                    threshold = null;
                    busy = true;
                    onBusy.run();
                    releaseHeld();
                },
                Math.max(0, thresholdMillis),
                TimeUnit.MILLISECONDS);
    }

    /**
     * The script ended (its reply has been handed to its client): what waited for it runs now, the deferred work first
     * (as Redis serves unblocked clients right after the command), then the held commands in arrival order.
     */
    public void finished() {
        caller = null;
        busy = false;
        if (threshold != null) {
            threshold.cancel(false);
            threshold = null;
        }
        while (caller == null && !afterScript.isEmpty()) {
            afterScript.poll().run();
        }
        releaseHeld();
    }

    /** Whether a script is running. */
    public boolean running() {
        return caller != null;
    }

    /** Whether a script has run longer than {@code busy-reply-threshold}: other clients get BUSY. */
    public boolean busy() {
        return busy;
    }

    /** Whether the running script is an EVAL script (not a function); false when none runs. */
    public boolean runningEval() {
        return caller != null && eval;
    }

    /**
     * Runs a task once no script runs: now if none does, else right after the script, before held commands.
     *
     * @param task the task, which may change the keyspace
     */
    public void whenIdle(Runnable task) {
        if (caller == null) {
            task.run();
        } else {
            afterScript.add(task);
        }
    }

    /** Returns the BUSY error for the running script's kind, as Redis words it. */
    public String busyError() {
        return eval ? BUSY_EVAL : BUSY_FUNCTION;
    }

    /** Whether a command of this client must wait: a script runs, the node is not busy yet, it is not the caller. */
    boolean holds(ClientSession session) {
        return caller != null && !busy && session != caller;
    }

    /** Holds a command until the script ends or the node becomes busy; {@code retry} dispatches it again. */
    void hold(Runnable retry) {
        held.add(retry);
    }

    private void releaseHeld() {
        // A released command may start another script: the ones after it are then held again, in order.
        List<Runnable> released = List.copyOf(held);
        held.clear();
        released.forEach(Runnable::run);
    }
}
