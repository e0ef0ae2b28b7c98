package io.slotwise.sim.replication;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.server.ClientSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a master does for its replicas: answers PSYNC on a replica's connection (from the backlog, or with a snapshot
 * taken at once on the event loop), records their acknowledgements, answers the clients in WAIT, asks for
 * acknowledgements and pings the stream. Confined to the node's event loop.
 */
final class MasterSide {
    private static final Logger LOG = LoggerFactory.getLogger(MasterSide.class);
    private static final List<byte[]> PING = RespCommands.command("PING");
    private static final List<byte[]> GETACK = RespCommands.command("REPLCONF", "GETACK", "*");

    private final Keyspace keyspace;
    private final ReplicationHistory history;
    private final ConnectedReplicas replicas;
    private final WriteStream stream;
    private final Propagator propagator;
    private final WaitingClients waiting;
    private final ClusterView cluster;
    private boolean acksRequested;

    MasterSide(
            Keyspace keyspace,
            ReplicationHistory history,
            ConnectedReplicas replicas,
            WriteStream stream,
            Propagator propagator,
            WaitingClients waiting,
            ClusterView cluster) {
        this.keyspace = keyspace;
        this.history = history;
        this.replicas = replicas;
        this.stream = stream;
        this.propagator = propagator;
        this.waiting = waiting;
        this.cluster = cluster;
    }

    /**
     * Synchronises a replica on its connection: {@code +CONTINUE <replid>} and the missing bytes when the backlog holds
     * them, else {@code +FULLRESYNC <replid> <offset>}, the snapshot as {@code $<length>\r\n<bytes>} and a PING in the
     * stream (so the replica's offset is not 0 for long). From then on the connection gets the stream.
     *
     * @param session the replica's connection
     * @param replicationId the history the replica has, {@code ?} for none
     * @param nextOffset the first byte it lacks
     */
    void synchronise(ClientSession session, String replicationId, long nextOffset) {
        propagator.flushOutside();
        Channel channel = session.channel();
        long now = System.currentTimeMillis();
        if (history.canContinue(replicationId, nextOffset)) {
            byte[] missing = history.backlog().copyFrom(nextOffset);
            send(channel, ("+CONTINUE " + history.id() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            send(channel, missing);
            replicas.add(session, now);
            LOG.info(
                    "Partial resynchronization request from {} accepted, sending {} bytes of backlog",
                    session.remoteAddress(),
                    missing.length);
            return;
        }
        history.ensureBacklog();
        long offset = history.offset();
        byte[] snapshot = SnapshotWriter.write(keyspace);
        send(
                channel,
                ("+FULLRESYNC " + history.id() + " " + offset + "\r\n$" + snapshot.length + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        send(channel, snapshot);
        replicas.add(session, now);
        LOG.info("Full resync requested by replica {}: snapshot of {} bytes", session.remoteAddress(), snapshot.length);
        stream.feed(List.of(PING));
    }

    /**
     * Records a replica's acknowledgement and answers the clients in WAIT it satisfies.
     *
     * @param session the connection it came on (ignored unless a replica synchronised on it)
     * @param offset the acknowledged offset
     */
    void acknowledged(ClientSession session, long offset) {
        replicas.find(session).ifPresent(replica -> {
            replica.acknowledged(offset, System.currentTimeMillis());
            cluster.replicaOffset(replica.ip(), replica.port(), replica.ackOffset());
            waiting.acknowledged();
        });
    }

    /** Asks every replica for an acknowledgement, once per event loop task however often it is called (WAIT). */
    void requestAcknowledgements(EventLoop loop) {
        if (acksRequested || replicas.count() == 0) {
            return;
        }
        acksRequested = true;
        loop.execute(() -> {
            acksRequested = false;
            if (replicas.count() > 0) {
                stream.feed(List.of(GETACK));
            }
        });
    }

    /** Sends a PING through the stream if a replica is connected (Redis's {@code repl-ping-replica-period}). */
    void ping() {
        if (replicas.count() > 0) {
            stream.feed(List.of(PING));
        }
    }

    private static void send(Channel channel, byte[] bytes) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes), channel.voidPromise());
    }
}
