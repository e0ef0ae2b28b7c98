package io.slotwise.netty.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slotwise.resp.RespValue;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which pushes tell that a node dropped a shard channel (and so make the engine re-place it). */
class ShardSubscriptionsTest {

    @Test
    void aSunsubscribePushNamesTheDroppedShardChannel() {
        RespValue.Push push =
                new RespValue.Push("sunsubscribe", List.of(RespValue.Bulk.of("{t}ch"), new RespValue.Int(0)));

        assertEquals(new ChannelName(RespValue.Bulk.of("{t}ch").bytes()), ShardSubscriptions.unsubscribedChannel(push));
    }

    static Stream<Arguments> otherPushes() {
        return Stream.of(
                Arguments.of(
                        "classic unsubscribe",
                        new RespValue.Push("unsubscribe", List.of(RespValue.Bulk.of("ch"), new RespValue.Int(0)))),
                Arguments.of(
                        "shard message",
                        new RespValue.Push("smessage", List.of(RespValue.Bulk.of("ch"), RespValue.Bulk.of("hi")))),
                Arguments.of("sunsubscribe without data", new RespValue.Push("sunsubscribe", List.of())),
                Arguments.of(
                        "sunsubscribe of no channel",
                        new RespValue.Push("sunsubscribe", List.of(RespValue.Null.INSTANCE, new RespValue.Int(0)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherPushes")
    void otherPushesDropNothing(String label, RespValue.Push push) {
        assertNull(ShardSubscriptions.unsubscribedChannel(push));
    }
}
