package io.slotwise.sim.clustermode;

import io.slotwise.sim.command.AsyncCommandHandler;
import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.KeyGate;
import io.slotwise.sim.keyspace.DumpPayload;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.Value;
import io.slotwise.sim.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * MIGRATE (behaviour reference §3.3): serializes the local keys that exist ({@code +NOKEY} if none), sends them over
 * the cached connection to the target as {@code [AUTH ...] [SELECT db] RESTORE-ASKING key ttl payload [REPLACE]} (the
 * SELECT only when the connection's last database differs), and reads one reply per command, each within the
 * timeout. Without COPY, a key is deleted locally only once the target acknowledged it (and only if it did not change
 * locally meanwhile, see {@link MigrationWatch}); keys the target refused stay. Replies: {@code +OK}; the first
 * target error as {@code ERR Target instance replied with error: <error>}; or an {@code IOERR} for a socket failure.
 * A failure that is not a timeout and came before any key was acknowledged is retried once on a new connection, as
 * Redis does.
 *
 * <p>Runs on the node's event loop; the reply completes on it.
 */
final class MigrateCommand implements AsyncCommandHandler {
    private static final byte[] RESTORE_ASKING = bytes("RESTORE-ASKING");
    private static final byte[] RESTORE = bytes("RESTORE");

    private final Keyspace keyspace;
    private final MigrateConnectionPool pool;
    private final byte[] restoreCommand;

    /**
     * @param keyspace the node's keys
     * @param pool the cached connections to targets
     * @param clusterMode whether the node runs in cluster mode: the target is then sent RESTORE-ASKING (it may import
     *     the slot), otherwise plain RESTORE, as Redis chooses
     */
    MigrateCommand(Keyspace keyspace, MigrateConnectionPool pool, boolean clusterMode) {
        this.keyspace = keyspace;
        this.pool = pool;
        this.restoreCommand = clusterMode ? RESTORE_ASKING : RESTORE;
    }

    /** One key to move: its name, serialized value and time to live (0 for none). */
    private record Entry(Key key, byte[] payload, long ttlMillis) {}

    @Override
    public CompletionStage<Reply> handle(CommandContext ctx) {
        MigrateRequest request = MigrateRequest.parse(ctx);
        List<Entry> entries = new ArrayList<>();
        for (byte[] name : request.keys()) {
            Key key = Key.of(name);
            Value value = keyspace.get(key);
            if (value != null) {
                long pttl = keyspace.pttl(key);
                entries.add(new Entry(key, DumpPayload.encode(value), pttl < 0 ? 0 : Math.max(1, pttl)));
            }
        }
        if (entries.isEmpty()) {
            return CompletableFuture.completedFuture(Reply.simple("NOKEY"));
        }
        List<Key> keys = entries.stream().map(Entry::key).toList();
        MigrationWatch watch = MigrationWatch.start(keyspace, keys);
        Runnable openGate =
                ctx.node().service(KeyGate.class).map(gate -> gate.close(keys)).orElse(() -> {});
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        attempt(request, entries, watch, true, reply);
        return reply.whenComplete((done, error) -> {
            watch.stop();
            openGate.run();
        });
    }

    private void attempt(
            MigrateRequest request,
            List<Entry> entries,
            MigrationWatch watch,
            boolean mayRetry,
            CompletableFuture<Reply> reply) {
        int port = parsePort(request.port());
        if (port < 0) {
            reply.complete(Reply.error(TargetExchange.Failure.WRITE.errorText()));
            return;
        }
        pool.acquire(request.host(), port, request.timeoutMillis())
                .thenCompose(connection -> {
                    boolean select = connection.lastDb() != request.db();
                    return connection
                            .exchange(commands(request, entries, select), request.timeoutMillis())
                            .thenApply(result -> new Outcome(result, select ? connection : null));
                })
                .whenComplete((outcome, error) -> {
                    try {
                        if (error == null) {
                            finish(request, entries, watch, mayRetry, outcome.result(), outcome.selecting(), reply);
                        } else {
                            TargetExchange failed = TargetExchange.failed(connectFailure(error), false);
                            finish(request, entries, watch, mayRetry, failed, null, reply);
                        }
                    } catch (RuntimeException e) {
                        reply.completeExceptionally(e);
                    }
                });
    }

    /** The replies of one attempt, and the connection whose database a SELECT in it set, if any. */
    private record Outcome(TargetExchange result, MigrateConnection selecting) {}

    private static TargetExchange.Failure connectFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof MigrateConnectionPool.ConnectFailure connect
                ? connect.failure
                : TargetExchange.Failure.WRITE;
    }

    private List<List<byte[]>> commands(MigrateRequest request, List<Entry> entries, boolean select) {
        List<List<byte[]>> commands = new ArrayList<>(entries.size() + 2);
        if (request.authPassword() != null) {
            commands.add(
                    request.authUser() == null
                            ? List.of(bytes("AUTH"), request.authPassword())
                            : List.of(bytes("AUTH"), request.authUser(), request.authPassword()));
        }
        if (select) {
            commands.add(List.of(bytes("SELECT"), bytes(Long.toString(request.db()))));
        }
        for (Entry entry : entries) {
            List<byte[]> restore = new ArrayList<>(5);
            restore.add(restoreCommand);
            restore.add(entry.key().toByteArray());
            restore.add(bytes(Long.toString(entry.ttlMillis())));
            restore.add(entry.payload());
            if (request.replace()) {
                restore.add(bytes("REPLACE"));
            }
            commands.add(restore);
        }
        return commands;
    }

    /**
     * Reads the replies: AUTH's, SELECT's, then one per key, deleting each acknowledged key unless COPY (none if AUTH
     * or SELECT failed); then retries, or answers. As in Redis, the connection remembers the selected database only
     * after a MIGRATE that fully succeeded.
     */
    private void finish(
            MigrateRequest request,
            List<Entry> entries,
            MigrationWatch watch,
            boolean mayRetry,
            TargetExchange result,
            MigrateConnection selecting,
            CompletableFuture<Reply> reply) {
        int index = 0;
        String targetError = null;
        if (request.authPassword() != null) {
            TargetReply auth = result.reply(index++);
            if (auth != null && auth.isError()) {
                targetError = auth.text();
            }
        }
        if (selecting != null) {
            TargetReply select = result.reply(index++);
            if (select != null && select.isError()) {
                targetError = targetError == null ? select.text() : targetError;
            }
        }
        boolean preambleFailed = targetError != null;
        int keyReplies = 0;
        for (Entry entry : entries) {
            TargetReply restored = result.reply(index++);
            if (restored == null) {
                break;
            }
            keyReplies++;
            if (restored.isError() || preambleFailed) {
                targetError = targetError == null ? restored.text() : targetError;
            } else if (!request.copy() && !watch.changed(entry.key())) {
                keyspace.delete(entry.key());
            }
        }
        TargetExchange.Failure failure = result.failure();
        if (failure == null) {
            if (targetError == null && selecting != null) {
                selecting.setLastDb(request.db());
            }
            reply.complete(targetError == null ? Reply.ok() : targetFailure(targetError));
            return;
        }
        pool.evict(request.host(), parsePort(request.port()));
        if (mayRetry && failure != TargetExchange.Failure.CONNECT && !result.timedOut() && keyReplies == 0) {
            attempt(request, entries, watch, false, reply);
            return;
        }
        reply.complete(targetError == null ? Reply.error(failure.errorText()) : targetFailure(targetError));
    }

    private static Reply targetFailure(String error) {
        return Reply.error("ERR Target instance replied with error: "
                + error.replace('\r', ' ').replace('\n', ' '));
    }

    /** Returns the port, or -1 if it is not one (Redis then fails to connect, reported as a write error). */
    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port > 0 && port <= 65_535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
