package io.slotwise.netty.testing;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One request a {@link FakeRedisServer} received, and the ways to answer it. Replies leave in request order, like
 * Redis's: a reply given to a later request waits until every earlier request of the connection has been answered, so
 * a request that is never answered stalls the connection. {@link #push(String)} and {@link #close()} act at once.
 *
 * <p>Methods may be called from any thread; the work happens on the connection's event loop.
 */
public final class Exchange {

    private final ServerConnection connection;
    private final List<String> args;
    private String reply;

    Exchange(ServerConnection connection, List<String> args) {
        this.connection = connection;
        this.args = List.copyOf(args);
    }

    /** The request's arguments, command name first, decoded as UTF-8. */
    public List<String> args() {
        return args;
    }

    /** The command name, upper-cased. */
    public String name() {
        return args.get(0).toUpperCase(java.util.Locale.ROOT);
    }

    /** The number of the server connection this came in on, from 1, in accept order. */
    public int connectionNumber() {
        return connection.number();
    }

    /**
     * Answers with raw bytes, any RESP (or garbage), once every earlier request of the connection is answered.
     *
     * @param raw the bytes as ISO-8859-1 text, for example {@code "+OK\r\n"}
     */
    public void reply(String raw) {
        connection.onLoop(() -> {
            reply = raw;
            connection.flushReady();
        });
    }

    /** Answers with {@link #reply(String)} after a delay. */
    public void replyAfter(Duration delay, String raw) {
        channel().eventLoop().schedule(() -> reply(raw), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Writes raw bytes at once, ahead of any held reply: for RESP3 pushes ({@code >...}). */
    public void push(String raw) {
        connection.onLoop(() -> channel().writeAndFlush(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1)));
    }

    /** Closes the connection at once, unanswered requests included. */
    public void close() {
        channel().close();
    }

    /** Formats a RESP bulk string. */
    public static String bulk(String value) {
        return "$" + value.getBytes(StandardCharsets.UTF_8).length + "\r\n" + value + "\r\n";
    }

    String takeReply() {
        String taken = reply;
        reply = null;
        return taken;
    }

    private Channel channel() {
        return connection.channel();
    }
}
