package io.slotwise.sync;

import io.slotwise.RedisException;
import io.slotwise.api.AsyncCommands;
import io.slotwise.command.Command;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The blocking flavour of the client: runs any call of the async API and waits for its result on the caller's thread.
 * It lists no commands of its own; every command of {@link AsyncCommands} is available through {@link #call}:
 *
 * <pre>{@code
 * SyncRedisCluster<String, String> sync = SyncRedisCluster.of(client, SyncOptions.defaults());
 * String value = sync.call(c -> c.get("user:{42}:name"));
 * long removed = sync.call(c -> c.del(List.of("a", "b")));
 * String encoding = sync.execute(Command.builder("OBJECT ENCODING", codec).key(k).decodedBy(ReplyDecoders.text()));
 * }</pre>
 *
 * <p><b>Deadline.</b> Each call waits at most {@link SyncOptions#commandTimeout()} + the longest blocking timeout of
 * the {@code BLOCKING} commands it sent ({@code BLPOP}, ...) + {@link SyncOptions#deadlineMargin()}, counted from the
 * start of the call; a blocking command with timeout zero waits indefinitely. The client's own timeout normally fires
 * first; this deadline is a safety net. Commands an operation sends later, from callbacks of its stages, do not extend
 * the deadline. On a deadline miss or an interruption the stage is left as it is; the async client
 * completes it later with its own outcome, which nobody waits for.
 *
 * <p><b>Failures.</b> A failed command throws the exception that completed its stage, unwrapped from {@link
 * java.util.concurrent.CompletionException} and {@link java.util.concurrent.ExecutionException}: the same instance, so
 * its type ({@link io.slotwise.RedisCommandException}, {@link io.slotwise.RedisConnectionException}, ...), message and
 * fields are exactly what the async API reports. Its stack trace therefore shows where the failure was raised (usually
 * an I/O thread), not this call. A stage cancelled by someone else, or completed with a checked exception, throws a
 * {@link RedisException} with it as the cause. Errors raised while building a command ({@link NullPointerException},
 * {@link IllegalArgumentException}, {@link io.slotwise.CrossSlotException}) are thrown directly by the operation, with
 * nothing sent.
 *
 * <p><b>Threads.</b> Thread-safe; blocks only the calling thread and creates none. Calling from one of the client's
 * I/O threads ({@link SyncOptions#ioThreadCheck()}) throws {@link IllegalStateException} before anything is sent:
 * blocking there would stall every connection that thread serves and could wait for ever for a reply only that thread
 * can read.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class SyncRedisCluster<K, V> {

    private final AsyncCommands<K, V> commands;
    private final SyncOptions options;

    private SyncRedisCluster(AsyncCommands<K, V> commands, SyncOptions options) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Wraps a client with the default options.
     *
     * @param commands the async client; never {@code null}
     * @param <K> the key type
     * @param <V> the value type
     * @return the blocking facade
     */
    public static <K, V> SyncRedisCluster<K, V> of(AsyncCommands<K, V> commands) {
        return new SyncRedisCluster<>(commands, SyncOptions.defaults());
    }

    /**
     * Wraps a client.
     *
     * @param commands the async client; never {@code null}
     * @param options the timeouts and the I/O thread check; set {@link SyncOptions#commandTimeout()} to the client's
     * @param <K> the key type
     * @param <V> the value type
     * @return the blocking facade
     */
    public static <K, V> SyncRedisCluster<K, V> of(AsyncCommands<K, V> commands, SyncOptions options) {
        return new SyncRedisCluster<>(commands, options);
    }

    /**
     * Runs an operation of the async API and waits for its result, for example {@code call(c -> c.get(key))}.
     *
     * @param operation receives the async API and returns the stage to wait for; usually one command method. It runs
     *     on the calling thread
     * @param <T> the result type
     * @return the stage's value; {@code null} where the async API completes with {@code null} (a missing key)
     * @throws IllegalStateException if called on an I/O thread of the client; nothing is sent
     * @throws RedisException the exception that completed the stage (the same instance), a {@link
     *     io.slotwise.RedisTimeoutException} if the deadline passed (the command may still run), or a {@code
     *     RedisException} caused by {@link InterruptedException} if the thread was interrupted while waiting; the
     *     interrupt flag is then set again. A thread already interrupted on entry sends nothing
     * @throws NullPointerException if the operation is {@code null} or returns {@code null}
     */
    public <T> T call(Function<? super AsyncCommands<K, V>, ? extends CompletionStage<T>> operation) {
        Objects.requireNonNull(operation, "operation");
        refuseIoThread();
        if (Thread.currentThread().isInterrupted()) {
            throw new RedisException(
                    "The calling thread was interrupted before the call; nothing was sent", new InterruptedException());
        }
        long start = System.nanoTime();
        ObservedCommands<K, V> observed = new ObservedCommands<>(commands);
        CompletionStage<T> stage = operation.apply(observed);
        Objects.requireNonNull(stage, "the operation returned null instead of a stage");
        return ReplyWait.await(stage, observed, options, start);
    }

    /**
     * Sends a command and waits for its decoded reply; the same as {@code call(c -> c.execute(command))}.
     *
     * @param command the command; never {@code null}
     * @param <T> the decoded reply type
     * @return the decoded reply, possibly {@code null} (per the command's decoder)
     * @throws IllegalStateException if called on an I/O thread of the client; nothing is sent
     * @throws RedisException as {@link #call}
     */
    public <T> T execute(Command<T> command) {
        Objects.requireNonNull(command, "command");
        return call(c -> c.execute(command));
    }

    /**
     * Returns the wrapped async client, to send commands without waiting.
     *
     * @return the client, never {@code null}
     */
    public AsyncCommands<K, V> async() {
        return commands;
    }

    /**
     * Returns the options of this facade.
     *
     * @return the options, never {@code null}
     */
    public SyncOptions options() {
        return options;
    }

    /** Shows the options; never command contents. */
    @Override
    public String toString() {
        return "SyncRedisCluster[" + options + "]";
    }

    private void refuseIoThread() {
        Thread current = Thread.currentThread();
        if (options.ioThreadCheck().test(current)) {
            throw new IllegalStateException("Blocking call on the client's I/O thread '" + current.getName()
                    + "' refused: waiting here would stall every connection this thread serves and could never see"
                    + " the reply, which only this thread can read. From callbacks, use the async API (or the"
                    + " reactive one); otherwise call from an application thread.");
        }
    }
}
