package io.slotwise.sim.protocol;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/**
 * A stand-in for the command dispatcher, answering synchronously: PING [msg], ECHO msg, HELLO [2|3] (switches the
 * protocol, answers a small map), NULL (a null bulk), QUIT (stops decoding, answers +OK, closes after the reply).
 */
final class EchoCommands extends SimpleChannelInboundHandler<Request> {
    private final RequestDecoder decoder;

    EchoCommands(RequestDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Request request) {
        switch (request.commandName()) {
            case "ping" -> ctx.write(request.argc() > 1 ? Reply.bulk(request.arg(1)) : Reply.simple("PONG"));
            case "echo" -> ctx.write(Reply.bulk(request.arg(1)));
            case "null" -> ctx.write(Reply.nullBulk());
            case "hello" -> {
                if (request.argc() > 1) {
                    (request.argString(1).equals("3") ? RespVersion.RESP3 : RespVersion.RESP2).applyTo(ctx.channel());
                }
                RespVersion version = RespVersion.of(ctx.channel());
                ctx.write(Reply.map(Reply.entry(Reply.bulk("proto"), Reply.integer(version.number()))));
            }
            case "quit" -> {
                decoder.discardRemainingInput();
                ctx.writeAndFlush(Reply.ok()).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            default -> ctx.write(Reply.error("ERR unknown command '" + request.argString(0) + "'"));
        }
        ctx.flush();
    }
}
