package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The node's slow log (SLOWLOG GET, LEN, RESET): every executed command whose handler took at least {@code
 * slowlog-log-slower-than} microseconds (negative: none; 0: every command), newest first, at most {@code
 * slowlog-max-len} entries. As in Redis, the time is the command's own execution, not the time it spent blocked, and
 * commands flagged {@code skip_slowlog} (EXEC) are not logged (the commands EXEC runs are). Entries show at most 32
 * arguments of at most 128 bytes each, passwords {@linkplain ArgumentRedaction redacted}.
 *
 * <p>Threading: used on the node's event loop only.
 */
final class SlowLog {
    static final int MAX_ARGS = 32;
    static final int MAX_ARG_BYTES = 128;

    private final ArrayDeque<Reply> entries = new ArrayDeque<>();
    private long nextId;

    /**
     * Logs a command if it was slow enough.
     *
     * @param invocation the command
     * @param address the client's {@code ip:port}
     * @param clientName the client's name, empty if none
     * @param durationMicros how long it took
     * @param slowerThanMicros the configured threshold
     * @param maxLength the configured capacity
     */
    void record(
            Invocation invocation,
            String address,
            String clientName,
            long durationMicros,
            long slowerThanMicros,
            long maxLength) {
        if (slowerThanMicros < 0
                || durationMicros < slowerThanMicros
                || invocation.spec().has(CommandFlag.SKIP_SLOWLOG)) {
            return;
        }
        entries.addFirst(Reply.array(
                Reply.integer(nextId++),
                Reply.integer(System.currentTimeMillis() / 1000),
                Reply.integer(durationMicros),
                new Reply.Array(shownArguments(ArgumentRedaction.redacted(invocation))),
                Reply.bulk(address),
                Reply.bulk(clientName)));
        trim(maxLength);
    }

    /** Drops the oldest entries beyond {@code maxLength}. */
    void trim(long maxLength) {
        while (entries.size() > Math.max(0, maxLength)) {
            entries.removeLast();
        }
    }

    /** Returns the newest {@code count} entries, all when {@code count} is -1. */
    Reply newest(long count) {
        List<Reply> shown = new ArrayList<>();
        Iterator<Reply> newestFirst = entries.iterator();
        while (newestFirst.hasNext() && (count < 0 || shown.size() < count)) {
            shown.add(newestFirst.next());
        }
        return new Reply.Array(shown);
    }

    /** Returns the number of entries. */
    int length() {
        return entries.size();
    }

    /** Forgets every entry; ids keep counting. */
    void reset() {
        entries.clear();
    }

    static List<Reply> shownArguments(List<byte[]> args) {
        int shown = Math.min(args.size(), MAX_ARGS);
        List<Reply> replies = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            if (i == MAX_ARGS - 1 && args.size() > MAX_ARGS) {
                replies.add(Reply.bulk("... (" + (args.size() - MAX_ARGS + 1) + " more arguments)"));
                break;
            }
            byte[] arg = args.get(i);
            if (arg.length > MAX_ARG_BYTES) {
                byte[] head = Arrays.copyOf(arg, MAX_ARG_BYTES);
                byte[] tail =
                        ("... (" + (arg.length - MAX_ARG_BYTES) + " more bytes)").getBytes(StandardCharsets.US_ASCII);
                byte[] joined = Arrays.copyOf(head, head.length + tail.length);
                System.arraycopy(tail, 0, joined, head.length, tail.length);
                replies.add(Reply.bulk(joined));
            } else {
                replies.add(Reply.bulk(arg.clone()));
            }
        }
        return replies;
    }
}
