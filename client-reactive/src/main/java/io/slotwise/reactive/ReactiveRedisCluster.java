package io.slotwise.reactive;

import io.slotwise.api.AsyncCommands;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.command.Command;
import io.slotwise.value.ClusterScanCursor;
import io.slotwise.value.ClusterScanPage;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Project Reactor flavour of the client: turns any call of the async API into a lazy {@link Mono} or {@link Flux}.
 * It lists no commands of its own; every command of {@link AsyncCommands} is available through {@link #mono} and
 * {@link #flux}:
 *
 * <pre>{@code
 * ReactiveRedisCluster<String, String> reactive = ReactiveRedisCluster.of(client);
 * Mono<String> name = reactive.mono(c -> c.get("user:{42}:name"));
 * Flux<String> items = reactive.flux(c -> c.lrange("queue", 0, -1));
 * }</pre>
 *
 * <p><b>Laziness.</b> Nothing is built or sent until subscription, and every subscription sends the command again
 * (retry with {@code retryWhen}, share with {@code cache()}). Errors raised while building a command ({@link
 * NullPointerException}, {@link IllegalArgumentException}, {@link io.slotwise.CrossSlotException}) therefore arrive as
 * {@code onError} at subscription, not when the {@code Mono} is assembled.
 *
 * <p><b>Cancellation.</b> Built on {@link Mono#fromCompletionStage(java.util.function.Supplier)}: cancelling the
 * subscription before the reply arrives cancels the command's stage (when it is a {@link java.util.concurrent.Future}, as the client's stages are) and
 * drops the late reply silently. It cannot take
 * back a command already written to a connection: the server may still run it.
 *
 * <p><b>Results and errors.</b> A {@code null} result (a missing key) completes the {@code Mono} empty. A failed
 * command signals {@code onError} with the exception that completed its stage, unwrapped from {@link
 * CompletionException}: the same {@link io.slotwise.RedisException} instance the async API reports.
 *
 * <p><b>Threads.</b> Adds no schedulers and creates no threads: signals arrive on the thread that completes the stage,
 * normally one of the client's I/O event loops. Do not block in operators downstream; move work elsewhere with {@code
 * publishOn(...)} when it may block or take long. Thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ReactiveRedisCluster<K, V> {

    private final AsyncCommands<K, V> commands;

    private ReactiveRedisCluster(AsyncCommands<K, V> commands) {
        this.commands = commands;
    }

    /**
     * Wraps a client.
     *
     * @param commands the async client; never {@code null}
     * @param <K> the key type
     * @param <V> the value type
     * @return the reactive facade
     */
    public static <K, V> ReactiveRedisCluster<K, V> of(AsyncCommands<K, V> commands) {
        return new ReactiveRedisCluster<>(Objects.requireNonNull(commands, "commands"));
    }

    /**
     * Turns an operation of the async API into a lazy {@code Mono}, for example {@code mono(c -> c.get(key))}.
     *
     * @param operation receives the async API and returns the stage of the result; runs on the subscribing thread,
     *     once per subscription
     * @param <T> the result type
     * @return a {@code Mono} of the stage's value, empty when the value is {@code null}
     */
    public <T> Mono<T> mono(Function<? super AsyncCommands<K, V>, ? extends CompletionStage<T>> operation) {
        Objects.requireNonNull(operation, "operation");
        return lazy(() -> operation.apply(commands));
    }

    /**
     * Turns an operation of the async API whose result is a collection into a lazy {@code Flux} of its elements, in
     * the collection's iteration order, for example {@code flux(c -> c.lrange(key, 0, -1))}.
     *
     * <p>A reactive stream cannot carry {@code null}: a collection holding {@code null} elements (such as {@code MGET}
     * with missing keys) fails the {@code Flux} with a {@link NullPointerException} naming the position, before any
     * element is emitted; use {@link #mono} for such replies. A {@code null} collection completes the {@code Flux}
     * empty.
     *
     * @param operation receives the async API and returns the stage of the collection; runs on the subscribing
     *     thread, once per subscription
     * @param <T> the element type
     * @return a {@code Flux} of the collection's elements
     */
    public <T> Flux<T> flux(
            Function<? super AsyncCommands<K, V>, ? extends CompletionStage<? extends Collection<? extends T>>>
                    operation) {
        Objects.requireNonNull(operation, "operation");
        return ReactiveRedisCluster.<Collection<? extends T>>lazy(() -> operation.apply(commands))
                .flatMapIterable(ReactiveRedisCluster::withoutNulls);
    }

    /**
     * Sends a command on each subscription; the same as {@code mono(c -> c.execute(command))}.
     *
     * @param command the command; never {@code null}
     * @param <T> the decoded reply type
     * @return a lazy {@code Mono} of the decoded reply, empty when the decoder returns {@code null}
     */
    public <T> Mono<T> execute(Command<T> command) {
        Objects.requireNonNull(command, "command");
        return mono(c -> c.execute(command));
    }

    /**
     * Streams every key of the cluster-wide scan ({@link io.slotwise.api.ClusterScanCommands}): one page is requested
     * at a time, the next only once the keys of the previous one are demanded, so a slow subscriber holds at most one
     * page. Each key present in its slot for the whole scan is emitted exactly once, even when slots move.
     *
     * @param args {@code MATCH}, {@code COUNT} (keys per page, a hint) and {@code TYPE}; never {@code null}
     * @return a lazy {@code Flux} of the keys, slot by slot; each subscription scans again from the start
     */
    public Flux<K> scan(ScanArgs args) {
        Objects.requireNonNull(args, "args");
        return ReactiveRedisCluster.<ClusterScanPage<K>>lazy(() -> commands.scan(ClusterScanCursor.INITIAL, args))
                .expand(page -> page.isFinished()
                        ? Mono.empty()
                        : ReactiveRedisCluster.<ClusterScanPage<K>>lazy(() -> commands.scan(page.cursor(), args)))
                .concatMapIterable(ClusterScanPage::keys, 1);
    }

    /**
     * Returns the wrapped async client.
     *
     * @return the client, never {@code null}
     */
    public AsyncCommands<K, V> async() {
        return commands;
    }

    /** Names the facade; never command contents. */
    @Override
    public String toString() {
        return "ReactiveRedisCluster";
    }

    private static <T> Mono<T> lazy(Supplier<? extends CompletionStage<? extends T>> send) {
        return Mono.<T>fromCompletionStage(
                        () -> Objects.requireNonNull(send.get(), "the operation returned null instead of a stage"))
                .onErrorMap(CompletionException.class, ReactiveRedisCluster::unwrap);
    }

    private static Throwable unwrap(CompletionException wrapped) {
        Throwable cause = wrapped;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static <T> Collection<? extends T> withoutNulls(Collection<? extends T> elements) {
        int index = 0;
        for (T element : elements) {
            if (element == null) {
                throw new NullPointerException("element " + index + " of " + elements.size()
                        + " in the reply is null, which a Flux cannot carry; use mono(...) for replies with null"
                        + " elements, such as MGET with missing keys");
            }
            index++;
        }
        return elements;
    }
}
