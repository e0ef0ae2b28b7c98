package io.slotwise.sim.protocol;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * The protocol a connection speaks, chosen per connection by HELLO. A connection starts in {@link #RESP2}, as in Redis.
 * The version lives in a channel attribute so that {@link ReplyEncoder} and the command that switches it share no other
 * state; set it on the event loop before writing the first reply that must use the new version (Redis answers HELLO
 * itself in the version it switches to).
 */
public enum RespVersion {
    /** RESP2: RESP3-only types are downgraded. */
    RESP2(2),
    /** RESP3: every reply type is written natively. */
    RESP3(3);

    private static final AttributeKey<RespVersion> ATTRIBUTE = AttributeKey.valueOf(RespVersion.class, "version");

    private final int number;

    RespVersion(int number) {
        this.number = number;
    }

    /** Returns the protocol number as HELLO spells it: 2 or 3. */
    public int number() {
        return number;
    }

    /**
     * Returns the version a channel speaks.
     *
     * @param channel the connection
     * @return the version last {@linkplain #applyTo(Channel) applied}, or {@link #RESP2} if none was
     */
    public static RespVersion of(Channel channel) {
        RespVersion version = channel.attr(ATTRIBUTE).get();
        return version == null ? RESP2 : version;
    }

    /**
     * Makes this the version every later reply on the channel is encoded with. Thread-safe; to keep replies in order,
     * call it on the channel's event loop.
     *
     * @param channel the connection
     */
    public void applyTo(Channel channel) {
        channel.attr(ATTRIBUTE).set(this);
    }
}
