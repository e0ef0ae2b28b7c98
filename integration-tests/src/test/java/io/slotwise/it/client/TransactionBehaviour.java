package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import io.slotwise.RedisCommandException;
import io.slotwise.TransactionDiscardedException;
import io.slotwise.api.AsyncCommands;
import io.slotwise.event.RedirectKind;
import io.slotwise.routing.SlotHash;
import io.slotwise.value.TransactionResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Single-slot {@code MULTI}/{@code EXEC} transactions through the client: several commands on one slot each get their
 * own reply, a cross-slot transaction fails before anything is sent, a watched key changed by another connection
 * discards the transaction, and transactions keep working while their slot migrates ({@code ASK}: the whole block goes
 * to the importing node after {@code ASKING}) and after it moved ({@code MOVED}). Watched transactions reuse a few
 * dedicated connections instead of opening one each, and the client leaves none open once closed.
 */
public abstract class TransactionBehaviour {

    private final ClusterBackend backend;

    /** Runs the behaviour against {@code backend}. */
    protected TransactionBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    @Test
    void severalCommandsOnOneSlotRunTogetherAndEachGetsItsReply() {
        try (ObservedClient observed = ObservedClient.connect(backend)) {
            AsyncCommands<String, String> c = observed.commands();
            AtomicReference<CompletionStage<Long>> incr = new AtomicReference<>();

            TransactionResult result = Calls.value(c.transaction(List.of("{tx}:counter"), tx -> {
                tx.set("{tx}:counter", "41");
                incr.set(tx.incr("{tx}:counter"));
                tx.rpush("{tx}:list", List.of("a", "b"));
                tx.get("{tx}:absent");
                tx.lpop("{tx}:counter"); // WRONGTYPE when it runs: the others still run
            }));

            assertTrue(result.executed());
            assertEquals("OK", result.get(0));
            assertEquals(42L, result.get(1));
            assertEquals(2L, result.get(2));
            assertNull(result.get(3));
            assertTrue(result.hasErrors());
            assertEquals(42L, Calls.value(incr.get()));
            assertEquals("42", Calls.value(c.get("{tx}:counter")));
        }
    }

    @Test
    void aCrossSlotTransactionIsRejectedBeforeAnythingIsSent() {
        try (ObservedClient observed = ObservedClient.connect(backend)) {
            AsyncCommands<String, String> c = observed.commands();
            assertTrue(SlotHash.slot("{x}:a") != SlotHash.slot("{y}:b"));

            CrossSlotException byKeys = assertThrows(
                    CrossSlotException.class,
                    () -> c.transaction(List.of("{x}:a", "{y}:b"), tx -> tx.set("{x}:a", "1")));
            CrossSlotException byCommand = assertThrows(
                    CrossSlotException.class,
                    () -> c.transaction(List.of("{x}:a"), tx -> {
                        tx.set("{x}:a", "1");
                        tx.set("{y}:b", "1");
                    }));

            assertTrue(byKeys.getMessage().contains("slot " + SlotHash.slot("{y}:b")), byKeys.getMessage());
            assertTrue(byCommand.getMessage().contains("slot " + SlotHash.slot("{y}:b")), byCommand.getMessage());
            assertEquals(0L, Calls.value(c.exists(List.of("{x}:a", "{y}:b"))), "nothing was written");
        }
    }

    @Test
    void aWatchedKeyChangedByAnotherConnectionDiscardsTheTransaction() {
        String key = "{watch}:balance";
        try (ObservedClient observed = ObservedClient.connect(backend)) {
            AsyncCommands<String, String> c = observed.commands();
            Calls.value(c.set(key, "100"));
            BackendNode owner = backend.slotOwner(SlotHash.slot(key));
            AtomicReference<CompletionStage<String>> queued = new AtomicReference<>();

            TransactionResult discarded = Calls.value(c.watchedTransaction(
                    List.of(key),
                    reads -> reads.get(key).thenApply(balance -> {
                        backend.call(owner, "SET", key, "7"); // another client, between WATCH and EXEC
                        return tx -> queued.set(tx.set(key, String.valueOf(Long.parseLong(balance) - 10)));
                    })));

            assertTrue(discarded.discarded(), discarded::toString);
            assertTrue(Calls.failure(queued.get(), Duration.ofSeconds(10)) instanceof TransactionDiscardedException);
            assertEquals("7", Calls.value(c.get(key)));

            TransactionResult executed = Calls.value(c.watchedTransaction(
                    List.of(key),
                    reads -> reads.get(key)
                            .thenApply(balance -> tx -> tx.set(key, String.valueOf(Long.parseLong(balance) - 10)))));
            assertTrue(executed.executed());
            assertEquals("-3", Calls.value(c.get(key)));
        }
    }

    @Test
    void transactionsFollowTheirSlotWhileItMigratesAndAfterItMoved() {
        String tag = "{txmig}";
        int slot = SlotHash.slot(tag);
        BackendNode source = backend.slotOwner(slot);
        BackendNode target = backend.primaries().stream()
                .filter(node -> !node.equals(source))
                .findFirst()
                .orElseThrow();
        try (ObservedClient observed = ObservedClient.connect(backend)) {
            AsyncCommands<String, String> c = observed.commands();
            for (int i = 0; i < 10; i++) {
                Calls.value(c.set(tag + ":" + i, "v" + i));
            }
            SlotMigration migration = backend.beginMigration(slot, source, target);
            assertEquals(10, migration.migrateBatch(10) + migration.migrateBatch(10));
            // Every key is at the target now: the source answers ASK, the block goes to the target after ASKING.
            TransactionResult moved = Calls.value(c.transaction(List.of(tag + ":1"), tx -> {
                tx.get(tag + ":1");
                tx.append(tag + ":1", "+");
            }));
            assertEquals(List.of("v1", 3L), moved.results());
            assertTrue(observed.redirects(RedirectKind.ASK) > 0, "the transaction followed ASK");
            TransactionResult created =
                    Calls.value(c.transaction(List.of(tag + ":new"), tx -> tx.set(tag + ":new", "n")));
            assertEquals(List.of("OK"), created.results());
            assertEquals(
                    11L,
                    backend.call(target, "CLUSTER", "COUNTKEYSINSLOT", slot).integer(),
                    "the new key was created at the importing node");
            // Redis refuses a multi-key block at the importing node while one of its keys is missing there: TRYAGAIN,
            // retried with backoff until the client's attempts run out.
            Throwable unstable = Calls.failure(
                    c.transaction(List.of(tag + ":1"), tx -> {
                        tx.get(tag + ":1");
                        tx.get(tag + ":absent");
                    }),
                    Calls.LIMIT);
            assertTrue(unstable instanceof RedisCommandException e && e.code().equals("TRYAGAIN"), unstable::toString);

            migration.finish(backend.primaries());
            TransactionResult after = Calls.value(c.transaction(List.of(tag + ":2"), tx -> {
                tx.get(tag + ":2");
                tx.get(tag + ":new");
            }));
            assertEquals(List.of("v2", "n"), after.results());
            assertTrue(observed.redirects(RedirectKind.MOVED) > 0, "the transaction followed MOVED");
            assertEquals(target, backend.slotOwner(slot));
            assertEquals("v1+", Calls.value(c.get(tag + ":1")));
        }
    }

    @Test
    void watchedTransactionsReuseTheirConnectionsAndCloseLeavesNoneOpen() {
        String key = "{watchpool}:counter";
        BackendNode owner = backend.slotOwner(SlotHash.slot(key));
        long connectedBefore = clientInfo(owner, "connected_clients");
        try (ObservedClient observed = ObservedClient.connect(backend)) {
            AsyncCommands<String, String> c = observed.commands();
            incrementWatched(c, key); // opens the shared and the dedicated connection to the owner
            long acceptedBefore = clientInfo(owner, "total_connections_received");

            for (int i = 0; i < 50; i++) {
                incrementWatched(c, key);
            }

            assertEquals("51", Calls.value(c.get(key)));
            // An admin call may open a connection of its own (the simulator backend does): at most one more.
            long opened = clientInfo(owner, "total_connections_received") - acceptedBefore;
            assertTrue(opened <= 1, "50 watched transactions opened " + opened + " connections");
        }
        Await.until(
                "the closed client left no connection open on " + owner,
                Duration.ofSeconds(10),
                () -> clientInfo(owner, "connected_clients") <= connectedBefore,
                () -> "connected_clients " + clientInfo(owner, "connected_clients") + ", before " + connectedBefore);
    }

    private static void incrementWatched(AsyncCommands<String, String> c, String key) {
        TransactionResult result = Calls.value(c.watchedTransaction(
                List.of(key),
                reads -> reads.get(key)
                        .thenApply(value ->
                                tx -> tx.set(key, String.valueOf(value == null ? 1 : Long.parseLong(value) + 1)))));
        assertTrue(result.executed(), result::toString);
    }

    /** A numeric field of {@code INFO} on one node, asked on an admin connection of its own. */
    private long clientInfo(BackendNode node, String field) {
        String info = backend.call(node, "INFO", "everything").text();
        for (String line : info.split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim());
            }
        }
        throw new IllegalStateException(node + " reported no " + field + " in INFO");
    }
}
