package io.slotwise.api.args;

/** When {@code EXPIRE}, {@code PEXPIRE}, {@code EXPIREAT} and {@code PEXPIREAT} apply (Redis 7). The name is the token. */
public enum ExpireCondition {
    /** Only if the key has no expiry. */
    NX,
    /** Only if the key has an expiry. */
    XX,
    /** Only if the new expiry is later than the current one (a key without expiry counts as expiring never). */
    GT,
    /** Only if the new expiry is earlier than the current one (a key without expiry counts as expiring never). */
    LT
}
