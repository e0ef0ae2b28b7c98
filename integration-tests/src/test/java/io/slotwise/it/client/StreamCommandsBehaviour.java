package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import io.slotwise.RedisCommandException;
import io.slotwise.api.AsyncCommands;
import io.slotwise.api.args.StreamBound;
import io.slotwise.api.args.StreamOffset;
import io.slotwise.api.args.StreamPosition;
import io.slotwise.api.args.StreamTrim;
import io.slotwise.api.args.XAddArgs;
import io.slotwise.api.args.XClaimArgs;
import io.slotwise.api.args.XGroupCreateArgs;
import io.slotwise.api.args.XPendingArgs;
import io.slotwise.api.args.XReadArgs;
import io.slotwise.routing.SlotHash;
import io.slotwise.value.StreamAutoClaim;
import io.slotwise.value.StreamConsumerInfo;
import io.slotwise.value.StreamEntry;
import io.slotwise.value.StreamGroupInfo;
import io.slotwise.value.StreamId;
import io.slotwise.value.StreamInfo;
import io.slotwise.value.StreamPendingEntry;
import io.slotwise.value.StreamPendingSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The typed stream API end to end, in RESP2 and RESP3: a producer adds, ranges, reads and trims; a consumer group
 * reads, inspects and claims pending entries, acknowledges them and is described by {@code XINFO}; a blocking
 * {@code XREADGROUP} waits on its own connection until another client adds an entry. Each run uses its own streams
 * (hash-tagged per protocol), so the runs share one cluster.
 */
public abstract class StreamCommandsBehaviour {

    private static final Duration BLOCK = Duration.ofSeconds(20);
    private static final String GROUP = "workers";

    private final ClusterBackend backend;

    /** Runs the behaviour against {@code backend}. */
    protected StreamCommandsBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    @ParameterizedTest(name = "resp3={0}")
    @ValueSource(booleans = {true, false})
    void producerAddsRangesReadsAndTrimsEntriesInOrder(boolean resp3) {
        String orders = "{orders-" + resp3 + "}:eu";
        String returns = "{orders-" + resp3 + "}:returns";
        try (ObservedClient observed = ObservedClient.connect(backend, options -> options.resp3(resp3))) {
            AsyncCommands<String, String> client = observed.commands();
            StreamId first = Calls.value(client.xadd(orders, fields("sku", "a-1", "qty", "2", "note", "gift")));
            StreamId second = Calls.value(client.xadd(orders, fields("sku", "b-7", "qty", "1")));
            StreamId third = Calls.value(client.xadd(orders, XAddArgs.none().id(second.next()), fields("sku", "c")));
            assertTrue(first.compareTo(second) < 0 && second.compareTo(third) < 0, first + " " + second + " " + third);
            RedisCommandException stale = assertInstanceOf(
                    RedisCommandException.class,
                    Calls.failure(client.xadd(orders, XAddArgs.none().id(first), fields("x", "y")), Calls.LIMIT));
            assertEquals("ERR", stale.code());
            assertNull(
                    Calls.value(client.xadd("missing-" + orders, XAddArgs.none().noMkStream(), fields("x", "y"))));
            assertEquals(3L, Calls.value(client.xlen(orders)));

            List<StreamEntry<String, String>> all =
                    Calls.value(client.xrange(orders, StreamBound.minimum(), StreamBound.maximum()));
            assertEquals(List.of(first, second, third), ids(all));
            assertEquals(
                    List.of("sku", "qty", "note"),
                    new ArrayList<>(all.get(0).fields().keySet()));
            assertEquals("gift", all.get(0).fields().get("note"));
            assertEquals(
                    List.of(second),
                    ids(Calls.value(client.xrange(orders, StreamBound.exclusive(first), StreamBound.maximum(), 1))));
            assertEquals(
                    List.of(third, second),
                    ids(Calls.value(client.xrevrange(orders, StreamBound.maximum(), StreamBound.minimum(), 2))));

            StreamId returned = Calls.value(client.xadd(returns, fields("sku", "a-1")));
            Map<String, List<StreamEntry<String, String>>> read = Calls.value(client.xread(
                    XReadArgs.none().count(2),
                    List.of(
                            StreamOffset.of(orders, StreamPosition.after(first)),
                            StreamOffset.of(returns, StreamPosition.after(StreamId.MIN)))));
            assertEquals(List.of(orders, returns), new ArrayList<>(read.keySet()));
            assertEquals(List.of(second, third), ids(read.get(orders)));
            assertEquals(List.of(returned), ids(read.get(returns)));
            assertEquals(
                    Map.of(),
                    Calls.value(client.xread(
                            XReadArgs.none().block(Duration.ofMillis(100)),
                            List.of(StreamOffset.of(orders, StreamPosition.lastEntry())))),
                    "a blocking read with nothing new times out empty");
            assertThrows(
                    CrossSlotException.class,
                    () -> client.xread(
                            XReadArgs.none(),
                            List.of(
                                    StreamOffset.of(orders, StreamPosition.lastEntry()),
                                    StreamOffset.of("other-" + resp3, StreamPosition.lastEntry()))));

            assertEquals(1L, Calls.value(client.xdel(orders, List.of(second, StreamId.MAX))));
            StreamInfo<String, String> info = Calls.value(client.xinfoStream(orders));
            assertEquals(2, info.length());
            assertEquals(third, info.lastGeneratedId());
            assertEquals(second, info.maxDeletedEntryId());
            assertEquals(3L, info.entriesAdded());
            assertEquals(first, info.firstEntry().id());
            assertEquals(fields("sku", "c"), info.lastEntry().fields());
            assertEquals(0, info.groups());

            assertEquals(
                    1L, Calls.value(client.xtrim(orders, StreamTrim.maxLen(1).exactly())));
            Calls.value(client.xadd(orders, XAddArgs.none().trim(StreamTrim.minId(third.next())), fields("k", "v")));
            assertEquals(1L, Calls.value(client.xlen(orders)), "MINID dropped the older entry on add");
            Calls.value(client.del(List.of(orders, returns)));
        }
    }

    @ParameterizedTest(name = "resp3={0}")
    @ValueSource(booleans = {true, false})
    void consumerGroupReadsClaimsAndAcknowledgesPendingEntries(boolean resp3) {
        String jobs = "jobs-" + resp3;
        try (ObservedClient observed = ObservedClient.connect(backend, options -> options.resp3(resp3))) {
            AsyncCommands<String, String> client = observed.commands();
            assertEquals(
                    "OK",
                    Calls.value(client.xgroupCreate(
                            jobs,
                            GROUP,
                            StreamPosition.after(StreamId.MIN),
                            XGroupCreateArgs.none().mkStream())));
            RedisCommandException busy = assertInstanceOf(
                    RedisCommandException.class,
                    Calls.failure(
                            client.xgroupCreate(jobs, GROUP, StreamPosition.lastEntry(), XGroupCreateArgs.none()),
                            Calls.LIMIT));
            assertEquals("BUSYGROUP", busy.code());
            List<StreamId> added = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                added.add(Calls.value(client.xadd(jobs, fields("job", "j" + i))));
            }

            List<StreamOffset<String>> undelivered = List.of(StreamOffset.of(jobs, StreamPosition.undelivered()));
            assertEquals(
                    added.subList(0, 2),
                    ids(Calls.value(client.xreadgroup(
                                    GROUP, "alice", XReadArgs.none().count(2), undelivered))
                            .get(jobs)));
            assertEquals(
                    added.subList(2, 3),
                    ids(Calls.value(client.xreadgroup(GROUP, "bob", XReadArgs.none(), undelivered))
                            .get(jobs)));
            assertEquals(Map.of(), Calls.value(client.xreadgroup(GROUP, "bob", XReadArgs.none(), undelivered)));

            StreamPendingSummary summary = Calls.value(client.xpending(jobs, GROUP));
            assertEquals(3, summary.count());
            assertEquals(added.get(0), summary.lowest());
            assertEquals(added.get(2), summary.highest());
            assertEquals(Map.of("alice", 2L, "bob", 1L), summary.consumers());
            List<StreamPendingEntry> alices = Calls.value(client.xpending(
                    jobs,
                    GROUP,
                    XPendingArgs.range(StreamBound.minimum(), StreamBound.maximum(), 10)
                            .consumer("alice")));
            assertEquals(
                    added.subList(0, 2),
                    alices.stream().map(StreamPendingEntry::id).toList());
            assertEquals(
                    List.of(1L, 1L),
                    alices.stream().map(StreamPendingEntry::deliveries).toList());

            List<StreamEntry<String, String>> claimed = Calls.value(
                    client.xclaim(jobs, GROUP, "bob", Duration.ZERO, List.of(added.get(0)), XClaimArgs.none()));
            assertEquals(List.of(new StreamEntry<>(added.get(0), fields("job", "j0"))), claimed);
            assertEquals(
                    List.of(added.get(1)),
                    Calls.value(client.xclaimJustId(
                            jobs, GROUP, "bob", Duration.ZERO, List.of(added.get(1)), XClaimArgs.none())));
            assertEquals(
                    Map.of("bob", 3L), Calls.value(client.xpending(jobs, GROUP)).consumers());

            assertEquals(1L, Calls.value(client.xdel(jobs, List.of(added.get(1)))));
            List<StreamEntry<String, String>> history = Calls.value(client.xreadgroup(
                            GROUP,
                            "bob",
                            XReadArgs.none(),
                            List.of(StreamOffset.of(jobs, StreamPosition.after(StreamId.MIN)))))
                    .get(jobs);
            assertEquals(added, ids(history), "bob's pending history");
            assertTrue(history.get(1).isDeleted(), "the deleted entry comes back without fields");

            StreamAutoClaim<StreamEntry<String, String>> auto =
                    Calls.value(client.xautoclaim(jobs, GROUP, "carol", Duration.ZERO, StreamId.MIN, 10));
            assertTrue(auto.isFinished(), auto.toString());
            assertEquals(List.of(added.get(0), added.get(2)), ids(auto.claimed()));
            assertEquals(List.of(added.get(1)), auto.deleted());
            StreamAutoClaim<StreamId> again =
                    Calls.value(client.xautoclaimJustId(jobs, GROUP, "dave", Duration.ZERO, StreamId.MIN, 1));
            assertEquals(List.of(added.get(0)), again.claimed());
            assertEquals(added.get(2), again.next());

            List<StreamGroupInfo> groups = Calls.value(client.xinfoGroups(jobs));
            assertEquals(1, groups.size());
            assertEquals(GROUP, groups.get(0).name());
            assertEquals(2, groups.get(0).pending());
            assertEquals(added.get(2), groups.get(0).lastDeliveredId());
            assertEquals(
                    List.of("alice", "bob", "carol", "dave"),
                    Calls.value(client.xinfoConsumers(jobs, GROUP)).stream()
                            .map(StreamConsumerInfo::name)
                            .toList());

            assertEquals(2L, Calls.value(client.xack(jobs, GROUP, added)));
            StreamPendingSummary none = Calls.value(client.xpending(jobs, GROUP));
            assertEquals(new StreamPendingSummary(0, null, null, Map.of()), none);

            assertTrue(Calls.value(client.xgroupCreateConsumer(jobs, GROUP, "erin")));
            assertFalse(Calls.value(client.xgroupCreateConsumer(jobs, GROUP, "erin")));
            assertEquals(0L, Calls.value(client.xgroupDelConsumer(jobs, GROUP, "erin")));
            assertEquals("OK", Calls.value(client.xgroupSetId(jobs, GROUP, StreamPosition.after(StreamId.MIN), 0)));
            assertEquals(
                    List.of(added.get(0), added.get(2)),
                    ids(Calls.value(client.xreadgroup(
                                    GROUP, "alice", XReadArgs.none().noAck(), undelivered))
                            .get(jobs)),
                    "after SETID 0-0 the group reads the stream again");
            assertEquals(0, Calls.value(client.xpending(jobs, GROUP)).count(), "NOACK reads leave nothing pending");
            assertTrue(Calls.value(client.xgroupDestroy(jobs, GROUP)));
            assertFalse(Calls.value(client.xgroupDestroy(jobs, GROUP)));
            RedisCommandException noGroup = assertInstanceOf(
                    RedisCommandException.class,
                    Calls.failure(client.xreadgroup(GROUP, "alice", XReadArgs.none(), undelivered), Calls.LIMIT));
            assertEquals("NOGROUP", noGroup.code());
            Calls.value(client.del(List.of(jobs)));
        }
    }

    @ParameterizedTest(name = "resp3={0}")
    @ValueSource(booleans = {true, false})
    void blockingGroupReadIsSatisfiedByALaterAddFromAnotherClient(boolean resp3) {
        String events = "events-" + resp3;
        try (ObservedClient consumer = ObservedClient.connect(backend, options -> options.resp3(resp3));
                ObservedClient producer = ObservedClient.connect(backend, options -> options.resp3(resp3))) {
            AsyncCommands<String, String> reader = consumer.commands();
            Calls.value(reader.xgroupCreate(
                    events,
                    GROUP,
                    StreamPosition.lastEntry(),
                    XGroupCreateArgs.none().mkStream()));
            CompletionStage<Map<String, List<StreamEntry<String, String>>>> waiting = reader.xreadgroup(
                    GROUP,
                    "waiter",
                    XReadArgs.none().count(1).block(BLOCK),
                    List.of(StreamOffset.of(events, StreamPosition.undelivered())));
            BackendNode owner = backend.slotOwner(SlotHash.slot(events));
            Await.until("the XREADGROUP is blocked on the stream's primary", BLOCK, () -> blockedClients(owner) > 0);
            CompletableFuture<Map<String, List<StreamEntry<String, String>>>> result = waiting.toCompletableFuture();
            assertFalse(result.isDone(), "the read blocks until an entry arrives");
            assertEquals(0L, Calls.value(reader.xlen(events)), "the stream is still empty");

            StreamId id = Calls.value(producer.commands().xadd(events, fields("kind", "wake-up")));
            assertEquals(
                    Map.of(events, List.of(new StreamEntry<>(id, fields("kind", "wake-up")))), Calls.value(waiting));
            assertEquals(
                    Map.of("waiter", 1L),
                    Calls.value(reader.xpending(events, GROUP)).consumers());
            Calls.value(reader.del(List.of(events)));
        }
    }

    /** Reads {@code blocked_clients} from the node's {@code INFO clients}. */
    private long blockedClients(BackendNode node) {
        String info = backend.call(node, "INFO", "clients").text();
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("blocked_clients:")) {
                return Long.parseLong(
                        line.substring("blocked_clients:".length()).trim());
            }
        }
        throw new AssertionError("INFO clients without blocked_clients: " + info);
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static List<StreamId> ids(List<StreamEntry<String, String>> entries) {
        return entries.stream().map(StreamEntry::id).toList();
    }
}
