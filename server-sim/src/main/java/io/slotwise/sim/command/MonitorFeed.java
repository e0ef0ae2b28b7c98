package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.server.ClientSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's MONITOR clients and what they are sent: after every executed command that is neither an admin command
 * nor flagged {@code skip_monitor}, a status line {@code +<seconds>.<microseconds> [0 <ip:port>] "arg" ...} with the
 * arguments quoted as Redis's {@code sdscatrepr} quotes them and passwords {@linkplain ArgumentRedaction redacted}.
 * Commands rejected before execution (unknown, wrong arity, NOAUTH) are not shown, as in Redis 7.0.
 *
 * <p>Threading: used on the node's event loop only; every connection of a node lives on that loop.
 */
final class MonitorFeed {
    private final List<ClientSession> monitors = new ArrayList<>();

    /**
     * Registers MONITOR: the client becomes a monitor and gets {@code +OK}.
     *
     * @param registry the node's registry
     */
    static void register(CommandRegistry registry) {
        registry.register("monitor", ctx -> {
            ctx.session().controls().setMonitor();
            ctx.activity().monitors.add(ctx.session());
            return Reply.ok();
        });
    }

    /** Adds a monitor; it stays one until it disconnects. */
    void add(ClientSession session) {
        if (!monitors.contains(session)) {
            monitors.add(session);
        }
    }

    /**
     * Shows an executed command to every monitor.
     *
     * @param invocation the command
     * @param from the client that sent it
     */
    void feed(Invocation invocation, ClientSession from) {
        if (monitors.isEmpty()
                || invocation.spec().has(CommandFlag.ADMIN)
                || invocation.spec().has(CommandFlag.SKIP_MONITOR)) {
            return;
        }
        monitors.removeIf(monitor -> !monitor.channel().isActive());
        if (monitors.isEmpty()) {
            return;
        }
        Reply line = Reply.simple(line(Instant.now(), from.remoteAddress(), ArgumentRedaction.redacted(invocation)));
        for (ClientSession monitor : monitors) {
            monitor.channel().writeAndFlush(line, monitor.channel().voidPromise());
        }
    }

    /**
     * Formats one monitor line (without the leading {@code +}).
     *
     * @param time when the command ran
     * @param address the client's {@code ip:port}
     * @param args the arguments, name first
     * @return the line
     */
    static String line(Instant time, String address, List<byte[]> args) {
        StringBuilder line = new StringBuilder();
        line.append(time.getEpochSecond()).append('.');
        String micros = Long.toString(time.getNano() / 1000);
        line.append("0".repeat(6 - micros.length())).append(micros);
        line.append(" [0 ").append(address).append(']');
        for (byte[] arg : args) {
            line.append(' ');
            appendQuoted(line, arg);
        }
        return line.toString();
    }

    /** Appends {@code "text"} with Redis's {@code sdscatrepr} escapes. */
    static void appendQuoted(StringBuilder out, byte[] bytes) {
        out.append('"');
        for (byte b : bytes) {
            int c = b & 0xFF;
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                default -> {
                    if (c >= 0x20 && c < 0x7F) {
                        out.append((char) c);
                    } else {
                        out.append(String.format("\\x%02x", c));
                    }
                }
            }
        }
        out.append('"');
    }
}
