package io.slotwise.netty.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when netty reported a buffer leak while it ran (best effort: leaks are seen once the garbage
 * collector finds the lost buffers). Use with {@code @ExtendWith(LeakCheckExtension.class)}. Also fails if the
 * {@link LeakRecorder} was installed too late to see anything.
 */
public final class LeakCheckExtension implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws InterruptedException {
        LeakRecorder.install();
        // Leaks from earlier classes belong to them, not to this one. This also creates netty's detector if needed.
        LeakRecorder.collectReports();
        assertTrue(
                LeakRecorder.tracksByteBufs(),
                "netty's ByteBuf leak detector was created before LeakRecorder was installed; leaks would go unseen");
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        List<String> reports = LeakRecorder.collectReports();
        if (!reports.isEmpty()) {
            fail(reports.size() + " ByteBuf leak(s) reported while " + context.getDisplayName() + " ran:\n"
                    + String.join("\n\n", reports));
        }
    }
}
