package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisClusterClient;
import io.slotwise.api.AsyncCommands;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.event.RedirectKind;
import io.slotwise.netty.testing.Await;
import io.slotwise.netty.testing.ClusterTestBase;
import io.slotwise.netty.testing.FakeClusterNode;
import io.slotwise.routing.SlotHash;
import io.slotwise.value.ClusterScanCursor;
import io.slotwise.value.ClusterScanPage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ClusterScanTest extends ClusterTestBase {

    private Set<String> load(int count) {
        Set<String> keys = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            cluster.put("key:" + i, "v");
            keys.add("key:" + i);
        }
        return keys;
    }

    @Test
    void aFullScanReturnsEveryKeyOfEveryNodeExactlyOnce() throws InterruptedException {
        startCluster(3, 0);
        Set<String> expected = load(500);
        AsyncCommands<String, String> c = connect().async();

        List<String> found = Await.value(c.scanAll(ScanArgs.builder().count(50).build()));

        assertEquals(expected.size(), found.size(), "no key repeated");
        assertEquals(expected, new TreeSet<>(found));
    }

    @Test
    void pagesAdvanceBySlotAndHoldAtLeastCountKeysUntilTheEnd() throws InterruptedException {
        startCluster(2, 0);
        load(300);
        AsyncCommands<String, String> c = connect().async();
        ClusterScanCursor cursor = ClusterScanCursor.INITIAL;
        int pages = 0;
        List<String> all = new ArrayList<>();
        while (!cursor.isFinished()) {
            ClusterScanPage<String> page =
                    Await.value(c.scan(cursor, ScanArgs.builder().count(40).build()));
            assertTrue(page.cursor().nextSlot() > cursor.nextSlot(), "progress");
            if (!page.isFinished()) {
                assertTrue(page.keys().size() >= 40, page::toString);
            }
            for (String key : page.keys()) {
                assertTrue(SlotHash.slot(key) >= cursor.nextSlot()
                        && SlotHash.slot(key) < page.cursor().nextSlot());
            }
            all.addAll(page.keys());
            cursor = ClusterScanCursor.parse(page.cursor().toString());
            pages++;
        }
        assertEquals(300, all.size());
        assertTrue(pages > 1);
    }

    @Test
    void matchAndTypeFilterTheKeys() throws InterruptedException {
        startCluster(2, 0);
        load(100);
        cluster.put("other:1", "v");
        AsyncCommands<String, String> c = connect().async();

        List<String> matched = Await.value(
                c.scanAll(ScanArgs.builder().match("key:1?").count(1000).build()));
        assertEquals(
                new TreeSet<>(List.of(
                        "key:10", "key:11", "key:12", "key:13", "key:14", "key:15", "key:16", "key:17", "key:18",
                        "key:19")),
                new TreeSet<>(matched));
        assertEquals(
                List.of(),
                Await.value(
                        c.scanAll(ScanArgs.builder().type("hash").count(1000).build())));
        assertEquals(
                List.of("other:1"),
                Await.value(c.scanAll(
                        ScanArgs.builder().match("other:*").type("string").build())));
    }

    @Test
    void aSlotThatChangedOwnerIsReadFromTheNewOwner() throws InterruptedException {
        startCluster(2, 0);
        Set<String> expected = load(200);
        RedisClusterClient client = connect();
        FakeClusterNode oldOwner = cluster.primaries().get(0);
        FakeClusterNode newOwner = cluster.primaries().get(1);
        int slot = SlotHash.slot(cluster.keyServedBy(oldOwner, "key:"));
        cluster.assign(slot, newOwner);

        List<String> found = Await.value(
                client.async().scanAll(ScanArgs.builder().count(1000).build()));

        assertEquals(expected, new TreeSet<>(found));
        assertEquals(expected.size(), found.size());
        assertTrue(events.redirects.stream().anyMatch(r -> r.kind() == RedirectKind.MOVED && r.slot() == slot));
        assertEquals(
                newOwner.address(),
                client.topology().shardForSlot(slot).primary().address());
        assertTrue(oldOwner.requests("EXEC").size() > 0);
    }

    @Test
    void aMigratingSlotIsReadFromSourceAndTargetWithoutRepeats() throws InterruptedException {
        startCluster(2, 0);
        FakeClusterNode source = cluster.primaries().get(0);
        FakeClusterNode target = cluster.primaries().get(1);
        List<String> slotKeys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = "{mig}:" + i;
            cluster.put(key, "v");
            slotKeys.add(key);
        }
        Set<String> expected = new HashSet<>(load(100));
        expected.addAll(slotKeys);
        int slot = SlotHash.slot("{mig}");
        cluster.assign(slot, source);
        cluster.beginMigration(slot, target);
        for (String key : slotKeys.subList(0, 8)) {
            cluster.moveKey(key);
        }
        AsyncCommands<String, String> c = connect().async();

        List<String> found =
                Await.value(c.scanAll(ScanArgs.builder().count(1000).build()));

        assertEquals(expected, new HashSet<>(found));
        assertEquals(expected.size(), found.size(), "no key repeated");
        assertTrue(events.redirects.stream().anyMatch(r -> r.kind() == RedirectKind.ASK && r.slot() == slot));
        assertTrue(target.requests("ASKING").size() > 0);
    }
}
