package io.slotwise.sim.server;

import io.slotwise.sim.command.Invocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The MULTI state of one connection: the commands queued so far and whether an error while queuing has doomed the
 * transaction (Redis's CLIENT_DIRTY_EXEC, answered by EXEC with {@code EXECABORT}). Used on the event loop only.
 */
public final class TransactionState {
    private final List<Invocation> queued = new ArrayList<>();
    private boolean aborted;

    TransactionState() {}

    /**
     * Queues a command for EXEC.
     *
     * @param invocation the command
     */
    public void queue(Invocation invocation) {
        queued.add(invocation);
    }

    /** Returns the queued commands in order, as an unmodifiable copy. */
    public List<Invocation> queued() {
        return List.copyOf(queued);
    }

    /** Returns how many commands are queued (CLIENT LIST's {@code multi=}). */
    public int size() {
        return queued.size();
    }

    /** Dooms the transaction: a command was rejected while queuing. */
    public void abort() {
        aborted = true;
    }

    /** Whether a command was rejected while queuing, so EXEC must answer {@code EXECABORT}. */
    public boolean aborted() {
        return aborted;
    }
}
