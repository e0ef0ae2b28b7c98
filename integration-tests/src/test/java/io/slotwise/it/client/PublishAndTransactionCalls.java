package io.slotwise.it.client;

import static io.slotwise.it.client.Calls.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisClusterClient;
import io.slotwise.api.AsyncCommands;
import io.slotwise.api.args.ZRangeQuery;
import io.slotwise.pubsub.ClusterSubscriber;
import io.slotwise.value.ScoredValue;
import io.slotwise.value.TransactionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Calls every method of {@link io.slotwise.api.PubSubCommands} (the publishing and introspection side) and of
 * {@link io.slotwise.api.TransactionCommands} against a live cluster: counts of receivers and subscribers with one
 * subscriber of each kind, and transactions whose queued replies decode to the same Java types as outside a
 * transaction (RESP3 sends them typed inside the {@code EXEC} reply, RESP2 as plain strings and integers).
 */
final class PublishAndTransactionCalls {

    private final AsyncCommands<String, String> c;
    private final RedisClusterClient client;
    private final String prefix;

    /**
     * Calls through {@code c}, subscribing through {@code client}'s subscriber, on keys and channels starting with
     * {@code prefix} (unique to the caller).
     */
    PublishAndTransactionCalls(AsyncCommands<String, String> c, RedisClusterClient client, String prefix) {
        this.c = c;
        this.prefix = prefix;
        this.client = client;
    }

    /** PUBLISH, SPUBLISH and every PUBSUB introspection, without and with subscribers. */
    void publishing() {
        String channel = prefix + "news";
        String shardChannel = prefix + "shard-news";
        String other = prefix + "nobody-listens";
        String pattern = prefix + "alerts.*";
        assertEquals(0L, value(c.publish(channel, "unheard")));
        assertEquals(0L, value(c.spublish(shardChannel, "unheard")));
        assertEquals(List.of(), value(c.pubsubChannels(prefix + "*")));
        assertEquals(List.of(), value(c.pubsubShardChannels(prefix + "*")));

        try (ClusterSubscriber<String, String> subscriber = client.pubSub()) {
            PubSubInbox inbox = new PubSubInbox();
            subscriber.addListener(inbox);
            value(subscriber.subscribe(List.of(channel)));
            value(subscriber.psubscribe(List.of(pattern)));
            value(subscriber.ssubscribe(List.of(shardChannel)));

            assertEquals(1L, value(c.publish(channel, "heard")), "the subscriber sits on the channel's slot owner");
            assertEquals(1L, value(c.spublish(shardChannel, "heard too")));
            Await.until(
                    "both messages arrived",
                    Calls.LIMIT,
                    () -> inbox.has("message|" + channel + "|heard")
                            && inbox.has("smessage|" + shardChannel + "|heard too"),
                    inbox::toString);

            assertTrue(value(c.pubsubChannels()).contains(channel));
            assertEquals(List.of(channel), value(c.pubsubChannels(prefix + "*")));
            Map<String, Long> numsub = value(c.pubsubNumsub(List.of(other, channel)));
            assertEquals(Map.of(channel, 1L, other, 0L), numsub);
            assertEquals(List.of(other, channel), new ArrayList<>(numsub.keySet()), "in the order given");
            assertEquals(Map.of(channel, 1L), value(c.pubsubNumsub(List.of(channel, channel))), "asked twice");
            assertTrue(value(c.pubsubNumpat()) >= 1L, "our pattern subscription counts");
            assertTrue(value(c.pubsubShardChannels()).contains(shardChannel));
            assertEquals(List.of(shardChannel), value(c.pubsubShardChannels(prefix + "*")));
            Map<String, Long> shardNumsub = value(c.pubsubShardNumsub(List.of(shardChannel, other)));
            assertEquals(Map.of(shardChannel, 1L, other, 0L), shardNumsub);
            assertEquals(List.of(shardChannel, other), new ArrayList<>(shardNumsub.keySet()));
            assertEquals(Map.of(shardChannel, 1L), value(c.pubsubShardNumsub(List.of(shardChannel, shardChannel))));
        }
        Await.until(
                "the closed subscriber's channels are gone",
                Calls.LIMIT,
                () -> value(c.pubsubChannels(prefix + "*")).isEmpty()
                        && value(c.pubsubShardChannels(prefix + "*")).isEmpty());
    }

    /** MULTI/EXEC: each queued command's reply decodes as it would outside a transaction. */
    void transaction() {
        String tag = "{" + prefix + "tx}";
        AtomicReference<CompletionStage<Double>> score = new AtomicReference<>();
        TransactionResult result = value(c.transaction(List.of(tag + "counter"), tx -> {
            tx.set(tag + "counter", "41");
            tx.incr(tag + "counter");
            tx.get(tag + "absent");
            tx.hset(tag + "hash", Map.of("f", "v"));
            tx.hgetall(tag + "hash");
            tx.sadd(tag + "set", List.of("m"));
            tx.smembers(tag + "set");
            tx.zadd(tag + "zset", 1.5, "m");
            score.set(tx.zscore(tag + "zset", "m"));
            tx.zrangeWithScores(tag + "zset", ZRangeQuery.byRank(0, -1));
            tx.sismember(tag + "set", "m");
        }));
        assertTrue(result.executed());
        assertFalse(result.hasErrors());
        assertEquals("OK", result.get(0));
        assertEquals(42L, result.get(1));
        assertNull(result.get(2));
        assertEquals(1L, result.get(3));
        assertEquals(Map.of("f", "v"), assertInstanceOf(Map.class, result.get(4)));
        assertEquals(1L, result.get(5));
        assertEquals(Set.of("m"), assertInstanceOf(Set.class, result.get(6)));
        assertEquals(1L, result.get(7));
        assertEquals(1.5, assertInstanceOf(Double.class, result.get(8)));
        assertEquals(List.of(ScoredValue.of(1.5, "m")), result.get(9));
        assertEquals(true, result.get(10));
        assertEquals(1.5, value(score.get()));
        assertEquals(11, result.results().size());

        TransactionResult empty = value(c.transaction(List.of(tag + "counter"), tx -> {}));
        assertTrue(empty.executed());
        assertEquals(List.of(), empty.results());
    }

    /** WATCH, reads, MULTI/EXEC: the queued write sees what the read returned. */
    void watchedTransaction() {
        String balance = "{" + prefix + "acct}balance";
        assertEquals("OK", value(c.set(balance, "100")));
        TransactionResult result = value(c.watchedTransaction(
                List.of(balance),
                reads -> reads.get(balance)
                        .thenApply(current -> tx -> tx.set(balance, String.valueOf(Long.parseLong(current) + 10)))));
        assertTrue(result.executed());
        assertEquals(List.of("OK"), result.results());
        assertEquals("110", value(c.get(balance)));
    }
}
