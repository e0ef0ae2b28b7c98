package io.slotwise.sim.replication;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.ScheduledFuture;
import io.slotwise.sim.command.CommandDispatcher;
import io.slotwise.sim.command.NodeServices;
import io.slotwise.sim.command.ScriptGate;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.server.ClientSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica's link to its master: connects to the master's client port, authenticates with the node's own {@code
 * requirepass} (the simulator's {@code masterauth}: every node of a simulated cluster shares the password), announces
 * its port, asks to continue its history ({@code PSYNC <replid> <offset + 1>}, or {@code PSYNC ? -1} without one),
 * loads the snapshot of a full synchronisation, then applies the stream, holding it while a script runs. A lost or refused link is retried after a
 * back-off (the base delay, doubled per failure up to {@value #MAX_RETRY_MILLIS} ms) until {@link #stop()}; each retry
 * asks to continue from where the replica stopped, so the master resends only what is missing when its backlog still
 * holds it. The link's connection is a client of the node (CLIENT LIST shows it).
 *
 * <p>Confined to the node's event loop.
 */
final class ReplicaLink {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaLink.class);
    private static final long MAX_RETRY_MILLIS = 5_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private final NodeServices node;
    private final Keyspace keyspace;
    private final ReplicationHistory history;
    private final MasterAddress master;
    private final long retryMillis;
    private final LongConsumer offsetChanged;
    private LinkState state = LinkState.CONNECT;
    private Channel channel;
    private ClientSession session;
    private MasterStreamApplier applier;
    private LinkEvent.FullResync pendingSync;
    private ScheduledFuture<?> timer;
    private boolean stopped;
    private boolean awaitingAuth;
    private int failures;
    private long lastIoMillis;
    private long downSinceMillis;

    /**
     * @param node the replica's services
     * @param keyspace the replica's keyspace
     * @param history the replica's history
     * @param master where the master accepts clients
     * @param retryMillis the delay before the first retry after a failure
     * @param offsetChanged told the replica's offset whenever it changes
     */
    ReplicaLink(
            NodeServices node,
            Keyspace keyspace,
            ReplicationHistory history,
            MasterAddress master,
            long retryMillis,
            LongConsumer offsetChanged) {
        this.node = node;
        this.keyspace = keyspace;
        this.history = history;
        this.master = master;
        this.retryMillis = retryMillis;
        this.offsetChanged = offsetChanged;
    }

    MasterAddress master() {
        return master;
    }

    LinkState state() {
        return state;
    }

    /** Returns when the master last sent something while synchronised, 0 if not synchronised. */
    long lastIoMillis() {
        return state == LinkState.CONNECTED ? lastIoMillis : 0;
    }

    /** Returns since when the link is down after having been up, 0 if it is up or never was. */
    long downSinceMillis() {
        return downSinceMillis;
    }

    /** Connects now. */
    void start() {
        connect();
    }

    /** Closes the link for good. */
    void stop() {
        stopped = true;
        cancelTimer();
        if (channel != null) {
            channel.close();
        }
    }

    /** Sends {@code REPLCONF ACK <offset>} if synchronised. */
    void acknowledge() {
        if (state == LinkState.CONNECTED && channel != null && channel.isActive()) {
            write(List.of(RespCommands.command("REPLCONF", "ACK", history.offset())));
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        state = LinkState.CONNECTING;
        ChannelFuture connecting = new Bootstrap()
                .group(node.eventLoop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new LinkDecoder(handshake().size() - 1), new Handler());
                    }
                })
                .connect(master.host(), master.port());
        Channel attempt = connecting.channel();
        channel = attempt;
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                LOG.info(
                        "Error connecting to MASTER {}: {}",
                        master,
                        done.cause().getMessage());
                lost(attempt);
            }
        });
    }

    private List<List<byte[]>> handshake() {
        List<List<byte[]>> commands = new ArrayList<>();
        node.config().requirePass().ifPresent(password -> commands.add(RespCommands.command("AUTH", password)));
        commands.add(RespCommands.command("REPLCONF", "listening-port", node.port()));
        commands.add(RespCommands.command("REPLCONF", "capa", "psync2"));
        if (history.backlog() != null) {
            commands.add(RespCommands.command("PSYNC", history.id(), history.offset() + 1));
        } else {
            commands.add(RespCommands.command("PSYNC", "?", -1));
        }
        return commands;
    }

    private void handshakeStarted(Channel ch) {
        if (ch != channel || stopped) {
            ch.close();
            return;
        }
        Optional<CommandDispatcher> dispatcher = node.service(CommandDispatcher.class);
        if (dispatcher.isEmpty()) {
            LOG.error("Cannot replicate: the node provides no command dispatcher");
            ch.close();
            return;
        }
        state = LinkState.HANDSHAKE;
        session = node.clients().open(ch, System.currentTimeMillis());
        applier = new MasterStreamApplier(dispatcher.get(), session, history, this::acknowledge);
        awaitingAuth = node.config().requirePass().isPresent();
        write(handshake());
        schedule(HANDSHAKE_TIMEOUT_MILLIS, () -> {
            if (ch == channel && (state == LinkState.HANDSHAKE)) {
                LOG.warn("Timeout connecting to the MASTER {}", master);
                ch.close();
            }
        });
    }

    private void received(Channel ch, LinkEvent event) {
        if (ch != channel || stopped) {
            return;
        }
        lastIoMillis = System.currentTimeMillis();
        if (event instanceof LinkEvent.HandshakeReply reply) {
            handshakeReply(ch, reply);
        } else if (event instanceof LinkEvent.FullResync sync) {
            LOG.info("Full resync from master {}: {}:{}", master, sync.replicationId(), sync.offset());
            pendingSync = sync;
            state = LinkState.SYNC;
            cancelTimer();
        } else if (event instanceof LinkEvent.Snapshot snapshot) {
            loadSnapshot(ch, snapshot);
        } else if (event instanceof LinkEvent.Continue resumed) {
            if (resumed.replicationId() != null && !resumed.replicationId().equals(history.id())) {
                history.shift(resumed.replicationId());
            }
            LOG.info("Successful partial resynchronization with master {}", master);
            synchronised();
        } else if (event instanceof LinkEvent.Refused refused) {
            LOG.warn("Master {} refused to synchronise: {}", master, refused.line());
            ch.close();
        } else if (event instanceof LinkEvent.StreamCommand command) {
            if (state != LinkState.CONNECTED) {
                LOG.warn("Master {} sent a command before synchronising; closing the link", master);
                ch.close();
            } else {
                // Redis reads no master input while a script runs: the stream (and the offset it acknowledges) waits
                // until the script has ended, then applies in arrival order.
                Optional<ScriptGate> gate = node.service(ScriptGate.class);
                if (gate.isPresent()) {
                    gate.get().whenIdle(() -> applyStream(ch, command));
                } else {
                    applyStream(ch, command);
                }
            }
        }
    }

    private void applyStream(Channel ch, LinkEvent.StreamCommand command) {
        if (ch == channel && !stopped && applier != null && applier.apply(command)) {
            offsetChanged.accept(history.offset());
        }
    }

    private void handshakeReply(Channel ch, LinkEvent.HandshakeReply reply) {
        boolean authReply = awaitingAuth;
        awaitingAuth = false;
        if (reply.isError() && authReply) {
            LOG.warn("Unable to AUTH to MASTER {}: {}", master, reply.line());
            ch.close();
        } else if (reply.isError()) {
            LOG.info("Master {} refused a REPLCONF: {}", master, reply.line());
        }
    }

    private void loadSnapshot(Channel ch, LinkEvent.Snapshot snapshot) {
        try {
            int keys = SnapshotReader.load(snapshot.bytes(), keyspace);
            history.adopt(pendingSync.replicationId(), pendingSync.offset());
            LOG.info(
                    "MASTER <-> REPLICA sync: loaded {} keys ({} bytes) from {}",
                    keys,
                    snapshot.bytes().length,
                    master);
            synchronised();
        } catch (IOException e) {
            LOG.warn("MASTER <-> REPLICA sync: bad snapshot from {}: {}", master, e.getMessage());
            ch.close();
        }
    }

    private void synchronised() {
        cancelTimer();
        state = LinkState.CONNECTED;
        failures = 0;
        downSinceMillis = 0;
        lastIoMillis = System.currentTimeMillis();
        offsetChanged.accept(history.offset());
        acknowledge();
    }

    private void lost(Channel ch) {
        if (ch != channel) {
            return;
        }
        if (state == LinkState.CONNECTED || state == LinkState.SYNC) {
            if (!stopped) {
                LOG.info("Connection with master {} lost", master);
            }
            downSinceMillis = System.currentTimeMillis();
        }
        channel = null;
        session = null;
        applier = null;
        pendingSync = null;
        state = LinkState.CONNECT;
        cancelTimer();
        if (!stopped) {
            long delay = Math.min(MAX_RETRY_MILLIS, retryMillis << Math.min(failures, 8));
            failures++;
            schedule(delay, this::connect);
        }
    }

    private void write(List<List<byte[]>> commands) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(RespCommands.encode(commands)), channel.voidPromise());
    }

    private void schedule(long delayMillis, Runnable task) {
        cancelTimer();
        timer = node.eventLoop().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** The last handler of the link's pipeline. */
    private final class Handler extends SimpleChannelInboundHandler<LinkEvent> {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            handshakeStarted(ctx.channel());
            ctx.fireChannelActive();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, LinkEvent event) {
            received(ctx.channel(), event);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            lost(ctx.channel());
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.warn("Replication link to {} failed: {}", master, cause.toString());
            ctx.close();
        }
    }
}
