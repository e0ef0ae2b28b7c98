package io.slotwise.sim.command;

import java.util.List;
import java.util.Optional;

/**
 * Whether a node is loading its dataset, as a Redis node is while it reads its RDB at start-up or a replica while it
 * loads the snapshot of a full sync: a fault a test turns on and off. Meanwhile the node still serves its cluster
 * bus and the commands Redis flags {@code loading} (INFO, HELLO, AUTH, READONLY, MULTI, ...) and refuses every other
 * command with {@value #ERROR} (EXEC whose queue holds such a command: {@code EXECABORT Transaction discarded because
 * of: LOADING ...}). The check sits where Redis's {@code processCommand} makes it: after cluster redirection, the
 * replica write check and the Pub/Sub context check, before the busy-script check and MULTI queueing.
 *
 * <p>Thread-safe: the flag may be set from any thread and is read on the node's event loop.
 */
public final class DatasetLoading {
    /** Redis's {@code shared.loadingerr}, without the leading dash. */
    public static final String ERROR = "LOADING Redis is loading the dataset in memory";

    private volatile boolean loading;

    /** Creates the flag of a node that is not loading. */
    public DatasetLoading() {}

    /**
     * Starts or ends loading.
     *
     * @param value {@code true} to start, {@code false} to end
     */
    public void set(boolean value) {
        this.loading = value;
    }

    /**
     * Tells whether the node is loading.
     *
     * @return {@code true} while loading
     */
    public boolean isLoading() {
        return loading;
    }

    /**
     * Returns the refusal for a command while loading: {@link #ERROR} for a command without the {@code loading} flag,
     * and for EXEC whose queue holds one.
     *
     * @param spec the command
     * @param queued the queued commands when {@code spec} is EXEC inside MULTI, else empty
     * @return the error message, or empty when the command may run (or the node is not loading)
     */
    Optional<String> refusal(CommandSpec spec, List<Invocation> queued) {
        if (!loading) {
            return Optional.empty();
        }
        boolean denied = !spec.has(CommandFlag.LOADING)
                || (spec.name().equals("exec")
                        && queued.stream().anyMatch(q -> !q.spec().has(CommandFlag.LOADING)));
        return denied ? Optional.of(ERROR) : Optional.empty();
    }
}
