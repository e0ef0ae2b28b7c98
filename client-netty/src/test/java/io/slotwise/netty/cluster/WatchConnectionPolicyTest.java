package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.netty.cluster.WatchConnectionPolicy.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WatchConnectionPolicyTest {

    @ParameterizedTest(name = "failedWithoutReply={0}, changedState={1}, execAnswered={2} -> {3}")
    @CsvSource({
        // a transaction that reached EXEC left nothing watched and no MULTI open
        "false, false, true,  KEEP",
        // ended between WATCH and the block: keys may still be watched
        "false, false, false, UNWATCH_THEN_KEEP",
        // a command without a reply: the connection's state and reply stream are unknown
        "true,  false, true,  CLOSE",
        "true,  false, false, CLOSE",
        // the read phase changed the connection's own state (SELECT, CLIENT, SUBSCRIBE...)
        "false, true,  true,  CLOSE",
        "false, true,  false, CLOSE",
        "true,  true,  false, CLOSE",
    })
    void aConnectionIsReusedOnlyWhenItsStateIsKnownClean(
            boolean failedWithoutReply, boolean changedState, boolean execAnswered, Verdict expected) {
        assertEquals(expected, WatchConnectionPolicy.afterAttempt(failedWithoutReply, changedState, execAnswered));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "GET, false",
        "hget, false",
        "ZRANGE, false",
        "select, true",
        "CLIENT, true",
        "SUBSCRIBE, true",
        "ssubscribe, true",
        "RESET, true",
        "HELLO, true",
        "READWRITE, true",
        "MULTI, true",
    })
    void readPhaseCommandsThatChangeTheConnectionsStateAreRecognisedInAnyCase(String command, boolean changes) {
        assertEquals(changes, WatchConnectionPolicy.changesConnectionState(command));
    }
}
