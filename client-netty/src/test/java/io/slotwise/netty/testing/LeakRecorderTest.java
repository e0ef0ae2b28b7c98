package io.slotwise.netty.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheckExtension.class)
class LeakRecorderTest {

    @Test
    void unreleasedBufferIsReportedAsLeak() throws InterruptedException {
        leakOneBuffer();
        List<String> reports = new ArrayList<>();
        for (int attempt = 0; attempt < 5 && reports.isEmpty(); attempt++) {
            reports.addAll(LeakRecorder.collectReports());
        }
        assertEquals(1, reports.size(), () -> "reports: " + reports);
        assertTrue(
                reports.get(0).contains("leakOneBuffer"),
                () -> "the report shows where the buffer was created: " + reports.get(0));
    }

    @Test
    void releasedBufferIsNotReported() throws InterruptedException {
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(8);
        buf.writeLong(42);
        buf.release();
        assertEquals(List.of(), LeakRecorder.collectReports());
    }

    private static void leakOneBuffer() {
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(8);
        buf.writeLong(42);
    }
}
