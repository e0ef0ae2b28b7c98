package io.slotwise.netty.testing;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.slotwise.resp.RespValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** One accepted connection of a {@link FakeRedisServer}: turns requests into {@link Exchange}s, replies in order. */
final class ServerConnection extends SimpleChannelInboundHandler<RespValue> {

    private final FakeRedisServer server;
    private final int number;
    private final ArrayDeque<Exchange> unanswered = new ArrayDeque<>();
    private Channel channel;

    ServerConnection(FakeRedisServer server, int number) {
        this.server = server;
        this.number = number;
    }

    int number() {
        return number;
    }

    Channel channel() {
        return channel;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RespValue request) {
        if (!(request instanceof RespValue.Array array)) {
            throw new IllegalStateException("Expected a request array, got " + request);
        }
        List<String> args = new ArrayList<>();
        for (RespValue arg : array.elements()) {
            args.add(((RespValue.Bulk) arg).asString());
        }
        server.record(number, args);
        Exchange exchange = new Exchange(this, args);
        unanswered.add(exchange);
        server.responder().respond(exchange);
    }

    /** Writes the replies that are due, oldest first, stopping at the first unanswered request. */
    void flushReady() {
        boolean wrote = false;
        while (!unanswered.isEmpty()) {
            String reply = unanswered.peek().takeReply();
            if (reply == null) {
                break;
            }
            unanswered.poll();
            channel.write(Unpooled.copiedBuffer(reply, StandardCharsets.ISO_8859_1));
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }

    void onLoop(Runnable task) {
        if (channel.eventLoop().inEventLoop()) {
            task.run();
        } else {
            channel.eventLoop().execute(task);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
