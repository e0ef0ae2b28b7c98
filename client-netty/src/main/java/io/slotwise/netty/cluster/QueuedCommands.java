package io.slotwise.netty.cluster;

import io.slotwise.CrossSlotException;
import io.slotwise.api.AsyncCommands;
import io.slotwise.api.WatchedTransaction;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.codec.RedisCodec;
import io.slotwise.command.Command;
import io.slotwise.command.Routing;
import io.slotwise.value.ClusterScanCursor;
import io.slotwise.value.ClusterScanPage;
import io.slotwise.value.TransactionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The commands a transaction body receives: each command is checked and queued, nothing is sent; its stage completes
 * after {@code EXEC}. Refuses keys outside the transaction's slot, commands for several nodes, nested transactions and
 * scans. Usable only while the body runs: {@link #seal} ends queuing. Not thread-safe (the body runs on one thread).
 */
final class QueuedCommands<K, V> implements AsyncCommands<K, V> {

    private final RedisCodec<K, V> codec;
    private final int slot;
    private final List<Command<?>> commands = new ArrayList<>();
    private final List<CompletableFuture<Object>> stages = new ArrayList<>();
    private boolean sealed;

    QueuedCommands(RedisCodec<K, V> codec, int slot) {
        this.codec = codec;
        this.slot = slot;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> execute(Command<T> command) {
        Objects.requireNonNull(command, "command");
        if (sealed) {
            throw new IllegalStateException(
                    "The transaction was already sent; queue " + command.name() + " inside the transaction's body");
        }
        checkRunsOnSlot(command, slot);
        CompletableFuture<Object> stage = new CompletableFuture<>();
        commands.add(command);
        stages.add(stage);
        return (CompletionStage<T>) stage.minimalCompletionStage();
    }

    /**
     * Checks that a command can run inside a transaction on {@code slot}.
     *
     * @throws CrossSlotException if the command has a key of another slot (or its keys span several slots)
     * @throws IllegalArgumentException if the command goes to several nodes or is pinned to a node
     */
    static void checkRunsOnSlot(Command<?> command, int slot) {
        if (command.routing() instanceof Routing.FanOut) {
            throw new IllegalArgumentException(command.name()
                    + " goes to several nodes and cannot run in a transaction, which runs on the node of slot " + slot);
        }
        if (command.routing() instanceof Routing.ToNode toNode) {
            throw new IllegalArgumentException(command.name() + " is pinned to " + toNode.node()
                    + " and cannot run in a transaction, which runs on the node of slot " + slot);
        }
        if (command.keys().isEmpty()) {
            return;
        }
        int commandSlot = command.slot().orElse(-1);
        if (commandSlot != slot) {
            throw new CrossSlotException("CROSSSLOT: the transaction runs on slot " + slot + ", but " + command.name()
                    + (commandSlot < 0 ? " has keys in several slots" : " has keys in slot " + commandSlot)
                    + ". Give every key of the transaction a common hash tag, e.g. {user42}:name and {user42}:email.");
        }
    }

    /** Ends queuing and returns the block to send. */
    TransactionBlock seal() {
        sealed = true;
        return new TransactionBlock(commands, stages);
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
