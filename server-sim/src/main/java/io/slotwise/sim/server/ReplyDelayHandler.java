package io.slotwise.sim.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The outbound handler nearest to a client socket: while {@link ClientFaults} asks for latency, it holds each written
 * message back by that latency before passing it on (and flushing), never letting a later message overtake an earlier
 * one. Without latency and with nothing held, writes and flushes pass straight through. Messages still held when the
 * channel goes away are released and their promises failed.
 *
 * <p>One instance per channel, used on its event loop only.
 */
final class ReplyDelayHandler extends ChannelOutboundHandlerAdapter {

    private final ClientFaults faults;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long lastReleaseNanos;

    /** A message waiting for its release time. */
    private record Held(Object message, ChannelPromise promise, long releaseAtNanos) {}

    ReplyDelayHandler(ClientFaults faults) {
        this.faults = faults;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        long latency = faults.latencyNanos();
        if (latency == 0 && held.isEmpty()) {
            ctx.write(msg, promise);
            return;
        }
        long now = System.nanoTime();
        lastReleaseNanos = Math.max(lastReleaseNanos, now + latency);
        held.add(new Held(msg, promise, lastReleaseNanos));
        ctx.executor().schedule(() -> release(ctx), lastReleaseNanos - now, TimeUnit.NANOSECONDS);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (held.isEmpty()) {
            ctx.flush();
        }
    }

    private void release(ChannelHandlerContext ctx) {
        long now = System.nanoTime();
        boolean wrote = false;
        while (!held.isEmpty() && held.peek().releaseAtNanos() <= now) {
            Held next = held.poll();
            ctx.write(next.message(), next.promise());
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        while (!held.isEmpty()) {
            Held dropped = held.poll();
            ReferenceCountUtil.release(dropped.message());
            if (!dropped.promise().isVoid()) {
                dropped.promise().tryFailure(new ClosedChannelException());
            }
        }
    }
}
