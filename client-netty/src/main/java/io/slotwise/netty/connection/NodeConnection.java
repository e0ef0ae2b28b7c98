package io.slotwise.netty.connection;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.slotwise.RedisConnectionException;
import io.slotwise.netty.ClientResources;
import io.slotwise.netty.HostResolver;
import io.slotwise.resp.RespCommandArgs;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * One multiplexed, pipelined connection to one node: any number of threads send commands, which are written in order
 * on a single channel and matched to their replies first in first out.
 *
 * <p><b>Outcomes.</b> Every returned future completes, on the connection's event loop:
 *
 * <ul>
 *   <li>normally with the reply; an error reply is a normal {@link RespValue.Error} (the caller decides what MOVED, ASK
 *       or WRONGTYPE mean);
 *   <li>with a {@link io.slotwise.RedisTimeoutException} after {@link ConnectionOptions#commandTimeout()}, counted from
 *       {@code send}; a timed-out command that was written stays in the reply queue and its late reply is discarded;
 *   <li>with a {@link RedisConnectionException}: {@code mayHaveExecuted() == false} if the command never reached the
 *       socket (refused or failed connection, rejected while down, queue full, closed), {@code true} if it was written
 *       and the connection was lost before its reply;
 *   <li>with a plain {@link io.slotwise.RedisException} if the command cannot be encoded (for example a {@code null}
 *       argument); nothing is sent.
 * </ul>
 *
 * Callbacks attached without an {@code *Async} method run on the event loop: they must not block.
 *
 * <p><b>Writes.</b> Commands are queued, and one task per burst writes everything queued and flushes once, so a
 * thousand commands sent together cost one event-loop wake-up and one socket write rather than a thousand; this also
 * covers commands sent from the event loop itself. (netty's {@code FlushConsolidationHandler} would merge flushes,
 * but each command from another thread would still be its own event-loop task.) A batch ({@link #send(List)}) is
 * written as consecutive commands in one flush, with nothing in between, as {@code ASKING} and its command need.
 * Canceling a future only stops it from being written if it is still queued.
 *
 * <p><b>Connecting.</b> The connection is opened on first use (or by {@link #connect()}), then handshakes (see
 * {@link ConnectionOptions}). When a connection attempt fails or an open connection is lost, commands in flight fail
 * as above, and, with {@link ConnectionOptions#autoReconnect()}, a reconnect is scheduled on the event loop after a
 * {@link ReconnectBackoff} delay. Commands sent meanwhile follow {@link ConnectionOptions#disconnectedBehavior()}: by
 * default they wait (bounded by {@link ConnectionOptions#maxQueuedCommands()}) and are written after the reconnect, or
 * fail as not sent if that attempt fails too. Lifecycle events go to the {@link ConnectionListener}.
 *
 * <p><b>Threading.</b> Thread-safe. The connection is bound to one event loop of its {@link ClientResources}; all of
 * its state, its channel, its timeouts and its reconnects live there, so no lock is taken and no thread is blocked.
 *
 * <p>Host names are resolved off the event loop by the resources' {@link io.slotwise.netty.HostResolver}, within the
 * connect timeout; IP literals need no lookup.
 */
public final class NodeConnection {

    private enum State {
        IDLE,
        CONNECTING,
        CONNECTED,
        WAITING_TO_RECONNECT,
        CLOSED
    }

    private final NodeAddress address;
    private final ConnectionOptions options;
    private final Class<? extends Channel> channelType;
    private final HostResolver resolver;
    private final EventLoop loop;
    private final long commandTimeoutNanos;
    private final SubmissionQueue submitted;
    private final ConnectionListener listener;
    private final ReconnectScheduler reconnects;
    private final CommandDeadlines deadlines;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile boolean closeRequested;
    private volatile State state = State.IDLE;
    private volatile boolean downAfterFailure;
    private volatile int protocolVersion;

    // Event-loop confined.
    private final ArrayDeque<PendingCommand[]> awaitingConnection = new ArrayDeque<>();
    private final List<CompletableFuture<Void>> connectWaiters = new ArrayList<>();
    private Channel channel;
    private InFlightHandler inFlight;
    private ConnectAttempt attempt;

    private NodeConnection(NodeAddress address, ConnectionOptions options, ClientResources resources) {
        this.address = Objects.requireNonNull(address, "address");
        this.options = Objects.requireNonNull(options, "options");
        this.channelType = resources.socketChannelType();
        this.resolver = resources.hostResolver();
        this.loop = resources.nextEventLoop();
        this.commandTimeoutNanos = options.commandTimeout().toNanos();
        this.submitted = new SubmissionQueue(loop, options.maxQueuedCommands(), this::drain);
        this.listener = new GuardedConnectionListener(options.connectionListener());
        this.reconnects = new ReconnectScheduler(loop, address, options, listener);
        this.deadlines = new CommandDeadlines(loop, address);
    }

    /**
     * Creates a connection; nothing is opened until the first command or {@link #connect()}.
     *
     * @param address the node, never {@code null}
     * @param options the settings, never {@code null}
     * @param resources the event loops to run on, never {@code null}; must outlive the connection
     * @return the connection
     */
    public static NodeConnection create(NodeAddress address, ConnectionOptions options, ClientResources resources) {
        return new NodeConnection(address, options, Objects.requireNonNull(resources, "resources"));
    }

    /** The node this connection talks to. */
    public NodeAddress address() {
        return address;
    }

    /** Whether the channel is open and its handshake done; a snapshot, for monitoring only. */
    public boolean isConnected() {
        return state == State.CONNECTED;
    }

    /**
     * Returns the RESP version of the current or last connection: 3 after a successful {@code HELLO 3}, 2 after the
     * fallback, 0 before the first connection.
     */
    public int protocolVersion() {
        return protocolVersion;
    }

    /**
     * Sends one command.
     *
     * @param command the command, never {@code null}; must not be modified until its future completes
     * @return the reply; see the type's documentation for how it completes
     */
    public CompletionStage<RespValue> send(RespCommandArgs command) {
        return send(command, commandTimeoutNanos);
    }

    /**
     * Sends one command with a timeout of its own instead of the connection's, for example a blocking command that
     * may wait longer than ordinary commands.
     *
     * @param command the command, never {@code null}; must not be modified until its future completes
     * @param timeout the time allowed until the reply, positive; {@link Duration#ZERO} waits for ever
     * @return the reply; see the type's documentation for how it completes
     */
    public CompletionStage<RespValue> send(RespCommandArgs command, Duration timeout) {
        return send(command, timeoutNanos(timeout));
    }

    private CompletionStage<RespValue> send(RespCommandArgs command, long timeoutNanos) {
        PendingCommand pending = new PendingCommand(Objects.requireNonNull(command, "command"), timeoutNanos);
        submit(new PendingCommand[] {pending});
        return pending.future();
    }

    /**
     * Sends commands as one batch: written consecutively, in order, in a single flush, with no other command between
     * them. If one of them completes before the batch is written (timeout, cancel), none is written.
     *
     * @param commands the commands, none {@code null}; may be empty
     * @return one reply per command, in order
     */
    public List<CompletionStage<RespValue>> send(List<? extends RespCommandArgs> commands) {
        return send(commands, commandTimeoutNanos);
    }

    /**
     * Sends commands as one batch, as {@link #send(List)} does, each with the given timeout instead of the
     * connection's.
     *
     * @param commands the commands, none {@code null}; may be empty
     * @param timeout the time allowed until each reply, positive; {@link Duration#ZERO} waits for ever
     * @return one reply per command, in order
     */
    public List<CompletionStage<RespValue>> send(List<? extends RespCommandArgs> commands, Duration timeout) {
        return send(commands, timeoutNanos(timeout));
    }

    private static long timeoutNanos(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        return timeout.toNanos();
    }

    private List<CompletionStage<RespValue>> send(List<? extends RespCommandArgs> commands, long timeoutNanos) {
        PendingCommand[] batch = new PendingCommand[commands.size()];
        List<CompletionStage<RespValue>> replies = new ArrayList<>(batch.length);
        for (int i = 0; i < batch.length; i++) {
            batch[i] = new PendingCommand(Objects.requireNonNull(commands.get(i), "command"), timeoutNanos);
            replies.add(batch[i].future());
        }
        if (batch.length > 0) {
            submit(batch);
        }
        return replies;
    }

    /**
     * Opens the connection now, if it is not open or opening; skips a pending reconnect delay.
     *
     * @return completes when connected and the handshake is done, or fails with the reason (for example a
     *     {@link io.slotwise.RedisAuthenticationException})
     */
    public CompletionStage<Void> connect() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        onLoop(
                () -> {
                    switch (state) {
                        case CONNECTED -> result.complete(null);
                        case CLOSED -> result.completeExceptionally(closedException());
                        case CONNECTING -> connectWaiters.add(result);
                        default -> {
                            reconnects.cancel();
                            connectWaiters.add(result);
                            startConnect();
                        }
                    }
                },
                () -> result.completeExceptionally(closedException()));
        return result;
    }

    /**
     * Closes the connection: stops reconnecting, fails queued commands as not sent and commands in flight as in a lost
     * connection, and closes the channel. Commands sent afterwards fail at once. Idempotent.
     *
     * @return completes when the channel is closed and every command has completed; never fails
     */
    public CompletionStage<Void> close() {
        closeRequested = true;
        onLoop(this::closeOnLoop, () -> {
            failSubmitted("the connection was closed");
            closed.complete(null);
        });
        return closed.minimalCompletionStage();
    }

    /**
     * Gives up on the commands waiting for this connection to come back: if the connection is down after a failed
     * attempt or a lost connection (waiting to reconnect, or reconnecting), every command queued for it fails at once
     * with a {@link RedisConnectionException} whose {@code mayHaveExecuted()} is {@code false}, so the caller can send
     * it elsewhere. Commands already written, and a connection that is connected, opening for the first time or
     * closed, are left alone; the reconnect schedule is unchanged. Thread-safe; the work happens on the event loop.
     *
     * @param why the reason, for the commands' failure message
     */
    public void abandonWaiting(String why) {
        Objects.requireNonNull(why, "why");
        onLoop(
                () -> {
                    if (!downAfterFailure || (state != State.WAITING_TO_RECONNECT && state != State.CONNECTING)) {
                        return;
                    }
                    drain();
                    PendingCommand[] entry;
                    while ((entry = awaitingConnection.poll()) != null) {
                        submitted.release(entry.length);
                        fail(entry, why);
                    }
                },
                () -> {});
    }

    private void submit(PendingCommand[] entry) {
        String rejection = admissionFailure(entry.length);
        if (rejection != null) {
            fail(entry, rejection);
            return;
        }
        try {
            submitted.offer(entry);
        } catch (RejectedExecutionException e) {
            failSubmitted("its event loop is shut down");
        }
    }

    private String admissionFailure(int count) {
        if (closeRequested) {
            return "the connection is closed";
        }
        if (rejectingWhileDown()) {
            return "not connected (reconnecting), and commands fail fast while disconnected";
        }
        if (!submitted.reserve(count)) {
            return "too many commands are waiting to be written (limit " + options.maxQueuedCommands() + ")";
        }
        return null;
    }

    private boolean rejectingWhileDown() {
        State current = state;
        return options.disconnectedBehavior() == DisconnectedBehavior.FAIL_FAST
                && downAfterFailure
                && (current == State.WAITING_TO_RECONNECT || current == State.CONNECTING);
    }

    /** Runs on the event loop once per burst of submissions. */
    private void drain() {
        Channel target = state == State.CONNECTED ? channel : null;
        boolean wrote = false;
        PendingCommand[] entry;
        while ((entry = submitted.poll()) != null) {
            for (PendingCommand command : entry) {
                deadlines.track(command);
            }
            wrote |= dispatch(entry);
        }
        if (wrote) {
            target.flush();
        }
    }

    private boolean dispatch(PendingCommand[] entry) {
        switch (state) {
            case CONNECTED -> {
                return writeToChannel(entry);
            }
            case CLOSED -> {
                submitted.release(entry.length);
                fail(entry, "the connection was closed");
            }
            default -> {
                if (rejectingWhileDown()) {
                    submitted.release(entry.length);
                    fail(entry, "not connected (reconnecting), and commands fail fast while disconnected");
                    return false;
                }
                awaitingConnection.add(entry);
                if (state == State.IDLE) {
                    startConnect();
                }
            }
        }
        return false;
    }

    /** Writes an entry without flushing; returns whether anything was written. */
    private boolean writeToChannel(PendingCommand[] entry) {
        submitted.release(entry.length);
        int live = 0;
        for (PendingCommand command : entry) {
            live += command.isDone() ? 0 : 1;
        }
        if (live == 0) {
            return false;
        }
        if (live < entry.length) {
            fail(entry, "another command of its batch completed before the batch could be written");
            return false;
        }
        for (PendingCommand command : entry) {
            channel.write(command, channel.voidPromise());
        }
        return true;
    }

    private void startConnect() {
        state = State.CONNECTING;
        ConnectAttempt current = new ConnectAttempt(loop, channelType, resolver, address, options);
        attempt = current;
        current.start().whenComplete((established, failure) -> {
            if (attempt != current) {
                return;
            }
            attempt = null;
            if (failure == null) {
                onEstablished(established);
            } else {
                onAttemptFailed(failure);
            }
        });
    }

    private void onEstablished(ConnectAttempt.Established established) {
        if (!established.channel().isActive()) {
            onAttemptFailed(new RedisConnectionException(
                    "The connection to " + address + " closed right after its handshake", null, false));
            return;
        }
        channel = established.channel();
        inFlight = established.inFlight();
        protocolVersion = established.protocolVersion();
        state = State.CONNECTED;
        downAfterFailure = false;
        reconnects.reset();
        Channel current = channel;
        inFlight.terminated().whenComplete((ignored, error) -> onChannelTerminated(current));
        listener.connected(address, protocolVersion);
        completeConnectWaiters(null);
        boolean wrote = false;
        PendingCommand[] entry;
        while ((entry = awaitingConnection.poll()) != null) {
            wrote |= writeToChannel(entry);
        }
        if (wrote) {
            current.flush();
        }
    }

    private void onAttemptFailed(Throwable failure) {
        downAfterFailure = true;
        String why = "the connection attempt failed: " + failure.getMessage();
        PendingCommand[] entry;
        while ((entry = awaitingConnection.poll()) != null) {
            submitted.release(entry.length);
            failWithCause(entry, why, failure);
        }
        completeConnectWaiters(failure);
        listener.connectFailed(address, failure);
        scheduleReconnect();
    }

    private void onChannelTerminated(Channel terminated) {
        if (terminated != channel) {
            return;
        }
        Throwable cause = inFlight.failure();
        channel = null;
        inFlight = null;
        if (state == State.CLOSED) {
            return;
        }
        downAfterFailure = true;
        listener.disconnected(address, cause);
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (!options.autoReconnect()) {
            state = State.IDLE;
            return;
        }
        state = State.WAITING_TO_RECONNECT;
        reconnects.schedule(() -> {
            if (state == State.WAITING_TO_RECONNECT) {
                startConnect();
            }
        });
    }

    private void closeOnLoop() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        reconnects.cancel();
        failSubmitted("the connection was closed");
        PendingCommand[] entry;
        while ((entry = awaitingConnection.poll()) != null) {
            fail(entry, "the connection was closed");
        }
        completeConnectWaiters(closedException());
        CompletableFuture<Void> gone;
        if (inFlight != null) {
            gone = inFlight.terminated();
            inFlight.close("was closed by the client");
        } else if (attempt != null) {
            gone = attempt.abort("the connection was closed");
            attempt = null;
        } else {
            gone = CompletableFuture.completedFuture(null);
        }
        gone.whenComplete((ignored, error) -> {
            // Every command has completed by now (in flight ones as the channel went); none needs its timeout.
            onLoop(deadlines::clear, () -> {});
            closed.complete(null);
        });
    }

    private void failSubmitted(String why) {
        PendingCommand[] entry;
        while ((entry = submitted.poll()) != null) {
            submitted.release(entry.length);
            fail(entry, why);
        }
    }

    private void completeConnectWaiters(Throwable failure) {
        List<CompletableFuture<Void>> waiters = new ArrayList<>(connectWaiters);
        connectWaiters.clear();
        for (CompletableFuture<Void> waiter : waiters) {
            if (failure == null) {
                waiter.complete(null);
            } else {
                waiter.completeExceptionally(failure);
            }
        }
    }

    private void fail(PendingCommand[] entry, String why) {
        failWithCause(entry, why, null);
    }

    private void failWithCause(PendingCommand[] entry, String why, Throwable cause) {
        for (PendingCommand command : entry) {
            command.failNotSent(address, why, cause);
        }
    }

    private RedisConnectionException closedException() {
        return new RedisConnectionException("The connection to " + address + " is closed", null, false);
    }

    private void onLoop(Runnable task, Runnable ifRejected) {
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            ifRejected.run();
        }
    }
}
