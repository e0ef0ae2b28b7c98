package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.slotwise.RedisConnectionException;
import io.slotwise.netty.resp.RespDecoder;
import io.slotwise.netty.resp.RespEncoder;
import io.slotwise.netty.testing.LeakCheckExtension;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespProtocolException;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Matching on a subscriber connection when a node drops a shard channel on its own (it lost the slot) while the
 * user's {@code SUNSUBSCRIBE} of it is in flight. Frames are the ones Redis 7.0.15 sends: the node's own {@code
 * sunsubscribe x 0}, then its real answer to the command ({@code -CLUSTERDOWN Hash slot not served} after DELSLOTS,
 * {@code -MOVED} after the slot moved, or another {@code sunsubscribe x 0}), then the fence's {@code PONG}.
 */
@ExtendWith(LeakCheckExtension.class)
class InFlightHandlerSubscriberTest {

    private static final NodeAddress NODE = new NodeAddress("127.0.0.1", 7000);
    private static final String RESP3_OWN_SUNSUBSCRIBE = ">3\r\n$12\r\nsunsubscribe\r\n$1\r\nx\r\n:0\r\n";
    private static final String RESP2_OWN_SUNSUBSCRIBE = "*3\r\n$12\r\nsunsubscribe\r\n$1\r\nx\r\n:0\r\n";
    private static final String MOVED = "-MOVED 16287 127.0.0.1:7001\r\n";

    private final List<RespValue.Push> pushes = new CopyOnWriteArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new RespEncoder(), new RespDecoder(), new InFlightHandler(NODE, (node, push) -> pushes.add(push), true));

    @AfterEach
    void finish() {
        releaseOutbound();
        assertFalse(channel.finish(), "no message may be left in the channel");
    }

    @Test
    void lateErrorToASunsubscribeIsNotTakenAsTheNextCommandsReply() throws InterruptedException {
        PendingCommand unsubscribe = write("SUNSUBSCRIBE", "x");
        PendingCommand next = write("GET", "k");

        receive(RESP3_OWN_SUNSUBSCRIBE);
        assertFalse(unsubscribe.isDone(), "the node's own sunsubscribe does not answer the command");
        receive(MOVED + "+PONG\r\n$1\r\nv\r\n");

        assertEquals(new RespValue.Error("MOVED 16287 127.0.0.1:7001"), Awaits.value(unsubscribe.future()));
        assertEquals(RespValue.Bulk.of("v"), Awaits.value(next.future()));
        assertEquals(1, pushes.size(), "the node's sunsubscribe still reaches the listener");
        assertTrue(channel.isActive());
    }

    @Test
    void lateResp2ErrorToASunsubscribeIsNotTakenAsTheNextSubscriptionsAnswer() throws InterruptedException {
        PendingCommand unsubscribe = write("SUNSUBSCRIBE", "x");
        PendingCommand next = write("SSUBSCRIBE", "y");

        receive(RESP2_OWN_SUNSUBSCRIBE + "-CLUSTERDOWN Hash slot not served\r\n+PONG\r\n");
        receive("*3\r\n$10\r\nssubscribe\r\n$1\r\ny\r\n:1\r\n");

        assertEquals(new RespValue.Error("CLUSTERDOWN Hash slot not served"), Awaits.value(unsubscribe.future()));
        assertEquals(confirmation("ssubscribe", "y", 1), Awaits.value(next.future()));
    }

    @Test
    void lateConfirmationOfASunsubscribeIsNotCountedForTheNextSunsubscribe() throws InterruptedException {
        PendingCommand first = write("SUNSUBSCRIBE", "x");
        PendingCommand second = write("SUNSUBSCRIBE", "x");

        receive(RESP3_OWN_SUNSUBSCRIBE + RESP3_OWN_SUNSUBSCRIBE);
        assertFalse(first.isDone());
        receive("+PONG\r\n");
        assertEquals(confirmation("sunsubscribe", "x", 0), Awaits.value(first.future()));
        assertFalse(second.isDone(), "the first command's late confirmation is not the second's");
        receive(MOVED + "+PONG\r\n");

        assertEquals(new RespValue.Error("MOVED 16287 127.0.0.1:7001"), Awaits.value(second.future()));
    }

    @Test
    void sunsubscribeInSubscribeModeCompletesWithItsConfirmationAtTheResp2Pong() throws InterruptedException {
        PendingCommand unsubscribe = write("SUNSUBSCRIBE", "x", "x");

        receive(RESP2_OWN_SUNSUBSCRIBE + RESP2_OWN_SUNSUBSCRIBE + "*2\r\n$4\r\npong\r\n$0\r\n\r\n");

        assertEquals(confirmation("sunsubscribe", "x", 0), Awaits.value(unsubscribe.future()));
        assertTrue(channel.isActive());
    }

    @Test
    void unsubscribeOfEverythingOwnsAllItsConfirmations() throws InterruptedException {
        PendingCommand unsubscribe = write("UNSUBSCRIBE");
        PendingCommand next = write("UNSUBSCRIBE", "b");

        receive(">3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:1\r\n>3\r\n$11\r\nunsubscribe\r\n$1\r\nb\r\n:0\r\n");
        assertFalse(next.isDone(), "b's confirmation answered the unsubscription of everything");
        receive("+PONG\r\n>3\r\n$11\r\nunsubscribe\r\n$1\r\nb\r\n:0\r\n");

        assertEquals(confirmation("unsubscribe", "b", 0), Awaits.value(unsubscribe.future()));
        assertEquals(confirmation("unsubscribe", "b", 0), Awaits.value(next.future()));
    }

    @Test
    void onlyAmbiguousCommandsAreFollowedByAPingFence() {
        write("SSUBSCRIBE", "x");
        write("SUNSUBSCRIBE", "x");
        write("UNSUBSCRIBE", "a");
        write("PUNSUBSCRIBE");

        assertEquals(
                List.of("SSUBSCRIBE x", "SUNSUBSCRIBE x", "PING", "UNSUBSCRIBE a", "PUNSUBSCRIBE", "PING"),
                writtenCommands());
        channel.close();
    }

    @Test
    void fenceReplyBeforeAnyAnswerFailsTheCommandInsteadOfHanging() throws InterruptedException {
        PendingCommand unsubscribe = write("SUNSUBSCRIBE", "x");

        receive("+PONG\r\n");

        RedisConnectionException failure = Awaits.failure(unsubscribe.future(), RedisConnectionException.class);
        assertTrue(failure.getCause() instanceof RespProtocolException, failure.toString());
        assertFalse(channel.isActive());
    }

    private PendingCommand write(String... args) {
        PendingCommand command = new PendingCommand(RawCommand.of(args), 0);
        channel.writeAndFlush(command);
        return command;
    }

    private void receive(String raw) {
        channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.US_ASCII));
    }

    private static RespValue.Push confirmation(String kind, String channel, long count) {
        return new RespValue.Push(kind, List.of(RespValue.Bulk.of(channel), new RespValue.Int(count)));
    }

    /** Decodes what was written, one command per entry, its arguments joined by spaces. */
    private List<String> writtenCommands() {
        StringBuilder wire = new StringBuilder();
        ByteBuf written;
        while ((written = channel.readOutbound()) != null) {
            wire.append(written.toString(StandardCharsets.US_ASCII));
            written.release();
        }
        List<String> commands = new java.util.ArrayList<>();
        String[] lines = wire.toString().split("\r\n");
        int i = 0;
        while (i < lines.length) {
            int count = Integer.parseInt(lines[i++].substring(1));
            StringBuilder command = new StringBuilder();
            for (int a = 0; a < count; a++) {
                i++; // the bulk length
                command.append(a == 0 ? "" : " ").append(lines[i++]);
            }
            commands.add(command.toString());
        }
        return commands;
    }

    private void releaseOutbound() {
        ByteBuf written;
        while ((written = channel.readOutbound()) != null) {
            written.release();
        }
    }
}
