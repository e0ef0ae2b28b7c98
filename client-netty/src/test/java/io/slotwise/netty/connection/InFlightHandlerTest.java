package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.slotwise.RedisConnectionException;
import io.slotwise.RedisException;
import io.slotwise.netty.resp.RespDecoder;
import io.slotwise.netty.resp.RespEncoder;
import io.slotwise.netty.testing.LeakCheckExtension;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespCommandArgs;
import io.slotwise.resp.RespProtocolException;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheckExtension.class)
class InFlightHandlerTest {

    private static final NodeAddress NODE = new NodeAddress("127.0.0.1", 7000);

    private final List<RespValue.Push> pushes = new CopyOnWriteArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new RespEncoder(), new RespDecoder(), new InFlightHandler(NODE, (node, push) -> pushes.add(push)));

    @AfterEach
    void finish() {
        releaseOutbound();
        assertFalse(channel.finish(), "no message may be left in the channel");
    }

    @Test
    void repliesCompleteCommandsInWriteOrder() throws InterruptedException {
        PendingCommand first = write("GET", "a");
        PendingCommand second = write("GET", "b");
        PendingCommand third = write("GET", "c");
        receive("$1\r\nA\r\n$1\r\nB\r\n$1\r\nC\r\n");
        assertEquals(RespValue.Bulk.of("A"), Awaits.value(first.future()));
        assertEquals(RespValue.Bulk.of("B"), Awaits.value(second.future()));
        assertEquals(RespValue.Bulk.of("C"), Awaits.value(third.future()));
    }

    @Test
    void errorReplyCompletesTheCommandNormally() throws InterruptedException {
        PendingCommand command = write("GET", "k");
        receive("-MOVED 3999 127.0.0.1:6381\r\n");
        assertEquals(new RespValue.Error("MOVED 3999 127.0.0.1:6381"), Awaits.value(command.future()));
    }

    @Test
    void pushMessagesGoToTheListenerAndCompleteNoCommand() throws InterruptedException {
        PendingCommand command = write("GET", "k");
        receive(">2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\nk\r\n");
        assertFalse(command.isDone());
        receive("$1\r\nv\r\n");
        assertEquals(RespValue.Bulk.of("v"), Awaits.value(command.future()));
        assertEquals(1, pushes.size());
        assertEquals("invalidate", pushes.get(0).kind());
    }

    @Test
    void lateReplyToACompletedCommandIsDiscardedAndTheNextStaysMatched() throws InterruptedException {
        PendingCommand timedOut = write("GET", "slow");
        PendingCommand next = write("GET", "fast");
        timedOut.fail(new RedisException("timed out (simulated)"));
        receive("$4\r\nlate\r\n$2\r\nok\r\n");
        assertEquals(RespValue.Bulk.of("ok"), Awaits.value(next.future()));
        assertTrue(channel.isActive());
    }

    @Test
    void replyWithNoCommandInFlightClosesTheChannel() {
        receive("+OK\r\n");
        assertFalse(channel.isActive());
    }

    @Test
    void malformedReplyFailsEveryCommandInFlightWithTheProtocolErrorAndCloses() throws InterruptedException {
        PendingCommand first = write("GET", "a");
        PendingCommand second = write("GET", "b");
        receive("?garbage\r\n");
        for (PendingCommand command : List.of(first, second)) {
            RedisConnectionException failure = Awaits.failure(command.future(), RedisConnectionException.class);
            assertInstanceOf(RespProtocolException.class, failure.getCause());
            assertTrue(failure.mayHaveExecuted(), "it was written, so its outcome is unknown");
            assertTrue(failure.getMessage().contains("protocol error"), failure.getMessage());
        }
        assertFalse(channel.isActive());
    }

    @Test
    void closingFailsWrittenCommandsAsMayHaveExecuted() throws InterruptedException {
        PendingCommand command = write("INCR", "counter");
        channel.close();
        RedisConnectionException failure = Awaits.failure(command.future(), RedisConnectionException.class);
        assertTrue(failure.mayHaveExecuted());
        assertTrue(failure.getMessage().contains("INCR") && failure.getMessage().contains(NODE.toString()));
        assertFalse(failure.getMessage().contains("counter"), "arguments never appear: " + failure.getMessage());
    }

    @Test
    void closingFailsUnflushedCommandsAsNotSent() throws InterruptedException {
        PendingCommand command = new PendingCommand(RawCommand.of("INCR", "counter"), 0);
        channel.write(command);
        channel.close();
        RedisConnectionException failure = Awaits.failure(command.future(), RedisConnectionException.class);
        assertFalse(failure.mayHaveExecuted(), "its bytes never reached the socket");
    }

    @Test
    void unencodableCommandFailsAloneAndTheStreamStaysInSync() throws InterruptedException {
        RespCommandArgs nullArgument = new RespCommandArgs() {
            @Override
            public int argCount() {
                return 2;
            }

            @Override
            public byte[] arg(int index) {
                return index == 0 ? "GET".getBytes(StandardCharsets.US_ASCII) : null;
            }
        };
        PendingCommand broken = new PendingCommand(nullArgument, 0);
        channel.writeAndFlush(broken);
        PendingCommand next = write("GET", "k");
        receive("$1\r\nv\r\n");
        RedisException failure = Awaits.failure(broken.future(), RedisException.class);
        assertFalse(failure instanceof RedisConnectionException, failure.toString());
        assertTrue(failure.getMessage().contains("could not be encoded"), failure.getMessage());
        assertEquals(RespValue.Bulk.of("v"), Awaits.value(next.future()));
    }

    private PendingCommand write(String... args) {
        PendingCommand command = new PendingCommand(RawCommand.of(args), 0);
        channel.writeAndFlush(command);
        return command;
    }

    private void receive(String raw) {
        channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.US_ASCII));
    }

    private void releaseOutbound() {
        ByteBuf written;
        while ((written = channel.readOutbound()) != null) {
            written.release();
        }
    }
}
