package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedirectLimitExceededException;
import io.slotwise.RedisClusterClient;
import io.slotwise.event.RedirectKind;
import io.slotwise.netty.testing.Await;
import io.slotwise.netty.testing.ClusterTestBase;
import io.slotwise.netty.testing.FakeClusterNode;
import io.slotwise.netty.testing.FakeRedisServer;
import io.slotwise.routing.SlotHash;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class RedirectHandlingTest extends ClusterTestBase {

    @Test
    void movedPatchesTheSlotAndRetriesOnTheNewOwner() throws InterruptedException {
        startCluster(3, 0);
        RedisClusterClient client = connect();
        FakeClusterNode oldOwner = cluster.primaries().get(0);
        FakeClusterNode newOwner = cluster.primaries().get(1);
        String key = cluster.keyServedBy(oldOwner, "moving");
        int slot = SlotHash.slot(key);
        cluster.assign(slot, newOwner);

        Await.value(client.async().set(key, "v"));

        assertEquals(1, oldOwner.requests("SET").size(), "the old owner answered MOVED");
        assertEquals(1, newOwner.requests("SET").size(), "the command was retried on the new owner");
        assertEquals(
                newOwner.address(),
                client.topology().shardForSlot(slot).primary().address());
        assertEquals("v", cluster.value(key));
        Await.value(client.async().get(key));
        assertEquals(0, oldOwner.requests("GET").size(), "later commands go straight to the new owner");
    }

    @Test
    void aBurstOfMovedRedirectsCausesOneRefresh() throws InterruptedException {
        startCluster(3, 0);
        RedisClusterClient client = connect();
        Await.until(() -> events.refreshes.get() == 1, () -> "the initial discovery is reported");
        FakeClusterNode from = cluster.primaries().get(0);
        FakeClusterNode to = cluster.primaries().get(2);
        cluster.moveAllSlots(from, to);

        List<CompletionStage<String>> writes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            writes.add(client.async().set(cluster.keyServedBy(to, "burst" + i + ":"), "v"));
        }
        for (CompletionStage<String> write : writes) {
            Await.value(write);
        }

        Await.until(() -> events.refreshes.get() == 2, () -> "the MOVED burst's refresh completed");
        assertTrue(events.redirects.stream().allMatch(r -> r.kind() == RedirectKind.MOVED));
        assertTrue(events.redirects.size() >= 1);
        assertEquals(2, events.refreshes.get(), "one refresh for the whole burst");
        assertEquals(to.address(), client.topology().shardForSlot(0).primary().address());
    }

    @Test
    void askSendsAskingAndTheCommandTogetherAndLeavesTheTopologyAlone() throws InterruptedException {
        startCluster(3, 0);
        RedisClusterClient client = connect();
        FakeClusterNode source = cluster.primaries().get(0);
        FakeClusterNode importer = cluster.primaries().get(1);
        String key = cluster.keyServedBy(source, "migrating");
        int slot = SlotHash.slot(key);
        cluster.importing(slot, importer);
        source.replyNext("GET", 1, "-ASK " + slot + " " + importer.address() + "\r\n");
        cluster.put(key, "migrating-value");

        assertEquals("migrating-value", Await.value(client.async().get(key)));

        List<FakeRedisServer.Request> onImporter = importer.requests();
        int get = indexOf(onImporter, "GET");
        assertTrue(get > 0, "the importer served the GET");
        FakeRedisServer.Request asking = onImporter.get(get - 1);
        assertEquals(List.of("ASKING"), asking.args(), "ASKING came right before the GET");
        assertEquals(asking.connectionNumber(), onImporter.get(get).connectionNumber());
        assertEquals(
                source.address(), client.topology().shardForSlot(slot).primary().address());
        assertEquals(RedirectKind.ASK, events.redirects.get(0).kind());
    }

    @Test
    void aRedirectLoopFailsNamingTheSlotAndTheNodesVisited() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client =
                connect(options(cluster.primaries().get(0)).maxRedirects(3).build());
        FakeClusterNode a = cluster.primaries().get(0);
        FakeClusterNode b = cluster.primaries().get(1);
        String key = cluster.keyServedBy(a, "loop");
        int slot = SlotHash.slot(key);
        a.replyNext("GET", -1, "-MOVED " + slot + " " + b.address() + "\r\n");
        b.replyNext("GET", -1, "-MOVED " + slot + " " + a.address() + "\r\n");

        RedirectLimitExceededException failure =
                Await.failure(client.async().get(key), RedirectLimitExceededException.class);

        assertEquals(slot, failure.slot());
        assertEquals(List.of(a.address(), b.address(), a.address(), b.address(), a.address()), failure.visited());
        assertTrue(failure.getMessage().contains("slot " + slot), failure.getMessage());
        assertTrue(failure.getMessage().contains(b.address().toString()), failure.getMessage());
    }

    private static int indexOf(List<FakeRedisServer.Request> requests, String command) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).args().get(0).equals(command)) {
                return i;
            }
        }
        return -1;
    }
}
