package io.slotwise.sim.server;

/**
 * Formats one session as a line of CLIENT LIST and CLIENT INFO, with Redis 7.0's fields in Redis's order. Fields about
 * memory and buffers the simulator does not track are 0 ({@code qbuf}, {@code argv-mem}, {@code omem} ...); {@code
 * fd} is synthetic (the id plus 7, since a real node's first client usually has id 3 or more on fd 8 or more). Flags:
 * {@code P} subscribed (Pub/Sub), {@code x} in MULTI, {@code b} waiting for a pending command, {@code t} tracking,
 * {@code R} tracking redirection broken, {@code B} tracking in BCAST mode, {@code d} watched key modified, {@code r}
 * READONLY, {@code c} closing after the reply, {@code N} none; {@code redir} is the tracking redirection (0 for none,
 * -1 while not tracking). Stateless.
 */
public final class ClientInfoLine {
    private ClientInfoLine() {}

    /**
     * Formats a session.
     *
     * @param session the session
     * @param nowMillis the current time, for {@code age} and {@code idle}
     * @return the line, ending with a newline as in Redis
     */
    public static String format(ClientSession session, long nowMillis) {
        return "id=" + session.id()
                + " addr=" + session.remoteAddress()
                + " laddr=" + session.localAddress()
                + " fd=" + (session.id() + 7)
                + " name=" + session.name()
                + " age=" + (nowMillis - session.createdAtMillis()) / 1000
                + " idle=" + (nowMillis - session.lastInteractionMillis()) / 1000
                + " flags=" + flags(session)
                + " db=0 sub=" + session.subscriptions().channelCount()
                + " psub=" + session.subscriptions().patternCount()
                + " ssub=" + session.subscriptions().shardChannelCount()
                + " multi=" + (session.inMulti() ? session.transaction().size() : -1)
                + " qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=0 rbp=0 obl=0 oll=0 omem=0 tot-mem=0"
                + " events=r"
                + " cmd=" + session.lastCommand()
                + " user=" + session.controls().user()
                + " redir=" + (session.tracking().enabled() ? session.tracking().redirectId() : -1)
                + " resp=" + session.protocol().number()
                + "\n";
    }

    private static String flags(ClientSession session) {
        StringBuilder flags = new StringBuilder();
        if (session.controls().monitor()) {
            flags.append('O');
        }
        if (session.subscribed()) {
            flags.append('P');
        }
        if (session.inMulti()) {
            flags.append('x');
        }
        if (session.awaitingReply()) {
            flags.append('b');
        }
        if (session.tracking().enabled()) {
            flags.append('t');
        }
        if (session.tracking().redirectBroken()) {
            flags.append('R');
        }
        if (session.tracking().broadcasting()) {
            flags.append('B');
        }
        if (session.watchSpoiled()) {
            flags.append('d');
        }
        if (session.closingAfterReply()) {
            flags.append('c');
        }
        if (session.readOnly()) {
            flags.append('r');
        }
        if (session.controls().noEvict()) {
            flags.append('e');
        }
        return flags.length() == 0 ? "N" : flags.toString();
    }
}
