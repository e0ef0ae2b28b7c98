package io.slotwise.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.api.args.ScanArgs;
import io.slotwise.value.ClusterScanCursor;
import io.slotwise.value.ClusterScanPage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReactiveClusterScanTest {

    private final PendingCommands client = new PendingCommands();
    private final ReactiveRedisCluster<String, String> reactive = ReactiveRedisCluster.of(client);

    @Test
    void scanStreamsTheKeysOfEveryPageAndAsksForTheNextPageWithTheLastCursor() {
        SignalRecorder<String> recorder = SignalRecorder.subscribeTo(reactive.scan(ScanArgs.none()));
        assertEquals(1, client.scans.size());
        assertEquals(ClusterScanCursor.INITIAL, client.scans.get(0).cursor());

        client.scans.get(0).stage().complete(new ClusterScanPage<>(new ClusterScanCursor(100), List.of("a", "b")));
        assertEquals(new ClusterScanCursor(100), client.scans.get(1).cursor());
        assertFalse(recorder.completed());
        client.scans.get(1).stage().complete(new ClusterScanPage<>(ClusterScanCursor.FINISHED, List.of("c")));

        assertEquals(List.of("a", "b", "c"), recorder.values());
        assertTrue(recorder.completed());
        assertEquals(2, client.scans.size());
    }

    @Test
    void scanSendsNothingUntilSubscribed() {
        reactive.scan(ScanArgs.none());
        assertEquals(List.of(), client.scans);
    }
}
