package io.slotwise.netty.cluster;

import io.slotwise.RedisCommandException;
import io.slotwise.api.AsyncCommands;
import io.slotwise.api.WatchedTransaction;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.codec.RedisCodec;
import io.slotwise.command.Command;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespCommandArgs;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.RedirectPolicy;
import io.slotwise.routing.RedirectTrail;
import io.slotwise.topology.NodeAddress;
import io.slotwise.value.ClusterScanCursor;
import io.slotwise.value.ClusterScanPage;
import io.slotwise.value.TransactionResult;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The commands the read phase of a watched transaction receives: each is sent at once on the connection holding the
 * watch (preceded by {@code ASKING} when the transaction follows an {@code ASK}), with no redirect following and no
 * retry. An error reply completes the command's stage with {@link RedisCommandException}; a redirect is also remembered
 * ({@link #redirect()}), so that the transaction starts again on the target once the read phase ends. Refuses keys
 * outside the transaction's slot, nested transactions and scans, and anything after {@link #seal}. Thread-safe.
 */
final class PinnedCommands<K, V> implements AsyncCommands<K, V> {

    static final RespCommandArgs ASKING = RawCommand.of("ASKING");

    private final RedisCodec<K, V> codec;
    private final int slot;
    private final NodeAddress node;
    private final WatchSession session;
    private final boolean asking;
    private final RedirectTrail trail;
    private final TransactionExecutor executor;
    private volatile boolean sealed;
    private volatile RedirectPolicy.Decision.Follow redirect;

    PinnedCommands(
            RedisCodec<K, V> codec,
            int slot,
            NodeAddress node,
            WatchSession session,
            boolean asking,
            RedirectTrail trail,
            TransactionExecutor executor) {
        this.codec = codec;
        this.slot = slot;
        this.node = node;
        this.session = session;
        this.asking = asking;
        this.trail = trail;
        this.executor = executor;
    }

    /** The batch for one command: {@code [ASKING] command}. */
    static List<RespCommandArgs> withAsking(boolean asking, RespCommandArgs command) {
        return asking ? List.of(ASKING, command) : List.of(command);
    }

    @Override
    public <T> CompletionStage<T> execute(Command<T> command) {
        Objects.requireNonNull(command, "command");
        if (sealed) {
            throw new IllegalStateException("The read phase of the watched transaction is over; " + command.name()
                    + " must be sent while its stage is pending");
        }
        QueuedCommands.checkRunsOnSlot(command, slot);
        session.readPhaseSending(command.name());
        return executor.write(node, session, withAsking(asking, command)).thenCompose(replies -> {
            RespValue reply = replies.get(replies.size() - 1);
            if (reply.withoutAttributes() instanceof RespValue.Error error) {
                RedirectPolicy.Decision decision = executor.redirects().decide(error.message(), node, trail);
                if (decision instanceof RedirectPolicy.Decision.Follow follow && redirect == null) {
                    redirect = follow;
                }
                return CompletableFuture.failedFuture(new RedisCommandException(command.name(), error.message()));
            }
            try {
                return CompletableFuture.completedFuture(command.decode(reply));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    /** Ends the read phase. */
    void seal() {
        sealed = true;
    }

    /** The first redirect a read received, or {@code null}. */
    RedirectPolicy.Decision.Follow redirect() {
        return redirect;
    }

    @Override
    public RedisCodec<K, V> codec() {
        return codec;
    }

    @Override
    public CompletionStage<TransactionResult> transaction(List<K> keys, Consumer<? super AsyncCommands<K, V>> body) {
        throw new IllegalStateException("Transactions cannot be nested");
    }

    @Override
    public CompletionStage<TransactionResult> watchedTransaction(
            List<K> watchKeys, WatchedTransaction<K, V> transaction) {
        throw new IllegalStateException("Transactions cannot be nested");
    }

    @Override
    public CompletionStage<ClusterScanPage<K>> scan(ClusterScanCursor cursor, ScanArgs args) {
        throw new IllegalStateException("A cluster scan cannot run inside a transaction");
    }
}
