package io.slotwise.netty.connection;

/**
 * What a {@link NodeConnection} does with commands sent while it is down after a failure (a refused connect, a lost
 * connection). Commands sent before the first connection attempt has finished always wait for it.
 */
public enum DisconnectedBehavior {

    /**
     * Keep commands, up to {@link ConnectionOptions#maxQueuedCommands()}, and write them once reconnected. Each still
     * completes within its command timeout, and each fails (as not sent) when the next connection attempt fails. The
     * default: brief drops stay invisible to callers.
     */
    QUEUE,

    /**
     * Fail commands at once with a {@link io.slotwise.RedisConnectionException} whose
     * {@link io.slotwise.RedisConnectionException#mayHaveExecuted() mayHaveExecuted()} is {@code false}, until the
     * connection is back. For callers that would rather send elsewhere (another replica) than wait.
     */
    FAIL_FAST
}
