package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import io.slotwise.RedisClusterClient;
import io.slotwise.RedisCommandException;
import io.slotwise.TransactionDiscardedException;
import io.slotwise.api.AsyncCommands;
import io.slotwise.event.RedirectKind;
import io.slotwise.netty.testing.Await;
import io.slotwise.netty.testing.ClusterTestBase;
import io.slotwise.netty.testing.FakeClusterNode;
import io.slotwise.netty.testing.FakeRedisServer;
import io.slotwise.routing.SlotHash;
import io.slotwise.value.TransactionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TransactionTest extends ClusterTestBase {

    @Test
    void queuedCommandsCompleteWithTheirOwnRepliesAfterExec() throws InterruptedException {
        startCluster(3, 0);
        AsyncCommands<String, String> c = connect().async();
        cluster.put("{t}:a", "1");
        List<CompletionStage<?>> stages = new ArrayList<>();

        TransactionResult result = Await.value(c.transaction(List.of("{t}:a"), tx -> {
            stages.add(tx.get("{t}:a"));
            stages.add(tx.set("{t}:b", "2"));
            stages.add(tx.get("{t}:missing"));
        }));

        assertTrue(result.executed());
        assertEquals(3, result.results().size());
        assertEquals("1", result.get(0));
        assertEquals("OK", result.get(1));
        assertNull(result.get(2));
        assertEquals("1", Await.value(stages.get(0)));
        assertEquals("OK", Await.value(stages.get(1)));
        assertNull(Await.value(stages.get(2)));
        assertEquals("2", cluster.value("{t}:b"));
        FakeClusterNode owner = cluster.ownerOfKey("{t}:a");
        assertEquals(
                List.of("MULTI", "GET", "SET", "GET", "EXEC"),
                owner.requests().stream()
                        .map(r -> r.args().get(0).toUpperCase())
                        .filter(n -> !n.equals("HELLO") && !n.equals("CLUSTER") && !n.equals("CLIENT"))
                        .toList());
    }

    @Test
    void otherCallersCommandsNeverLandInsideAnotherCallersTransaction() throws InterruptedException {
        startCluster(1, 0);
        AsyncCommands<String, String> c = connect().async();
        List<CompletionStage<?>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            all.add(c.set("{t}:plain" + n, "v"));
            all.add(c.transaction(List.of("{t}:x"), tx -> {
                tx.set("{t}:x" + n, "a");
                tx.set("{t}:y" + n, "b");
            }));
        }
        for (CompletionStage<?> stage : all) {
            Await.value(stage);
        }

        List<String> names = new ArrayList<>();
        for (FakeRedisServer.Request request : cluster.primaries().get(0).requests()) {
            names.add(request.args().get(0).toUpperCase() + " "
                    + (request.args().size() > 1 ? request.args().get(1) : ""));
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).startsWith("MULTI")) {
                assertTrue(names.get(i + 1).startsWith("SET {t}:x"), () -> names.toString());
                assertTrue(names.get(i + 2).startsWith("SET {t}:y"), () -> names.toString());
                assertTrue(names.get(i + 3).startsWith("EXEC"), () -> names.toString());
            }
        }
    }

    @Test
    void crossSlotKeysAreRejectedBeforeAnythingIsSent() throws InterruptedException {
        startCluster(2, 0);
        AsyncCommands<String, String> c = connect().async();
        assertTrue(SlotHash.slot("a") != SlotHash.slot("b"));

        CrossSlotException keys =
                assertThrows(CrossSlotException.class, () -> c.transaction(List.of("a", "b"), tx -> tx.get("a")));
        assertTrue(keys.getMessage().contains("'a' -> slot " + SlotHash.slot("a")), keys.getMessage());
        assertTrue(keys.getMessage().contains("'b' -> slot " + SlotHash.slot("b")), keys.getMessage());

        AtomicReference<CompletionStage<String>> queuedFirst = new AtomicReference<>();
        CrossSlotException queued = assertThrows(
                CrossSlotException.class,
                () -> c.transaction(List.of("a"), tx -> {
                    queuedFirst.set(tx.get("a"));
                    tx.get("b");
                }));
        assertTrue(queued.getMessage().contains("slot " + SlotHash.slot("a")), queued.getMessage());
        assertTrue(queued.getMessage().contains("slot " + SlotHash.slot("b")), queued.getMessage());
        assertInstanceOf(CrossSlotException.class, Await.failure(queuedFirst.get(), CrossSlotException.class));
        assertThrows(IllegalArgumentException.class, () -> c.transaction(List.of("a"), tx -> tx.keys("*")));
        for (FakeClusterNode node : cluster.nodes()) {
            assertEquals(0, node.requests("MULTI").size(), "nothing was sent to " + node);
        }
    }

    @Test
    void aWatchedKeyChangedBeforeExecDiscardsTheTransaction() throws InterruptedException {
        startCluster(2, 0);
        AsyncCommands<String, String> c = connect().async();
        cluster.put("{w}:balance", "10");
        AtomicReference<CompletionStage<String>> set = new AtomicReference<>();

        TransactionResult result = Await.value(c.watchedTransaction(
                List.of("{w}:balance"),
                reads -> reads.get("{w}:balance").thenApply(balance -> {
                    cluster.put("{w}:balance", "999"); // another client writes between WATCH and EXEC
                    return tx -> set.set(tx.set("{w}:balance", String.valueOf(Integer.parseInt(balance) + 1)));
                })));

        assertTrue(result.discarded());
        assertEquals("999", cluster.value("{w}:balance"));
        Await.failure(set.get(), TransactionDiscardedException.class);

        TransactionResult second = Await.value(c.watchedTransaction(
                List.of("{w}:balance"),
                reads -> reads.get("{w}:balance")
                        .thenApply(balance ->
                                tx -> tx.set("{w}:balance", String.valueOf(Integer.parseInt(balance) + 1)))));
        assertTrue(second.executed());
        assertEquals("1000", cluster.value("{w}:balance"));
    }

    @Test
    void aQueuingErrorAbortsTheTransactionAndEachCommandSeesItsOwnError() throws InterruptedException {
        startCluster(1, 0);
        AsyncCommands<String, String> c = connect().async();
        FakeClusterNode owner = cluster.primaries().get(0);
        owner.replyNext("GET", 1, "-ERR wrong number of arguments for 'get' command\r\n");
        List<CompletionStage<?>> stages = new ArrayList<>();

        CompletionStage<TransactionResult> result = c.transaction(List.of("{e}:a"), tx -> {
            stages.add(tx.set("{e}:a", "1"));
            stages.add(tx.get("{e}:a"));
        });

        RedisCommandException exec = Await.failure(result, RedisCommandException.class);
        assertEquals("EXECABORT", exec.code());
        assertEquals(
                "EXECABORT",
                Await.failure(stages.get(0), RedisCommandException.class).code());
        assertTrue(Await.failure(stages.get(1), RedisCommandException.class)
                .getMessage()
                .contains("wrong number of arguments"));
        assertNull(cluster.value("{e}:a"), "nothing ran");
    }

    @Test
    void movedOnAQueuedCommandSendsTheWholeTransactionToTheNewOwner() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect();
        FakeClusterNode oldOwner = cluster.primaries().get(0);
        FakeClusterNode newOwner = cluster.primaries().get(1);
        String key = cluster.keyServedBy(oldOwner, "m:");
        cluster.assign(SlotHash.slot(key), newOwner);

        TransactionResult result = Await.value(client.async().transaction(List.of(key), tx -> {
            tx.set(key, "1");
            tx.get(key);
        }));

        assertEquals(List.of("OK", "1"), result.results());
        assertEquals(1, oldOwner.requests("EXEC").size(), "the old owner refused the block");
        assertEquals(1, newOwner.requests("EXEC").size(), "the whole block went to the new owner");
        assertEquals(RedirectKind.MOVED, events.redirects.get(0).kind());
        assertEquals(
                newOwner.address(),
                client.topology().shardForSlot(SlotHash.slot(key)).primary().address());
    }

    @Test
    void askOnAQueuedCommandSendsAskingThenTheTransactionToTheImportingNode() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect();
        FakeClusterNode source = cluster.primaries().get(0);
        FakeClusterNode target = cluster.primaries().get(1);
        String key = cluster.keyServedBy(source, "ask:");
        cluster.put(key, "old");
        cluster.beginMigration(SlotHash.slot(key), target);
        cluster.moveKey(key);

        TransactionResult result = Await.value(client.async().transaction(List.of(key), tx -> {
            tx.get(key);
            tx.set(key, "new");
        }));

        assertEquals(List.of("old", "OK"), result.results());
        List<String> atTarget = target.requests().stream()
                .map(r -> r.args().get(0).toUpperCase())
                .filter(n -> !n.equals("HELLO") && !n.equals("CLUSTER") && !n.equals("CLIENT"))
                .toList();
        assertEquals(List.of("ASKING", "MULTI", "GET", "SET", "EXEC"), atTarget);
        assertEquals(RedirectKind.ASK, events.redirects.get(0).kind());
        assertEquals(
                source.address(),
                client.topology().shardForSlot(SlotHash.slot(key)).primary().address(),
                "ASK leaves the topology alone");
    }

    @Test
    void tryAgainWhileQueuingRetriesTheTransaction() throws InterruptedException {
        startCluster(1, 0);
        AsyncCommands<String, String> c = connect().async();
        cluster.primaries().get(0).replyNext("SET", 1, "-TRYAGAIN Multiple keys request during rehashing of slot\r\n");

        TransactionResult result = Await.value(c.transaction(List.of("{r}:a"), tx -> tx.set("{r}:a", "1")));

        assertEquals(List.of("OK"), result.results());
        assertEquals(2, cluster.primaries().get(0).requests("EXEC").size());
        assertEquals("1", cluster.value("{r}:a"));
    }

    @Test
    void aBodyThatThrowsSendsNothingAndFailsWhatItQueued() throws InterruptedException {
        startCluster(1, 0);
        AsyncCommands<String, String> c = connect().async();
        AtomicReference<CompletionStage<String>> queued = new AtomicReference<>();
        IllegalStateException thrown = new IllegalStateException("boom");

        IllegalStateException seen = assertThrows(
                IllegalStateException.class,
                () -> c.transaction(List.of("k"), tx -> {
                    queued.set(tx.set("k", "v"));
                    throw thrown;
                }));

        assertEquals(thrown, seen);
        assertEquals(thrown, Await.failure(queued.get(), IllegalStateException.class));
        assertEquals(0, cluster.primaries().get(0).requests("MULTI").size());
        assertFalse(cluster.primaries().get(0).requests("SET").size() > 0);
    }

    @Test
    void aWatchedTransactionWhoseSlotMovedStartsAgainOnTheNewOwner() throws InterruptedException {
        startCluster(2, 0);
        AsyncCommands<String, String> c = connect().async();
        FakeClusterNode oldOwner = cluster.primaries().get(0);
        FakeClusterNode newOwner = cluster.primaries().get(1);
        String key = cluster.keyServedBy(oldOwner, "wm:");
        cluster.put(key, "5");
        cluster.assign(SlotHash.slot(key), newOwner);
        List<String> readsSeen = new ArrayList<>();

        TransactionResult result = Await.value(c.watchedTransaction(
                List.of(key),
                reads -> reads.get(key).thenApply(value -> {
                    readsSeen.add(value);
                    return tx -> tx.set(key, value + "!");
                })));

        assertTrue(result.executed());
        assertEquals("5!", cluster.value(key));
        assertEquals(List.of("5"), readsSeen, "the WATCH was redirected before any read");
        assertEquals(1, oldOwner.requests("WATCH").size());
        assertEquals(1, newOwner.requests("WATCH").size());
        // Each node keeps the shared connection and, idle for the next watched transaction, the dedicated one.
        Await.until(
                () -> oldOwner.openConnections() <= 2 && newOwner.openConnections() <= 2,
                () -> "no dedicated connection left in use");
    }
}
