package io.slotwise.netty.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotwise.RedisCommandException;
import io.slotwise.RedisConnectionException;
import io.slotwise.RedisException;
import io.slotwise.resp.RespValue;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An unsubscription fails only when the node may still hold the subscription or refused it outright. */
class UnsubscribeOutcomeTest {

    static Stream<Arguments> answersThatCountAsUnsubscribed() {
        return Stream.of(
                Arguments.of(
                        "confirmation",
                        new RespValue.Push("sunsubscribe", List.of(RespValue.Bulk.of("ch"), new RespValue.Int(0))),
                        null),
                Arguments.of("moved", new RespValue.Error("MOVED 3999 127.0.0.1:7001"), null),
                Arguments.of("ask", new RespValue.Error("ASK 3999 127.0.0.1:7001"), null),
                Arguments.of("slot not served", new RespValue.Error("CLUSTERDOWN Hash slot not served"), null),
                Arguments.of(
                        "lost connection",
                        null,
                        new RedisConnectionException("Connection to 127.0.0.1:7000 lost", null, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answersThatCountAsUnsubscribed")
    void answersThatLeaveNoSubscriptionBehindCountAsUnsubscribed(String label, RespValue reply, Throwable failure)
            throws Throwable {
        assertNull(UnsubscribeOutcome.of("SUNSUBSCRIBE", reply, failure));
    }

    @Test
    void aServerErrorThatIsNotARedirectFailsNamingTheCommand() {
        RedisCommandException e = assertThrows(
                RedisCommandException.class,
                () -> UnsubscribeOutcome.of("PUNSUBSCRIBE", new RespValue.Error("ERR something odd"), null));

        assertEquals("PUNSUBSCRIBE", e.command());
        assertEquals("ERR something odd", e.getMessage());
        assertThrows(
                RedisCommandException.class,
                () -> UnsubscribeOutcome.of(
                        "SUNSUBSCRIBE", new RespValue.Error("CLUSTERDOWN The cluster is down"), null),
                "a cluster that is down still holds the subscription");
    }

    @Test
    void aFailureOtherThanALostConnectionIsPassedOnAsIs() {
        RedisException timeout = new RedisException("Command timed out");

        assertSame(
                timeout, assertThrows(RedisException.class, () -> UnsubscribeOutcome.of("UNSUBSCRIBE", null, timeout)));
    }
}
