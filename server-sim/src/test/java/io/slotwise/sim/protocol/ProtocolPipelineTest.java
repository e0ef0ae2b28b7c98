package io.slotwise.sim.protocol;

import static io.slotwise.sim.protocol.DecoderHarness.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The codec in a pipeline: bytes in, requests handled, replies out in order; protocol errors close the connection. */
class ProtocolPipelineTest {
    private final List<ByteBuf> inputs = new ArrayList<>();
    private EmbeddedChannel channel;

    @BeforeEach
    void openChannel() {
        RequestDecoder decoder = new RequestDecoder();
        channel =
                new EmbeddedChannel(new ReplyEncoder(), decoder, new ProtocolErrorHandler(), new EchoCommands(decoder));
    }

    @AfterEach
    void everyBufferIsReleased() {
        assertFalse(channel.finishAndReleaseAll(), "messages left in the channel");
        for (ByteBuf input : inputs) {
            assertEquals(0, input.refCnt(), "an input buffer was not released");
        }
    }

    static List<Fragmentation> fragmentations() {
        return Fragmentation.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fragmentations")
    void pipelinedRequestsAreAnsweredInOrder(Fragmentation fragmentation) {
        send("PING\r\n*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\nPING x\r\nNULL\r\n*1\r\n$4\r\nNOPE\r\n", fragmentation);
        assertEquals("+PONG\r\n$2\r\nhi\r\n$1\r\nx\r\n$-1\r\n-ERR unknown command 'NOPE'\r\n", received());
        assertTrue(channel.isOpen());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fragmentations")
    void protocolErrorIsAnsweredAfterEarlierRepliesThenTheConnectionCloses(Fragmentation fragmentation) {
        send("PING\r\n*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\n*1\r\n$x\r\nPING\r\nECHO late\r\n", fragmentation);
        assertEquals("+PONG\r\n$2\r\nhi\r\n-ERR Protocol error: invalid bulk length\r\n", received());
        assertFalse(channel.isOpen());
    }

    @Test
    void unbalancedInlineQuotesCloseTheConnectionWithRedisError() {
        send("ECHO \"abc\r\nPING\r\n", Fragmentation.WHOLE);
        assertEquals("-ERR Protocol error: unbalanced quotes in request\r\n", received());
        assertFalse(channel.isOpen());
    }

    @Test
    void helloSwitchesTheProtocolForItsOwnReplyAndLaterOnes() {
        send("NULL\r\nHELLO 3\r\nNULL\r\nHELLO 2\r\nNULL\r\n", Fragmentation.BYTE_BY_BYTE);
        assertEquals("$-1\r\n%1\r\n$5\r\nproto\r\n:3\r\n_\r\n*2\r\n$5\r\nproto\r\n:2\r\n$-1\r\n", received());
    }

    @Test
    void quitAnswersThenClosesWithoutRunningPipelinedRequests() {
        send("PING\r\nQUIT\r\nPING\r\nECHO x\r\n", Fragmentation.WHOLE);
        assertEquals("+PONG\r\n+OK\r\n", received());
        assertFalse(channel.isOpen());
    }

    private void send(String input, Fragmentation fragmentation) {
        for (byte[] chunk : fragmentation.apply(bytes(input))) {
            if (!channel.isOpen()) {
                break;
            }
            ByteBuf buf = Unpooled.wrappedBuffer(chunk);
            inputs.add(buf);
            channel.writeInbound(buf);
        }
    }

    private String received() {
        StringBuilder out = new StringBuilder();
        for (ByteBuf buf = channel.readOutbound(); buf != null; buf = channel.readOutbound()) {
            out.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        return out.toString();
    }
}
