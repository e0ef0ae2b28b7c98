package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisClusterClient;
import io.slotwise.RedisCommandException;
import io.slotwise.command.Command;
import io.slotwise.command.ReplyDecoders;
import io.slotwise.netty.testing.Await;
import io.slotwise.netty.testing.ClusterTestBase;
import io.slotwise.netty.testing.FakeClusterNode;
import io.slotwise.netty.testing.FakeRedisServer;
import io.slotwise.routing.SlotHash;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitAndFanOutTest extends ClusterTestBase {

    @Test
    void mgetAcrossThreeNodesAnswersInCallerOrderWithDuplicates() throws InterruptedException {
        startCluster(3, 0);
        RedisClusterClient client = connect();
        String a = cluster.keyServedBy(cluster.primaries().get(0), "a");
        String b = cluster.keyServedBy(cluster.primaries().get(1), "b");
        String c = cluster.keyServedBy(cluster.primaries().get(2), "c");
        cluster.put(a, "A");
        cluster.put(c, "C");

        List<String> values = Await.value(client.async().mget(List.of(c, a, b, a, c)));

        assertEquals(Arrays.asList("C", "A", null, "A", "C"), values);
        for (FakeClusterNode primary : cluster.primaries()) {
            assertEquals(1, primary.requests("MGET").size(), () -> primary + " got one MGET per slot");
        }
    }

    @Test
    void partsForOneNodeTravelAsOneBatchOnOneConnection() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect();
        FakeClusterNode node = cluster.primaries().get(0);
        String first = cluster.keyServedBy(node, "x");
        String second = keyInAnotherSlotOf(node, first);

        Await.value(client.async().mget(List.of(first, second)));

        List<FakeRedisServer.Request> mgets = node.requests().stream()
                .filter(r -> r.args().get(0).equals("MGET"))
                .toList();
        assertEquals(2, mgets.size(), "one sub-command per slot");
        assertEquals(mgets.get(0).connectionNumber(), mgets.get(1).connectionNumber());
        List<FakeRedisServer.Request> all = node.requests();
        assertEquals(all.indexOf(mgets.get(0)) + 1, all.indexOf(mgets.get(1)), "the parts arrived back to back");
    }

    @Test
    void delAcrossSlotsSumsTheParts() throws InterruptedException {
        startCluster(3, 0);
        RedisClusterClient client = connect();
        String a = cluster.keyServedBy(cluster.primaries().get(0), "del-a");
        String b = cluster.keyServedBy(cluster.primaries().get(1), "del-b");
        String c = cluster.keyServedBy(cluster.primaries().get(2), "del-c");
        cluster.put(a, "1");
        cluster.put(c, "3");

        assertEquals(2L, Await.value(client.async().del(List.of(a, b, c))));
        assertEquals(null, cluster.value(a));
    }

    @Test
    void msetAcrossSlotsWritesEveryPair() throws InterruptedException {
        startCluster(3, 0);
        RedisClusterClient client = connect();
        Map<String, String> pairs = new LinkedHashMap<>();
        for (FakeClusterNode primary : cluster.primaries()) {
            String key = cluster.keyServedBy(primary, "mset");
            pairs.put(key, "value-of-" + key);
        }

        assertEquals("OK", Await.value(client.async().mset(pairs)));

        pairs.forEach((key, value) -> assertEquals(value, cluster.value(key)));
    }

    @Test
    void aMovedPartIsReroutedAloneWhileTheOtherPartsStay() throws InterruptedException {
        startCluster(3, 0);
        RedisClusterClient client = connect();
        FakeClusterNode oldOwner = cluster.primaries().get(0);
        FakeClusterNode newOwner = cluster.primaries().get(1);
        String moved = cluster.keyServedBy(oldOwner, "moved");
        String stays = cluster.keyServedBy(cluster.primaries().get(2), "stays");
        cluster.assign(SlotHash.slot(moved), newOwner);
        cluster.put(moved, "M");
        cluster.put(stays, "S");

        assertEquals(List.of("M", "S"), Await.value(client.async().mget(List.of(moved, stays))));

        assertEquals(List.of(List.of("MGET", moved)), newOwner.requests("MGET"));
        assertEquals(1, cluster.primaries().get(2).requests("MGET").size(), "the other part was sent once");
    }

    @Test
    void aFailingPartFailsTheWholeCommand() throws InterruptedException {
        startCluster(2, 0);
        RedisClusterClient client = connect();
        FakeClusterNode failing = cluster.primaries().get(1);
        failing.replyNext("MGET", 1, "-ERR something went wrong\r\n");
        String a = cluster.keyServedBy(cluster.primaries().get(0), "ok");
        String b = cluster.keyServedBy(failing, "bad");

        RedisCommandException failure = Await.failure(client.async().mget(List.of(a, b)), RedisCommandException.class);

        assertEquals("ERR something went wrong", failure.getMessage());
        assertEquals("MGET", failure.command());
    }

    @Test
    void dbsizeSumsEveryPrimary() throws InterruptedException {
        startCluster(3, 1);
        RedisClusterClient client = connect();
        for (FakeClusterNode primary : cluster.primaries()) {
            cluster.put(cluster.keyServedBy(primary, "one"), "1");
        }
        cluster.put(cluster.keyServedBy(cluster.primaries().get(0), "two"), "2");

        assertEquals(4L, Await.value(client.async().dbsize()));
        for (FakeClusterNode node : cluster.nodes()) {
            assertEquals(node.isPrimary() ? 1 : 0, node.requests("DBSIZE").size(), node::toString);
        }
    }

    @Test
    void keylessCommandPinnedToANodeGoesToThatNodeOnly() throws InterruptedException {
        startCluster(3, 1);
        RedisClusterClient client = connect();
        FakeClusterNode replica = cluster.replicasOf(cluster.primaries().get(1)).get(0);
        cluster.put(cluster.keyServedBy(cluster.primaries().get(1), "pinned"), "1");

        long size = Await.value(client.async()
                .execute(Command.builder("DBSIZE").toNode(replica.announced()).decodedBy(ReplyDecoders.integer())));

        assertEquals(1L, size);
        for (FakeClusterNode node : cluster.nodes()) {
            assertEquals(node == replica ? 1 : 0, node.requests("DBSIZE").size(), node::toString);
        }
    }

    @Test
    void keysUnionsEveryPrimary() throws InterruptedException {
        startCluster(3, 0);
        RedisClusterClient client = connect();
        Set<String> expected = new HashSet<>();
        for (FakeClusterNode primary : cluster.primaries()) {
            String key = cluster.keyServedBy(primary, "k");
            cluster.put(key, "v");
            expected.add(key);
        }

        List<String> keys = Await.value(client.async().keys("*"));

        assertEquals(expected.size(), keys.size());
        assertEquals(expected, new HashSet<>(keys));
    }

    @Test
    void aKeylessCommandGoesToOnePrimary() throws InterruptedException {
        startCluster(3, 0);
        RedisClusterClient client = connect();

        assertEquals("PONG", Await.value(client.async().ping()));

        int pings = cluster.primaries().stream()
                .mapToInt(p -> p.requests("PING").size())
                .sum();
        assertEquals(1, pings);
        assertTrue(events.redirects.isEmpty());
    }

    private String keyInAnotherSlotOf(FakeClusterNode node, String first) {
        for (int i = 0; ; i++) {
            String key = "y" + i;
            if (cluster.ownerOfKey(key) == node && SlotHash.slot(key) != SlotHash.slot(first)) {
                return key;
            }
        }
    }
}
