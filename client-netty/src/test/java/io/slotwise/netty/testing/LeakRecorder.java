package io.slotwise.netty.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records the leaks netty's leak detector reports, so that tests can fail on them instead of only logging them.
 *
 * <p>{@link #install()} must run before netty creates its {@code ByteBuf} leak detector (on first use of any buffer);
 * {@link LeakRecordingSessionListener} does it when the JUnit launcher session opens. Reports are logged as usual
 * too, and are made even when no logging backend is configured.
 */
public final class LeakRecorder {

    private static final List<String> REPORTS = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final AtomicBoolean TRACKING_BYTE_BUFS = new AtomicBoolean();

    private LeakRecorder() {}

    /** Installs the recording factory once; later calls do nothing. */
    public static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
        }
    }

    /** Tells whether netty's {@code ByteBuf} leak detector is a recording one, i.e. {@link #install()} ran in time. */
    public static boolean tracksByteBufs() {
        return TRACKING_BYTE_BUFS.get();
    }

    /**
     * Makes the detector report what has leaked so far, best effort: collects garbage, waits until a reference
     * cleared by that collection has been enqueued, then allocates buffers, since netty reports leaks only when it
     * tracks a new buffer.
     *
     * @return the reports recorded since the last call, which are forgotten
     */
    public static List<String> collectReports() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            ReferenceQueue<Object> queue = new ReferenceQueue<>();
            WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
            System.gc();
            queue.remove(2_000);
            Reference.reachabilityFence(sentinel);
            for (int i = 0; i < 4; i++) {
                ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(1);
                probe.release();
            }
        }
        List<String> reports = new ArrayList<>(REPORTS);
        REPORTS.removeAll(reports);
        return reports;
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval) {
            if (resource == ByteBuf.class) {
                TRACKING_BYTE_BUFS.set(true);
            }
            return new RecordingDetector<>(resource, samplingInterval);
        }

        /** Still abstract in netty, though deprecated; netty calls the two-argument form. */
        @Override
        @Deprecated
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(
                Class<T> resource, int samplingInterval, long maxActive) {
            return newResourceLeakDetector(resource, samplingInterval);
        }
    }

    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        RecordingDetector(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected boolean needReport() {
            return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            REPORTS.add("LEAK: " + resourceType + " was not released." + records);
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            REPORTS.add("LEAK: " + resourceType + " was not released (no records).");
            super.reportUntracedLeak(resourceType);
        }
    }
}
