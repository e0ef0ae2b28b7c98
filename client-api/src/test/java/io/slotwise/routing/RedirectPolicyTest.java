package io.slotwise.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedirectLimitExceededException;
import io.slotwise.topology.NodeAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedirectPolicyTest {

    private static final NodeAddress A = new NodeAddress("127.0.0.1", 7000);
    private static final NodeAddress B = new NodeAddress("127.0.0.1", 7001);

    private final RedirectPolicy policy = new RedirectPolicy(2);

    @Test
    void movedIsFollowedAndExtendsTheTrail() {
        var decision = policy.decide("MOVED 42 127.0.0.1:7001", A, RedirectTrail.startingAt(A));
        var follow = assertInstanceOf(RedirectPolicy.Decision.Follow.class, decision);
        assertEquals(new Redirect.Moved(42, B), follow.redirect());
        assertEquals(List.of(A, B), follow.trail().visited());
    }

    @Test
    void askIsFollowedAsAnAsk() {
        var decision = policy.decide("ASK 42 127.0.0.1:7001", A, RedirectTrail.startingAt(A));
        var follow = assertInstanceOf(RedirectPolicy.Decision.Follow.class, decision);
        assertEquals(new Redirect.Ask(42, B), follow.redirect());
    }

    @Test
    void redirectLoopFailsNamingTheSlotAndEveryNodeVisited() {
        RedirectTrail trail = RedirectTrail.startingAt(A).then(B).then(A);
        var decision = policy.decide("MOVED 42 127.0.0.1:7001", A, trail);
        var fail = assertInstanceOf(RedirectPolicy.Decision.Fail.class, decision);
        var error = assertInstanceOf(RedirectLimitExceededException.class, fail.failure());
        assertEquals(42, error.slot());
        assertEquals(List.of(A, B, A, B), error.visited());
        assertTrue(error.getMessage().contains("slot 42"), error.getMessage());
        assertTrue(
                error.getMessage().contains("127.0.0.1:7000 -> 127.0.0.1:7001 -> 127.0.0.1:7000 -> 127.0.0.1:7001"),
                error.getMessage());
    }

    @Test
    void aZeroBudgetFailsOnTheFirstRedirect() {
        var decision = new RedirectPolicy(0).decide("ASK 1 127.0.0.1:7001", A, RedirectTrail.startingAt(A));
        assertInstanceOf(RedirectPolicy.Decision.Fail.class, decision);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "TRYAGAIN Multiple keys request during rehashing of slot, TRYAGAIN",
        "CLUSTERDOWN The cluster is down, CLUSTERDOWN",
        "CLUSTERDOWN Hash slot not served, CLUSTERDOWN",
        "LOADING Redis is loading the dataset in memory, LOADING",
        "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'., MASTERDOWN"
    })
    void transientErrorsAreRetriedLater(String message, ServerErrorKind kind) {
        var decision = policy.decide(message, A, RedirectTrail.startingAt(A));
        assertEquals(new RedirectPolicy.Decision.RetryLater(kind), decision);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ERR wrong number of arguments for 'get' command, OTHER",
        "WRONGTYPE Operation against a key holding the wrong kind of value, OTHER",
        "CROSSSLOT Keys in request don't hash to the same slot, CROSSSLOT",
        "MOVED garbage, MOVED"
    })
    void otherErrorsGoToTheCaller(String message, ServerErrorKind kind) {
        var decision = policy.decide(message, A, RedirectTrail.startingAt(A));
        assertEquals(new RedirectPolicy.Decision.ReturnError(kind), decision);
    }
}
