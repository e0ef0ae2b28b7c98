package io.slotwise.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.resp.RespValue;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Hooks;

/** Cancellation and threads: the reactive facade cancels what it can and adds no threads or schedulers. */
class ReactiveRedisClusterSignalsTest {

    private final PendingCommands client = new PendingCommands();
    private final ReactiveRedisCluster<String, String> reactive = ReactiveRedisCluster.of(client);
    private final List<Object> dropped = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordDroppedSignals() {
        Hooks.onNextDropped(dropped::add);
        Hooks.onErrorDropped(dropped::add);
    }

    @AfterEach
    void resetHooks() {
        Hooks.resetOnNextDropped();
        Hooks.resetOnErrorDropped();
    }

    private void assertCancellingCancelsTheStageAndDropsNothing(Publisher<?> publisher, RespValue lateReply) {
        SignalRecorder<?> recorder = SignalRecorder.subscribeTo(publisher);
        CompletableFuture<?> stage = client.onlySent().stage();

        recorder.cancel();
        client.onlySent().replyWith(lateReply);

        assertTrue(stage.isCancelled(), "the command's stage is cancelled");
        assertEquals(0, stage.getNumberOfDependents(), "nothing stays attached to the stage");
        assertFalse(recorder.signalled(), "no signal after cancel");
        assertEquals(List.of(), dropped, "nothing reaches the dropped-signal hooks");
    }

    @Test
    void cancellingAMonoBeforeTheReplyCancelsTheStageQuietly() {
        assertCancellingCancelsTheStageAndDropsNothing(reactive.mono(c -> c.get("k")), RespValue.Bulk.of("late"));
    }

    @Test
    void cancellingAFluxBeforeTheReplyCancelsTheStageQuietly() {
        assertCancellingCancelsTheStageAndDropsNothing(
                reactive.flux(c -> c.lrange("k", 0, -1)), new RespValue.Array(List.of(RespValue.Bulk.of("late"))));
    }

    @Test
    void cancellingBeforeAFailedReplyDropsNothing() {
        assertCancellingCancelsTheStageAndDropsNothing(
                reactive.mono(c -> c.get("k")), new RespValue.Error("ERR late failure"));
    }

    @Test
    void commandIsSentOnTheSubscribingThreadAndSignalsArriveOnTheCompletingThread() throws Exception {
        SignalRecorder<String> recorder = SignalRecorder.subscribeTo(reactive.mono(c -> c.get("k")));
        assertEquals(1, client.sent().size(), "sent during subscribe, on the subscribing thread");

        Thread io = new Thread(() -> client.onlySent().replyWith(RespValue.Bulk.of("v")), "fake-io-1");
        io.start();
        io.join(TimeUnit.SECONDS.toMillis(5));
        recorder.awaitTermination();

        assertEquals(List.of("v"), recorder.values());
        assertEquals(List.of("fake-io-1", "fake-io-1"), recorder.signalThreads());
    }
}
