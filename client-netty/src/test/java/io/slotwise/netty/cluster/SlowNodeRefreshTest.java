package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.RedisClusterClient;
import io.slotwise.netty.testing.Await;
import io.slotwise.netty.testing.ClusterTestBase;
import io.slotwise.netty.testing.Exchange;
import io.slotwise.netty.testing.FakeClusterNode;
import io.slotwise.routing.SlotHash;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A topology refresh does not wait for a slow node once the views in decide: two of the three nodes asked agree. The
 * command timeout (one minute) is longer than the tests' patience, so a refresh that waited for the slow node would
 * fail them.
 */
class SlowNodeRefreshTest extends ClusterTestBase {

    private static final Duration LONG_COMMAND_TIMEOUT = Duration.ofMinutes(1);

    private FakeClusterNode first;
    private FakeClusterNode second;
    private FakeClusterNode slow;
    private final List<Exchange> heldQueries = new CopyOnWriteArrayList<>();

    private RedisClusterClient threeNodesTheThirdHoldingItsViews() throws InterruptedException {
        startCluster(3, 0);
        first = cluster.primaries().get(0);
        second = cluster.primaries().get(1);
        slow = cluster.primaries().get(2);
        // Discovery decides on the first two views, so connect may return before the slow node's discovery query
        // arrives: answer that first query, hold every later one.
        AtomicInteger queries = new AtomicInteger();
        slow.script("CLUSTER", -1, exchange -> {
            if (queries.incrementAndGet() == 1) {
                exchange.reply(slow.shardsReply());
            } else {
                heldQueries.add(exchange);
            }
        });
        RedisClusterClient client = connect(options(first, second, slow)
                .commandTimeout(LONG_COMMAND_TIMEOUT)
                .adaptiveRefreshMinInterval(Duration.ZERO)
                .build());
        Await.until(() -> queries.get() == 1, () -> "discovery asked the slow node");
        return client;
    }

    /** Moves the slot of a new key from the first node to the second; returns the key. */
    private String keyWhoseSlotMovesToTheSecondNode() {
        String key = cluster.keyServedBy(first, "moving");
        cluster.put(key, "value");
        cluster.assign(SlotHash.slot(key), second);
        return key;
    }

    @Test
    void aMovedTriggeredRefreshInstallsTheViewTwoNodesAgreeOnWithoutWaitingForTheSlowThird()
            throws InterruptedException {
        RedisClusterClient client = threeNodesTheThirdHoldingItsViews();
        String key = keyWhoseSlotMovesToTheSecondNode();
        int refreshesBefore = events.refreshes.get();

        assertEquals("value", Await.value(client.async().get(key)));
        Await.until(() -> events.refreshes.get() > refreshesBefore, () -> "the MOVED triggered a refresh that ended");

        // The refresh may end before the slow node's query has even arrived.
        Await.until(() -> !heldQueries.isEmpty(), () -> "the refresh asked the slow node");
        assertEquals(1, heldQueries.size(), "the slow node was asked once and has not answered");
        assertEquals(2, events.refreshViews.get(events.refreshViews.size() - 1), "installed after two agreeing views");
        int movedBefore = events.redirects.size();
        assertEquals("value", Await.value(client.async().get(key)));
        assertEquals(movedBefore, events.redirects.size(), "the refreshed topology routes the key to its new owner");
    }

    @Test
    void aLateStaleAnswerFromTheSlowNodeChangesNothing() throws InterruptedException {
        RedisClusterClient client = threeNodesTheThirdHoldingItsViews();
        slow.freezeView();
        String key = keyWhoseSlotMovesToTheSecondNode();
        int refreshesBefore = events.refreshes.get();
        assertEquals("value", Await.value(client.async().get(key)));
        Await.until(() -> events.refreshes.get() > refreshesBefore, () -> "the MOVED triggered a refresh that ended");
        int changesAfterRefresh = events.topologyChanges.get();

        Await.until(() -> !heldQueries.isEmpty(), () -> "the refresh asked the slow node");
        heldQueries.get(0).reply(slow.shardsReply());
        // Replies come in order: once a GET on the slow node's connection answers, the stale view has been read.
        String slowKey = cluster.keyServedBy(slow, "after");
        cluster.put(slowKey, "late");
        assertEquals("late", Await.value(client.async().get(slowKey)));

        assertEquals(refreshesBefore + 1, events.refreshes.get(), "no second install");
        assertEquals(changesAfterRefresh, events.topologyChanges.get(), "the stale view was not installed");
        int movedBefore = events.redirects.size();
        assertEquals("value", Await.value(client.async().get(key)));
        assertEquals(movedBefore, events.redirects.size(), "the key is still routed to its new owner");
    }

    @Test
    void twoDisagreeingViewsWaitForTheThirdWhichDecides() throws InterruptedException {
        RedisClusterClient client = threeNodesTheThirdHoldingItsViews();
        first.freezeView();
        String key = keyWhoseSlotMovesToTheSecondNode();
        int refreshesBefore = events.refreshes.get();
        assertEquals("value", Await.value(client.async().get(key)));
        Await.until(() -> heldQueries.size() == 1, () -> "the refresh asked the slow node");
        Await.until(
                () -> first.requests("CLUSTER").size() > 1
                        && second.requests("CLUSTER").size() > 1,
                () -> "the refresh asked the other two nodes");

        assertEquals(refreshesBefore, events.refreshes.get(), "one stale view and one current view decide nothing");
        heldQueries.get(0).reply(slow.shardsReply());
        Await.until(() -> events.refreshes.get() > refreshesBefore, () -> "the third view ended the refresh");

        assertEquals(3, events.refreshViews.get(events.refreshViews.size() - 1));
        int movedBefore = events.redirects.size();
        assertEquals("value", Await.value(client.async().get(key)));
        assertEquals(movedBefore, events.redirects.size(), "the majority's view, not the stale one, was installed");
    }
}
