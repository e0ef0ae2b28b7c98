package io.slotwise.sim.clustermode;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cached outbound connection from a node to a MIGRATE target. {@link #exchange} writes a batch of commands and
 * collects their replies; batches of concurrent MIGRATEs are pipelined and answered in order. Each reply must arrive
 * within the batch's timeout of the previous one (Redis applies the timeout per read); otherwise the batch fails with
 * {@link TargetExchange.Failure#READ} (or {@link TargetExchange.Failure#WRITE} if its bytes were not even written),
 * and the connection is closed, failing the batches behind it. A connection idle for {@code idleMillis} closes itself.
 * It remembers the database the target last SELECTed, as Redis's cached sockets do.
 *
 * <p>Confined to the event loop the channel is registered on (the node's).
 */
final class MigrateConnection extends SimpleChannelInboundHandler<TargetReply> {
    private static final Logger LOG = LoggerFactory.getLogger(MigrateConnection.class);

    private final long idleMillis;
    private final Deque<Batch> pending = new ArrayDeque<>();
    private Channel channel;
    private ScheduledFuture<?> replyTimer;
    private ScheduledFuture<?> idleTimer;
    private long lastDb = -1;

    /**
     * Creates the handler of a connection not yet made.
     *
     * @param idleMillis how long the connection may stay unused before it closes itself
     */
    MigrateConnection(long idleMillis) {
        this.idleMillis = idleMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.channel = ctx.channel();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        scheduleIdleClose(ctx);
        ctx.fireChannelActive();
    }

    /** Whether the connection is open. */
    boolean isActive() {
        return channel != null && channel.isActive();
    }

    /** Returns the database the target last selected on this connection, -1 if none yet. */
    long lastDb() {
        return lastDb;
    }

    /**
     * Records that the target selected a database.
     *
     * @param db the database
     */
    void setLastDb(long db) {
        this.lastDb = db;
    }

    /**
     * Sends commands and collects their replies. Call on the channel's event loop.
     *
     * @param commands the commands, each a list of arguments
     * @param timeoutMillis the longest wait for each reply
     * @return the replies and the failure that cut them short, if any; completed on the event loop, never
     *     exceptionally
     */
    CompletableFuture<TargetExchange> exchange(List<List<byte[]>> commands, long timeoutMillis) {
        if (!isActive()) {
            return CompletableFuture.completedFuture(TargetExchange.failed(TargetExchange.Failure.WRITE, false));
        }
        if (commands.isEmpty()) {
            return CompletableFuture.completedFuture(new TargetExchange(List.of(), null, false));
        }
        cancel(idleTimer);
        Batch batch = new Batch(commands.size(), timeoutMillis);
        pending.add(batch);
        if (pending.size() == 1) {
            armReplyTimer();
        }
        channel.writeAndFlush(CommandWriter.encode(channel.alloc(), commands)).addListener(written -> {
            if (written.isSuccess()) {
                batch.written = true;
            } else {
                fail(batch, TargetExchange.Failure.WRITE, false);
                channel.close();
            }
        });
        return batch.result;
    }

    /** Closes the connection; pending batches fail. */
    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TargetReply reply) {
        Batch head = pending.peek();
        if (head == null) {
            LOG.warn(
                    "MIGRATE target {} sent a reply nobody asked for; closing",
                    ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        head.replies.add(reply);
        if (head.replies.size() < head.expected) {
            armReplyTimer();
            return;
        }
        pending.poll();
        head.result.complete(new TargetExchange(head.replies, null, false));
        if (pending.isEmpty()) {
            cancel(replyTimer);
            scheduleIdleClose(ctx);
        } else {
            armReplyTimer();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel(replyTimer);
        cancel(idleTimer);
        while (!pending.isEmpty()) {
            Batch batch = pending.poll();
            fail(batch, batch.written ? TargetExchange.Failure.READ : TargetExchange.Failure.WRITE, false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("MIGRATE connection to {} failed", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }

    private void scheduleIdleClose(ChannelHandlerContext ctx) {
        cancel(idleTimer);
        if (!pending.isEmpty()) {
            return;
        }
        idleTimer = ctx.executor().schedule(() -> ctx.close(), idleMillis, TimeUnit.MILLISECONDS);
    }

    private void armReplyTimer() {
        cancel(replyTimer);
        Batch head = pending.peek();
        replyTimer = channel.eventLoop().schedule(() -> timedOut(head), head.timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void timedOut(Batch batch) {
        if (pending.peek() != batch) {
            return;
        }
        pending.poll();
        fail(batch, batch.written ? TargetExchange.Failure.READ : TargetExchange.Failure.WRITE, true);
        channel.close();
    }

    private static void fail(Batch batch, TargetExchange.Failure failure, boolean timedOut) {
        batch.result.complete(new TargetExchange(batch.replies, failure, timedOut));
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** One batch of commands waiting for its replies. */
    private static final class Batch {
        final int expected;
        final long timeoutMillis;
        final List<TargetReply> replies = new ArrayList<>();
        final CompletableFuture<TargetExchange> result = new CompletableFuture<>();
        boolean written;

        Batch(int expected, long timeoutMillis) {
            this.expected = expected;
            this.timeoutMillis = timeoutMillis;
        }
    }
}
