package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.netty.testing.FakeRedisServer;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NodeConnectionPipeliningTest extends FakeServerTestBase {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 2_500;

    @Test
    void tenThousandPipelinedCommandsFromSeveralThreadsGetTheirOwnReplies() throws Exception {
        NodeConnection connection = open(options().build());
        List<List<CompletionStage<RespValue>>> perThread = sendConcurrently(thread -> {
            List<CompletionStage<RespValue>> replies = new ArrayList<>(PER_THREAD);
            for (int i = 0; i < PER_THREAD; i++) {
                replies.add(connection.send(RawCommand.of("ECHO", "t" + thread + "-" + i)));
            }
            return replies;
        });
        for (int thread = 0; thread < THREADS; thread++) {
            for (int i = 0; i < PER_THREAD; i++) {
                assertEquals(
                        RespValue.Bulk.of("t" + thread + "-" + i),
                        Awaits.value(perThread.get(thread).get(i)));
            }
        }
        assertEquals(THREADS * PER_THREAD, server.requests("ECHO").size());
        assertEquals(1, server.acceptedConnections(), "one multiplexed connection");
    }

    @Test
    void batchCommandsAreAdjacentOnTheWireDespiteConcurrentSenders() throws Exception {
        NodeConnection connection = open(options().build());
        List<List<CompletionStage<RespValue>>> perThread = sendConcurrently(thread -> {
            List<CompletionStage<RespValue>> replies = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                replies.add(connection.send(RawCommand.of("ECHO", "single-" + thread + "-" + i)));
                replies.addAll(connection.send(List.of(
                        RawCommand.of("ECHO", "first-" + thread + "-" + i),
                        RawCommand.of("ECHO", "second-" + thread + "-" + i))));
            }
            return replies;
        });
        for (List<CompletionStage<RespValue>> replies : perThread) {
            CompletableFuture.allOf(replies.stream()
                            .map(CompletionStage::toCompletableFuture)
                            .toArray(CompletableFuture[]::new))
                    .get(Awaits.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }
        List<FakeRedisServer.Request> requests = server.requests();
        int batches = 0;
        for (int i = 0; i < requests.size(); i++) {
            String arg = requests.get(i).args().get(1);
            if (arg.startsWith("first-")) {
                String expectedNext = "second-" + arg.substring("first-".length());
                assertEquals(expectedNext, requests.get(i + 1).args().get(1), "batch elements must be adjacent");
                batches++;
            }
        }
        assertEquals(THREADS * 500, batches);
    }

    @Test
    void errorRepliesCompleteNormallyAndLaterCommandsStillMatch() throws InterruptedException {
        NodeConnection connection = open(options().build());
        CompletionStage<RespValue> unknown = connection.send(RawCommand.of("NOSUCHCOMMAND", "x"));
        CompletionStage<RespValue> ping = connection.send(RawCommand.of("PING"));
        RespValue reply = Awaits.value(unknown);
        assertTrue(reply.isError(), reply.toString());
        assertEquals("ERR", ((RespValue.Error) reply).code());
        assertEquals(new RespValue.SimpleString("PONG"), Awaits.value(ping));
    }

    @Test
    void emptyBatchSendsNothing() throws InterruptedException {
        NodeConnection connection = open(options().build());
        assertEquals(List.of(), connection.send(List.of()));
        Awaits.value(connection.send(RawCommand.of("PING")));
        assertEquals(List.of(), server.requests("ECHO"));
    }

    private interface Sender {
        List<CompletionStage<RespValue>> send(int thread);
    }

    private static List<List<CompletionStage<RespValue>>> sendConcurrently(Sender sender) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<CompletionStage<RespValue>>>> sent = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int id = thread;
                sent.add(pool.submit(() -> {
                    start.await();
                    return sender.send(id);
                }));
            }
            start.countDown();
            List<List<CompletionStage<RespValue>>> result = new ArrayList<>();
            for (Future<List<CompletionStage<RespValue>>> future : sent) {
                result.add(future.get(30, TimeUnit.SECONDS));
            }
            return result;
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
