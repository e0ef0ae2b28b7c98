package io.slotwise.sync;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs one blocking call on a named thread of its own and reports how it ended, including the interrupt flag. */
final class CallOnThread {

    /** How the call ended: its value or what it threw, and whether the thread's interrupt flag was set afterwards. */
    record Ending(Object value, Throwable thrown, boolean interruptFlagSet) {}

    private final Thread thread;
    private final CompletableFuture<Ending> ending = new CompletableFuture<>();

    private CallOnThread(String name, Supplier<?> call) {
        thread = new Thread(
                () -> {
                    try {
                        Object value = call.get();
                        ending.complete(
                                new Ending(value, null, Thread.currentThread().isInterrupted()));
                    } catch (Throwable t) {
                        ending.complete(
                                new Ending(null, t, Thread.currentThread().isInterrupted()));
                    }
                },
                name);
        thread.setDaemon(true);
    }

    static CallOnThread start(String name, Supplier<?> call) {
        CallOnThread caller = new CallOnThread(name, call);
        caller.thread.start();
        return caller;
    }

    void interrupt() {
        thread.interrupt();
    }

    /** Waits up to five seconds for the call to end and for its thread to stop. */
    Ending awaitEnding() throws Exception {
        Ending result = ending.get(5, TimeUnit.SECONDS);
        thread.join(TimeUnit.SECONDS.toMillis(5));
        return result;
    }
}
