package io.slotwise.netty.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisCommandException;
import io.slotwise.RedisConnectionException;
import io.slotwise.RetrySettings;
import io.slotwise.codec.RedisCodec;
import io.slotwise.command.Command;
import io.slotwise.command.CommandTrait;
import io.slotwise.event.ClientEventListener;
import io.slotwise.resp.RespValue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransientRetryTest {

    private static final Command<RespValue> WRITE =
            Command.builder("SET", RedisCodec.utf8()).key("k").value("v").build();
    private static final Command<RespValue> READ = Command.builder("GET", RedisCodec.utf8())
            .key("k")
            .traits(CommandTrait.READ_ONLY)
            .build();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final List<String> retried = new CopyOnWriteArrayList<>();
    private final ClientEventListener listener = new ClientEventListener() {
        @Override
        public void retried(String command, int attempt, Throwable cause) {
            retried.add(command + "#" + attempt + ":" + cause.getMessage());
        }
    };
    private final TransientRetry retry = new TransientRetry(
            new RetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(5)),
            new RetryClassifier(false),
            scheduler,
            closing::get,
            listener);

    @AfterEach
    void stopScheduler() throws InterruptedException {
        scheduler.shutdownNow();
        assertTrue(scheduler.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void aFirstAttemptThatSucceedsRunsOnceWithoutRetryEvents() {
        AtomicInteger calls = new AtomicInteger();
        String value = join(retry.run(READ, n -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture("v" + n);
        }));
        assertEquals("v1", value);
        assertEquals(1, calls.get());
        assertEquals(List.of(), retried);
    }

    @Test
    void aTransientFailureIsRetriedWithTheAttemptNumberAndTheLastCause() {
        IntFunction<CompletionStage<String>> attempts = n -> n < 3
                ? CompletableFuture.failedFuture(new RedisCommandException("GET", "TRYAGAIN try " + n))
                : CompletableFuture.completedFuture("v" + n);
        assertEquals("v3", join(retry.run(READ, attempts)));
        assertEquals(List.of("GET#2:TRYAGAIN try 1", "GET#3:TRYAGAIN try 2"), retried);
    }

    @Test
    void aFirstAttemptThatThrowsCountsAsAFailedAttempt() {
        AtomicInteger calls = new AtomicInteger();
        String value = join(retry.run(READ, n -> {
            if (calls.incrementAndGet() == 1) {
                throw new RedisConnectionException("not sent", null, false);
            }
            return CompletableFuture.completedFuture("v" + n);
        }));
        assertEquals("v2", value);
        assertEquals(List.of("GET#2:not sent"), retried);
    }

    @Test
    void aFailureThatIsNotTransientEndsAtOnceUnwrapped() {
        RedisCommandException wrongType = new RedisCommandException("GET", "WRONGTYPE no");
        AtomicInteger calls = new AtomicInteger();
        Throwable failure = failureOf(retry.run(READ, n -> {
            calls.incrementAndGet();
            return CompletableFuture.<String>failedFuture(wrongType)
                    .thenApply(v -> v); // arrives wrapped in a CompletionException
        }));
        assertSame(wrongType, failure);
        assertEquals(1, calls.get());
        assertEquals(List.of(), retried);
    }

    @Test
    void retriesStopAfterTheLastAttemptWithItsFailure() {
        AtomicInteger calls = new AtomicInteger();
        Throwable failure = failureOf(retry.run(READ, n -> {
            calls.incrementAndGet();
            return CompletableFuture.failedFuture(new RedisCommandException("GET", "CLUSTERDOWN try " + n));
        }));
        assertEquals("CLUSTERDOWN try 3", failure.getMessage());
        assertEquals(3, calls.get());
    }

    @Test
    void aWriteLostInFlightIsNotReplayedAndSaysItMayHaveBeenApplied() {
        AtomicInteger calls = new AtomicInteger();
        Throwable failure = failureOf(retry.run(WRITE, n -> {
            calls.incrementAndGet();
            return CompletableFuture.failedFuture(new RedisConnectionException("lost", null, true));
        }));
        RedisConnectionException explained = assertInstanceOf(RedisConnectionException.class, failure);
        assertTrue(explained.mayHaveExecuted());
        assertTrue(explained.getMessage().contains("may or may not have been applied"), explained.getMessage());
        assertEquals(1, calls.get());
    }

    @Test
    void nothingIsRetriedOnceTheClientIsClosing() {
        closing.set(true);
        AtomicInteger calls = new AtomicInteger();
        Throwable failure = failureOf(retry.run(READ, n -> {
            calls.incrementAndGet();
            return CompletableFuture.failedFuture(new RedisCommandException("GET", "TRYAGAIN"));
        }));
        assertEquals("TRYAGAIN", failure.getMessage());
        assertEquals(1, calls.get());
    }

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static Throwable failureOf(CompletionStage<?> stage) {
        try {
            join(stage);
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("the stage succeeded");
    }
}
