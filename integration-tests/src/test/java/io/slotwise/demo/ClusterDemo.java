package io.slotwise.demo;

import io.slotwise.ClusterClientOptions;
import io.slotwise.RedisClusterClient;
import io.slotwise.api.AsyncCommands;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.event.ClientEventListener;
import io.slotwise.event.RedirectKind;
import io.slotwise.netty.SlotwiseCluster;
import io.slotwise.pubsub.ClusterSubscriber;
import io.slotwise.pubsub.PubSubListener;
import io.slotwise.routing.SlotHash;
import io.slotwise.sim.SimCluster;
import io.slotwise.sim.SimClusterNode;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import io.slotwise.value.TransactionResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Slotwise demo: starts a simulated 3-primary, 3-replica Redis cluster inside this JVM, connects the Slotwise
 * client to it, and shows what a cluster client does: routes 10,000 writes to the owners of their slots, reads keys
 * of many slots with one cross-slot MGET, and keeps working while a slot moves to another primary (following MOVED
 * and ASK), its sharded Pub/Sub subscription following the slot. Prints what happened, then stops everything.
 *
 * <p>Run with {@code ./scripts/demo.sh}.
 */
public final class ClusterDemo {

    private static final int KEYS = 10_000;

    private ClusterDemo() {}

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // The simulated nodes log their cluster chatter at INFO; the demo shows only its own output and warnings.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        RedirectCounter redirects = new RedirectCounter();
        try (SimCluster cluster =
                SimCluster.builder().primaries(3).replicasPerPrimary(1).start()) {
            System.out.printf(
                    "Simulated cluster of %d nodes formed in %d ms%n",
                    cluster.nodes().size(), cluster.startTime().toMillis());
            List<String> seeds = cluster.seeds().stream()
                    .map(a -> "redis://" + a.getHostString() + ":" + a.getPort())
                    .toList();
            ClusterClientOptions options = ClusterClientOptions.builder()
                    .seeds(seeds)
                    .commandTimeout(Duration.ofSeconds(5))
                    .eventListener(redirects)
                    .build();
            try (RedisClusterClient client = SlotwiseCluster.connect(options)) {
                printTopology(client);
                AsyncCommands<String, String> redis = client.async();
                writeKeys(redis);
                readAcrossSlots(redis);
                transferInOneTransaction(redis);
                moveASlotUnderLoad(cluster, client);
                scanTheWholeCluster(redis);
            }
            System.out.printf(
                    "Redirects followed: %d MOVED, %d ASK. Commands failed: %d.%n",
                    redirects.moved.get(), redirects.ask.get(), redirects.failed.get());
        }
        System.out.println("Cluster and client closed.");
    }

    private static void printTopology(RedisClusterClient client) {
        System.out.println("Topology the client discovered:");
        for (Shard shard : client.topology().shards()) {
            System.out.printf(
                    "  primary %s serves %s, replicas %s%n",
                    shard.primary().address(),
                    shard.slots(),
                    shard.replicas().stream().map(r -> r.address().toString()).toList());
        }
    }

    private static void writeKeys(AsyncCommands<String, String> redis) {
        long start = System.nanoTime();
        List<CompletableFuture<String>> writes = new ArrayList<>(KEYS);
        for (int i = 0; i < KEYS; i++) {
            writes.add(redis.set("user:" + i, "name-" + i).toCompletableFuture());
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        System.out.printf(
                "Wrote %d keys over all three primaries in %d ms (pipelined, one connection per node)%n",
                KEYS, (System.nanoTime() - start) / 1_000_000);
    }

    private static void readAcrossSlots(AsyncCommands<String, String> redis) {
        List<String> keys = List.of("user:1", "user:2", "user:3", "user:42", "user:9999");
        List<String> values = redis.mget(keys).toCompletableFuture().join();
        System.out.println("One MGET over keys in slots "
                + keys.stream().map(SlotHash::slot).toList() + " (split by node, answered in caller order):");
        for (int i = 0; i < keys.size(); i++) {
            System.out.printf("  %s = %s%n", keys.get(i), values.get(i));
        }
    }

    private static void transferInOneTransaction(AsyncCommands<String, String> redis) {
        List<String> accounts = List.of("{account:7}:alice", "{account:7}:bob");
        redis.mset(Map.of(accounts.get(0), "100", accounts.get(1), "0"))
                .toCompletableFuture()
                .join();
        TransactionResult result = redis.transaction(accounts, tx -> {
                    tx.decrby(accounts.get(0), 30);
                    tx.incrby(accounts.get(1), 30);
                })
                .toCompletableFuture()
                .join();
        System.out.printf(
                "MULTI/EXEC on slot %d (one batch on its owner's connection): %s -> %s, %s -> %s%n",
                SlotHash.slot(accounts.get(0)), accounts.get(0), result.get(0), accounts.get(1), result.get(1));
    }

    private static void scanTheWholeCluster(AsyncCommands<String, String> redis) {
        List<String> users = redis.scanAll(ScanArgs.builder()
                        .match("user:*".getBytes(StandardCharsets.UTF_8))
                        .build())
                .toCompletableFuture()
                .join();
        System.out.printf(
                "Cluster-wide SCAN (cursor counts slots, safe across a reshard): %d keys match user:*%n", users.size());
    }

    private static void moveASlotUnderLoad(SimCluster cluster, RedisClusterClient client) {
        AsyncCommands<String, String> redis = client.async();
        int slot = SlotHash.slot("user:42");
        String channel = "{user:42}:events";
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try (ClusterSubscriber<String, String> events = client.pubSub()) {
            events.addListener(new PubSubListener<>() {
                @Override
                public void shardMessage(String shardChannel, String message) {
                    received.add(message);
                }
            });
            events.ssubscribe(List.of(channel)).toCompletableFuture().join();
            moveSlot(cluster, redis, slot);
            // The old owner dropped the shard subscription when it lost the slot; the subscriber moved it by itself.
            String message = null;
            for (int attempt = 0; attempt < 50 && message == null; attempt++) {
                redis.spublish(channel, "published after the move")
                        .toCompletableFuture()
                        .join();
                message = poll(received);
            }
            System.out.printf(
                    "Shard channel %s followed slot %d to its new owner: received '%s'%n", channel, slot, message);
        }
    }

    private static String poll(BlockingQueue<String> received) {
        try {
            return received.poll(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void moveSlot(SimCluster cluster, AsyncCommands<String, String> redis, int slot) {
        SimClusterNode from = cluster.primaryForSlot(slot).orElseThrow();
        SimClusterNode to = cluster.primaries().stream()
                .filter(p -> !p.id().equals(from.id()))
                .findFirst()
                .orElseThrow();
        for (int i = 0; i < 200; i++) {
            redis.set("{user:42}:" + i, "v" + i).toCompletableFuture().join();
        }
        CompletableFuture<Void> migration = CompletableFuture.runAsync(() -> cluster.migrateSlot(slot, from, to));
        int round = 0;
        while (!migration.isDone() || round < 50) {
            String key = "{user:42}:" + (round % 200);
            redis.set(key, "v" + round).toCompletableFuture().join();
            redis.get(key).toCompletableFuture().join();
            round++;
        }
        migration.join();
        String value = redis.get("user:42").toCompletableFuture().join();
        System.out.printf(
                "Moved slot %d from %s to %s while writing to it (%d writes, no caller saw an error);"
                        + " user:42 = %s%n",
                slot, hostPort(from), hostPort(to), round, value);
    }

    private static String hostPort(SimClusterNode node) {
        return node.address().getAddress().getHostAddress() + ":"
                + node.address().getPort();
    }

    /** Counts what the client reports through its event listener. */
    private static final class RedirectCounter implements ClientEventListener {
        private final AtomicLong moved = new AtomicLong();
        private final AtomicLong ask = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();

        @Override
        public void redirected(String command, RedirectKind kind, int slot, NodeAddress from, NodeAddress to) {
            (kind == RedirectKind.MOVED ? moved : ask).incrementAndGet();
        }

        @Override
        public void commandFailed(String command, Duration latency, Throwable cause) {
            failed.incrementAndGet();
        }
    }
}
