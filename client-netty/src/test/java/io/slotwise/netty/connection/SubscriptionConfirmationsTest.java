package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a subscription command on a subscriber connection is matched to the confirmations Redis sends for it: one per
 * channel named (duplicates included), of the command's own kind; anything else belongs to someone else.
 */
class SubscriptionConfirmationsTest {

    @Test
    void aSubscribeOfTwoChannelsCompletesOnlyAfterBothConfirmations() {
        SubscriptionConfirmations expected =
                SubscriptionConfirmations.expectedFor(RawCommand.of("SUBSCRIBE", "a", "b"));

        assertTrue(expected.accept(confirmation("subscribe", "b", 1)));
        assertFalse(expected.isComplete());
        assertTrue(expected.accept(confirmation("subscribe", "a", 2)));
        assertTrue(expected.isComplete());
        assertFalse(expected.accept(confirmation("subscribe", "a", 2)), "complete commands accept nothing more");
    }

    @Test
    void aChannelNamedTwiceNeedsTwoConfirmations() {
        SubscriptionConfirmations expected =
                SubscriptionConfirmations.expectedFor(RawCommand.of("SSUBSCRIBE", "x", "x"));

        assertTrue(expected.accept(confirmation("ssubscribe", "x", 1)));
        assertFalse(expected.isComplete());
        assertTrue(expected.accept(confirmation("ssubscribe", "x", 1)));
        assertTrue(expected.isComplete());
    }

    @Test
    void aNodesOwnSunsubscribeOfAnotherChannelIsNotAConfirmation() {
        SubscriptionConfirmations expected =
                SubscriptionConfirmations.expectedFor(RawCommand.of("SUNSUBSCRIBE", "mine"));

        assertFalse(expected.accept(confirmation("sunsubscribe", "moved-away", 0)));
        assertFalse(expected.accept(confirmation("ssubscribe", "mine", 1)), "another kind");
        assertFalse(expected.isComplete());
        assertTrue(expected.accept(confirmation("sunsubscribe", "mine", 0)));
        assertTrue(expected.isComplete());
    }

    @Test
    void anUnsubscribeOfEverythingCompletesOnItsFirstConfirmation() {
        SubscriptionConfirmations expected = SubscriptionConfirmations.expectedFor(RawCommand.of("UNSUBSCRIBE"));

        assertTrue(expected.accept(
                new RespValue.Push("unsubscribe", List.of(RespValue.Null.INSTANCE, new RespValue.Int(0)))));
        assertTrue(expected.isComplete());
    }

    @ParameterizedTest
    @CsvSource({"GET", "HELLO", "PING", "CLIENT", "PUBLISH"})
    void ordinaryCommandsWaitForAnOrdinaryReply(String name) {
        assertNull(SubscriptionConfirmations.expectedFor(RawCommand.of(name, "x")));
    }

    @ParameterizedTest
    @CsvSource({"message,2", "pmessage,3", "smessage,2", "subscribe,2", "psubscribe,2", "sunsubscribe,2"})
    void resp2SubscribeModeArraysAreRecognisedAsPushes(String kind, int dataElements) {
        List<RespValue> elements = new java.util.ArrayList<>();
        elements.add(RespValue.Bulk.of(kind));
        for (int i = 0; i < dataElements; i++) {
            elements.add(RespValue.Bulk.of("d" + i));
        }

        RespValue.Push push = SubscriptionConfirmations.asPush(new RespValue.Array(elements));

        assertEquals(kind, push.kind());
        assertEquals(elements.subList(1, elements.size()), push.data());
    }

    @Test
    void ordinaryArrayRepliesAreNotPushes() {
        assertNull(SubscriptionConfirmations.asPush(new RespValue.Array(List.of(RespValue.Bulk.of("messages")))));
        assertNull(SubscriptionConfirmations.asPush(new RespValue.Array(List.of(new RespValue.Int(1)))));
        assertNull(SubscriptionConfirmations.asPush(new RespValue.Array(List.of())));
        assertNull(SubscriptionConfirmations.asPush(RespValue.Bulk.of("message")));
    }

    private static RespValue.Push confirmation(String kind, String channel, long count) {
        return new RespValue.Push(kind, List.of(RespValue.Bulk.of(channel), new RespValue.Int(count)));
    }
}
