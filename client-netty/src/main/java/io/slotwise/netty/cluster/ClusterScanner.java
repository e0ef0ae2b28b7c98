package io.slotwise.netty.cluster;

import io.slotwise.UncoveredSlotException;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.codec.RedisCodec;
import io.slotwise.command.Command;
import io.slotwise.command.CommandTrait;
import io.slotwise.command.ReplyDecoders;
import io.slotwise.netty.retry.TransientRetry;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.Redirect;
import io.slotwise.routing.RedirectPolicy;
import io.slotwise.routing.RedirectTrail;
import io.slotwise.routing.SlotHash;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.value.ClusterScanCursor;
import io.slotwise.value.ClusterScanPage;
import io.slotwise.value.TransactionResult;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The cluster-wide scan: reads the keys of one slot at a time, in ascending slot order, from the node serving it, so
 * that progress is counted in slots and slots moving between nodes neither lose nor repeat keys.
 *
 * <p>One slot is read with one transaction on its owner, {@code MULTI; EXISTS <probe>; CLUSTER GETKEYSINSLOT <slot>
 * <all>; EXEC}: the probe key ({@link SlotProbeKeys}) makes Redis check, when queuing and again at {@code EXEC}, that
 * the node serves the slot, and the transaction makes the listing atomic with that check. {@code MOVED} sends the read
 * to the new owner (topology patched, refresh triggered). {@code ASK} means the slot is migrating and its keys are
 * split: the source is listed first (plain {@code GETKEYSINSLOT}), then the target with the same transaction preceded
 * by {@code ASKING}; keys only move from source to target, so every key is in one of the two listings when it is made,
 * and a key seen in both (moved in between) is returned once. Transient errors retry the slot's read with backoff.
 *
 * <p>A page reads slots in growing windows (16, 32, ... up to 1024 slots) until it holds {@code COUNT} keys (10 by
 * default) or the last slot is read. A window costs one transaction per node, probing and listing all of that node's
 * slots of the window; only when a node refuses it (a slot moved or migrates) are its slots read one by one as above.
 * Thread-safe.
 */
final class ClusterScanner {

    private static final int DEFAULT_COUNT = 10;
    private static final int FIRST_WINDOW = 16;
    private static final int MAX_WINDOW = 1024;
    private static final Command<RespValue> SCAN = Command.builder("CLUSTER GETKEYSINSLOT")
            .traits(CommandTrait.READ_ONLY)
            .build();

    private final TopologyRefresher topology;
    private final ConnectionRegistry registry;
    private final NodeSelector selector;
    private final RedirectPolicy redirects;
    private final TransientRetry retry;
    private final TransactionExecutor transactions;
    private final ClusterDispatcher dispatcher;

    ClusterScanner(
            TopologyRefresher topology,
            ConnectionRegistry registry,
            NodeSelector selector,
            RedirectPolicy redirects,
            TransientRetry retry,
            TransactionExecutor transactions,
            ClusterDispatcher dispatcher) {
        this.topology = topology;
        this.registry = registry;
        this.selector = selector;
        this.redirects = redirects;
        this.retry = retry;
        this.transactions = transactions;
        this.dispatcher = dispatcher;
    }

    /** Reads one page; see {@link io.slotwise.api.ClusterScanCommands#scan}. */
    <K> CompletionStage<ClusterScanPage<K>> scan(RedisCodec<K, ?> codec, ClusterScanCursor cursor, ScanArgs args) {
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(args, "args");
        long wanted = args.count() > 0 ? args.count() : DEFAULT_COUNT;
        List<byte[]> found = new ArrayList<>();
        return windows(cursor.nextSlot(), FIRST_WINDOW, wanted, args, found)
                .thenApply(next -> new ClusterScanPage<>(new ClusterScanCursor(next), decode(codec, found)));
    }

    /** Reads windows of slots from {@code from} until enough keys are found; completes with the next slot to read. */
    private CompletionStage<Integer> windows(int from, int window, long wanted, ScanArgs args, List<byte[]> found) {
        if (from >= SlotHash.SLOT_COUNT) {
            return CompletableFuture.completedFuture(SlotHash.SLOT_COUNT);
        }
        int to = Math.min(SlotHash.SLOT_COUNT, from + window);
        List<CompletionStage<List<byte[]>>> reads = readWindow(from, to);
        CompletableFuture<?>[] all =
                reads.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all)
                .thenCompose(done -> {
                    List<byte[]> matching = new ArrayList<>();
                    for (CompletableFuture<?> read : all) {
                        for (Object key : (List<?>) read.join()) {
                            if (args.matches((byte[]) key)) {
                                matching.add((byte[]) key);
                            }
                        }
                    }
                    return ofType(matching, args);
                })
                .thenCompose(keys -> {
                    found.addAll(keys);
                    if (found.size() >= wanted || to >= SlotHash.SLOT_COUNT) {
                        return CompletableFuture.completedFuture(to);
                    }
                    return windows(to, Math.min(MAX_WINDOW, window * 2), wanted, args, found);
                });
    }

    /**
     * Reads slots {@code [from, to)}: one transaction per node for all its slots of the window; a node whose
     * transaction is refused (a slot moved or migrates) or fails has its slots read one by one, following redirects.
     */
    private List<CompletionStage<List<byte[]>>> readWindow(int from, int to) {
        ClusterTopology snapshot = topology.current();
        List<CompletionStage<List<byte[]>>> reads = new ArrayList<>(Collections.nCopies(to - from, null));
        Map<NodeAddress, List<Integer>> byNode = new LinkedHashMap<>();
        for (int slot = from; slot < to; slot++) {
            try {
                byNode.computeIfAbsent(selector.forSlot(SCAN, slot, snapshot), n -> new ArrayList<>())
                        .add(slot);
            } catch (UncoveredSlotException e) {
                int s = slot;
                reads.set(slot - from, retry.run(SCAN, attempt -> readSlot(s)));
            }
        }
        byNode.forEach((node, slots) -> {
            CompletionStage<List<List<byte[]>>> batch = listBatch(node, slots);
            for (int i = 0; i < slots.size(); i++) {
                int index = i;
                int slot = slots.get(i);
                reads.set(
                        slot - from,
                        batch.handle((lists, failure) -> lists != null
                                        ? CompletableFuture.completedFuture(lists.get(index))
                                        : retry.run(SCAN, attempt -> readSlot(slot)))
                                .thenCompose(Function.identity()));
            }
        });
        return reads;
    }

    /**
     * Lists several slots at one node in one transaction; completes with one key list per slot, or {@code null} if the
     * node refused the transaction (some slot is not, or not entirely, served by it).
     */
    private CompletionStage<List<List<byte[]>>> listBatch(NodeAddress node, List<Integer> slots) {
        List<Command<?>> commands = new ArrayList<>(slots.size() * 2);
        List<CompletableFuture<Object>> stages = new ArrayList<>(slots.size() * 2);
        for (int slot : slots) {
            commands.add(probe(slot));
            commands.add(keysInSlot(slot));
            stages.add(new CompletableFuture<>());
            stages.add(new CompletableFuture<>());
        }
        TransactionBlock block = new TransactionBlock(commands, stages);
        return transactions.write(node, registry.get(node), block.wire(false)).thenApply(replies -> {
            TransactionBlock.Outcome outcome =
                    block.interpret(replies, false, node, RedirectTrail.startingAt(node), redirects);
            if (!(outcome instanceof TransactionBlock.Outcome.Done done)) {
                return null;
            }
            List<List<byte[]>> lists = new ArrayList<>(slots.size());
            for (int i = 0; i < slots.size(); i++) {
                @SuppressWarnings("unchecked")
                List<byte[]> keys = (List<byte[]>) done.result().get(2 * i + 1);
                lists.add(keys);
            }
            return lists;
        });
    }

    /** Keeps the keys of the {@code TYPE} asked for, one {@code TYPE} request per key; all keys without a type. */
    private CompletionStage<List<byte[]>> ofType(List<byte[]> keys, ScanArgs args) {
        if (args.type().isEmpty() || keys.isEmpty()) {
            return CompletableFuture.completedFuture(keys);
        }
        String wanted = args.type().get().toLowerCase(Locale.ROOT);
        List<CompletableFuture<String>> types = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            types.add(dispatcher
                    .execute(Command.builder("TYPE")
                            .key(key)
                            .traits(CommandTrait.READ_ONLY)
                            .decodedBy(ReplyDecoders.text()))
                    .toCompletableFuture());
        }
        return CompletableFuture.allOf(types.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<byte[]> kept = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                if (wanted.equals(types.get(i).join().toLowerCase(Locale.ROOT))) {
                    kept.add(keys.get(i));
                }
            }
            return kept;
        });
    }

    /** Lists one slot's keys at the node serving it, following redirects (both nodes while it migrates). */
    private CompletionStage<List<byte[]>> readSlot(int slot) {
        NodeAddress node;
        try {
            node = selector.forSlot(SCAN, slot, topology.current());
        } catch (UncoveredSlotException e) {
            topology.trigger();
            return CompletableFuture.failedFuture(e);
        }
        return readAt(slot, node, RedirectTrail.startingAt(node));
    }

    private CompletionStage<List<byte[]>> readAt(int slot, NodeAddress node, RedirectTrail trail) {
        return listVerified(slot, node, false, trail).thenCompose(outcome -> {
            if (outcome instanceof Listed listed) {
                return CompletableFuture.completedFuture(listed.keys());
            }
            RedirectPolicy.Decision.Follow follow = ((Moved) outcome).follow();
            Redirect redirect = transactions.followRedirect(node, follow);
            if (redirect instanceof Redirect.Ask) {
                return migrating(slot, node, redirect.target(), follow.trail());
            }
            return readAt(slot, redirect.target(), follow.trail());
        });
    }

    /** The slot migrates from {@code source} to {@code target}: list the source, then the target, without repeats. */
    private CompletionStage<List<byte[]>> migrating(
            int slot, NodeAddress source, NodeAddress target, RedirectTrail trail) {
        Command<List<byte[]>> list = keysInSlot(slot);
        return transactions.write(source, registry.get(source), List.of(list)).thenCompose(replies -> {
            List<byte[]> fromSource = list.decode(replies.get(0));
            return listVerified(slot, target, true, trail).thenCompose(outcome -> {
                if (outcome instanceof Moved moved) {
                    // Neither the source's nor the target's listing can be trusted: read the slot again.
                    Redirect redirect = transactions.followRedirect(target, moved.follow());
                    return readAt(slot, redirect.target(), moved.follow().trail());
                }
                return CompletableFuture.completedFuture(union(fromSource, ((Listed) outcome).keys()));
            });
        });
    }

    private static List<byte[]> union(List<byte[]> first, List<byte[]> second) {
        Set<ByteBuffer> seen = new LinkedHashSet<>();
        List<byte[]> keys = new ArrayList<>(first.size() + second.size());
        for (List<byte[]> part : List.of(first, second)) {
            for (byte[] key : part) {
                if (seen.add(ByteBuffer.wrap(key))) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** What one verified listing gave: the keys, or a redirect. */
    private sealed interface Outcome permits Listed, Moved {}

    private record Listed(List<byte[]> keys) implements Outcome {}

    private record Moved(RedirectPolicy.Decision.Follow follow) implements Outcome {}

    /** {@code [ASKING] MULTI; EXISTS probe; CLUSTER GETKEYSINSLOT; EXEC} on one node's shared connection. */
    private CompletionStage<Outcome> listVerified(int slot, NodeAddress node, boolean asking, RedirectTrail trail) {
        TransactionBlock block = new TransactionBlock(
                List.of(probe(slot), keysInSlot(slot)), List.of(new CompletableFuture<>(), new CompletableFuture<>()));
        return transactions.write(node, registry.get(node), block.wire(asking)).thenCompose(replies -> {
            TransactionBlock.Outcome outcome = block.interpret(replies, asking, node, trail, redirects);
            if (outcome instanceof TransactionBlock.Outcome.Redirected redirected) {
                return CompletableFuture.completedFuture(new Moved(redirected.follow()));
            }
            if (outcome instanceof TransactionBlock.Outcome.Failed failed) {
                return CompletableFuture.failedFuture(failed.failure());
            }
            TransactionResult result = ((TransactionBlock.Outcome.Done) outcome).result();
            @SuppressWarnings("unchecked")
            List<byte[]> keys = (List<byte[]>) result.get(1);
            return CompletableFuture.completedFuture(new Listed(keys));
        });
    }

    private static Command<Long> probe(int slot) {
        return Command.builder("EXISTS")
                .key(SlotProbeKeys.of(slot))
                .traits(CommandTrait.READ_ONLY)
                .decodedBy(ReplyDecoders.integer());
    }

    private static Command<List<byte[]>> keysInSlot(int slot) {
        return Command.builder("CLUSTER GETKEYSINSLOT")
                .arg(slot)
                .arg(Integer.MAX_VALUE)
                .traits(CommandTrait.READ_ONLY)
                .decodedBy(ReplyDecoders.list(ReplyDecoders.bytes()));
    }

    private static <K> List<K> decode(RedisCodec<K, ?> codec, List<byte[]> keys) {
        List<K> decoded = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            decoded.add(codec.decodeKey(key));
        }
        return decoded;
    }
}
