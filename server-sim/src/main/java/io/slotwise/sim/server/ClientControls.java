package io.slotwise.sim.server;

import java.util.Objects;

/**
 * The administrative state of one client connection: which user it is authenticated as, whether its replies are
 * sent (CLIENT REPLY), CLIENT NO-EVICT, and whether it is a MONITOR. Kept apart from {@link ClientSession} so that
 * the session stays about protocol and transaction state.
 *
 * <p>Threading: used on the node's event loop only.
 */
public final class ClientControls {
    /** The user every connection starts as. */
    public static final String DEFAULT_USER = "default";

    private String user = DEFAULT_USER;
    private boolean repliesOff;
    private boolean skipNext;
    private boolean noEvict;
    private boolean monitor;

    ClientControls() {}

    /** Returns the name of the user the client is authenticated as (CLIENT LIST's {@code user=}, ACL WHOAMI). */
    public String user() {
        return user;
    }

    /**
     * Records the user the client authenticated as.
     *
     * @param user the user's name
     */
    public void setUser(String user) {
        this.user = Objects.requireNonNull(user, "user");
    }

    /** Whether CLIENT REPLY OFF is in effect. */
    public boolean repliesOff() {
        return repliesOff;
    }

    /**
     * CLIENT REPLY ON (false) or OFF (true); ON also cancels a pending SKIP.
     *
     * @param off whether replies are suppressed from now on
     */
    public void setRepliesOff(boolean off) {
        repliesOff = off;
        if (!off) {
            skipNext = false;
        }
    }

    /** CLIENT REPLY SKIP: the reply to the next command is not sent (ignored while replies are off). */
    public void skipNextReply() {
        if (!repliesOff) {
            skipNext = true;
        }
    }

    /**
     * Called when a command starts: whether an earlier CLIENT REPLY SKIP suppresses its reply. Clears the skip.
     *
     * @return true if this command's reply must not be sent
     */
    public boolean takeSkip() {
        boolean skip = skipNext;
        skipNext = false;
        return skip;
    }

    /** Whether CLIENT NO-EVICT is on (the simulator never evicts clients; reported only). */
    public boolean noEvict() {
        return noEvict;
    }

    /**
     * Sets CLIENT NO-EVICT.
     *
     * @param noEvict the new value
     */
    public void setNoEvict(boolean noEvict) {
        this.noEvict = noEvict;
    }

    /** Whether the client sent MONITOR. */
    public boolean monitor() {
        return monitor;
    }

    /** Marks the client as a monitor (MONITOR). */
    public void setMonitor() {
        monitor = true;
    }

    /** Returns to a new connection's state except for the monitor flag (RESET). */
    void reset() {
        user = DEFAULT_USER;
        repliesOff = false;
        skipNext = false;
        noEvict = false;
    }

    /** Shows the user and flags only. */
    @Override
    public String toString() {
        return "ClientControls[user=" + user + ", repliesOff=" + repliesOff + ", noEvict=" + noEvict + ", monitor="
                + monitor + "]";
    }
}
