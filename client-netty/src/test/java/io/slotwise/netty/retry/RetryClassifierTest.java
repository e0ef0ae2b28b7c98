package io.slotwise.netty.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedirectLimitExceededException;
import io.slotwise.RedisCommandException;
import io.slotwise.RedisConnectionException;
import io.slotwise.RedisException;
import io.slotwise.RedisTimeoutException;
import io.slotwise.UncoveredSlotException;
import io.slotwise.command.Command;
import io.slotwise.command.CommandTrait;
import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryClassifierTest {

    private static final Command<?> READ = Command.builder("GET")
            .key(new byte[] {'k'})
            .traits(CommandTrait.READ_ONLY)
            .build();
    private static final Command<?> WRITE =
            Command.builder("SET").key(new byte[] {'k'}).arg("v").build();
    private static final Command<?> BLOCKING_READ = Command.builder("BLPOP")
            .key(new byte[] {'k'})
            .arg(1)
            .traits(CommandTrait.READ_ONLY)
            .blocking(Duration.ofSeconds(1))
            .build();

    private static final RuntimeException NOT_SENT = new RedisConnectionException("refused", null, false);
    private static final RuntimeException UNKNOWN = new RedisConnectionException("lost after write", null, true);

    static Stream<Arguments> table() {
        return Stream.of(
                // failure, command, replay writes, retried?
                Arguments.of(new RedisCommandException("SET", "TRYAGAIN later"), WRITE, false, true),
                Arguments.of(new RedisCommandException("SET", "CLUSTERDOWN down"), WRITE, false, true),
                Arguments.of(new RedisCommandException("GET", "LOADING loading"), READ, false, true),
                Arguments.of(new RedisCommandException("GET", "MASTERDOWN down"), READ, false, true),
                Arguments.of(new RedisCommandException("GET", "WRONGTYPE wrong"), READ, false, false),
                Arguments.of(new RedisCommandException("SET", "ERR syntax"), WRITE, true, false),
                Arguments.of(new UncoveredSlotException("GET", 7), READ, false, true),
                Arguments.of(NOT_SENT, WRITE, false, true),
                Arguments.of(NOT_SENT, BLOCKING_READ, false, true),
                Arguments.of(UNKNOWN, READ, false, true),
                Arguments.of(UNKNOWN, WRITE, false, false),
                Arguments.of(UNKNOWN, WRITE, true, true),
                Arguments.of(UNKNOWN, BLOCKING_READ, true, false),
                Arguments.of(new RedisTimeoutException("timed out", true), READ, true, false),
                Arguments.of(new RedisTimeoutException("timed out before sending", false), READ, true, false),
                Arguments.of(
                        new RedirectLimitExceededException(1, List.of(new NodeAddress("127.0.0.1", 7000)), 5),
                        READ,
                        true,
                        false),
                Arguments.of(new RedisException("The client is closed"), READ, true, false),
                Arguments.of(new CompletionException(NOT_SENT), WRITE, false, true));
    }

    @ParameterizedTest
    @MethodSource("table")
    void decidesWhichFailuresAreRetried(Throwable failure, Command<?> command, boolean replayWrites, boolean retried) {
        assertEquals(retried, new RetryClassifier(replayWrites).isRetryable(command, failure));
    }

    @Test
    void anUnknownOutcomeWriteIsExplainedToTheCaller() {
        Throwable explained = new RetryClassifier(false).explain(WRITE, new CompletionException(UNKNOWN));

        RedisConnectionException failure = (RedisConnectionException) explained;
        assertTrue(failure.mayHaveExecuted());
        assertTrue(
                failure.getMessage().startsWith("Command SET may or may not have been applied"), failure.getMessage());
        assertSame(UNKNOWN, failure.getCause());
    }

    @Test
    void otherFailuresReachTheCallerUnwrappedAndUnchanged() {
        RetryClassifier classifier = new RetryClassifier(false);

        assertSame(NOT_SENT, classifier.explain(WRITE, new CompletionException(NOT_SENT)));
        assertSame(UNKNOWN, classifier.explain(READ, UNKNOWN));
    }
}
