package io.slotwise.netty.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waits for asynchronous outcomes in cluster tests; never a fixed sleep. */
public final class Await {

    /** The longest any wait lasts before the test fails. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Await() {}

    /** Returns the value of a stage that must succeed. */
    public static <T> T value(CompletionStage<T> stage) throws InterruptedException {
        try {
            return stage.toCompletableFuture().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("expected a value, got a failure: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the stage did not complete within " + PATIENCE);
        }
    }

    /** Returns the failure of a stage that must fail with {@code type}. */
    public static <E extends Throwable> E failure(CompletionStage<?> stage, Class<E> type) throws InterruptedException {
        try {
            Object value = stage.toCompletableFuture().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return fail("expected " + type.getSimpleName() + ", got the value " + value);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            assertTrue(type.isInstance(cause), () -> "expected " + type.getSimpleName() + ", got " + cause);
            return type.cast(cause);
        } catch (TimeoutException e) {
            return fail("the stage did not complete within " + PATIENCE);
        }
    }

    /** Polls until the condition holds, failing after {@link #PATIENCE}. */
    public static void until(BooleanSupplier condition, Supplier<String> description) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + description.get());
            }
            Thread.sleep(5);
        }
    }
}
