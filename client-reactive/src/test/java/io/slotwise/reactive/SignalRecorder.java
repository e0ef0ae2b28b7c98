package io.slotwise.reactive;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/** Subscribes to a publisher and records its signals and the threads they arrived on. */
final class SignalRecorder<T> {

    private final List<T> values = new CopyOnWriteArrayList<>();
    private final List<String> signalThreads = new CopyOnWriteArrayList<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile Throwable error;
    private volatile boolean completed;
    private final Disposable subscription;

    private SignalRecorder(Publisher<T> publisher) {
        subscription = Flux.from(publisher)
                .subscribe(
                        value -> {
                            signalThreads.add(Thread.currentThread().getName());
                            values.add(value);
                        },
                        failure -> {
                            signalThreads.add(Thread.currentThread().getName());
                            error = failure;
                            terminated.countDown();
                        },
                        () -> {
                            signalThreads.add(Thread.currentThread().getName());
                            completed = true;
                            terminated.countDown();
                        });
    }

    static <T> SignalRecorder<T> subscribeTo(Publisher<T> publisher) {
        return new SignalRecorder<>(publisher);
    }

    void cancel() {
        subscription.dispose();
    }

    /** Waits up to five seconds for onComplete or onError. */
    SignalRecorder<T> awaitTermination() throws InterruptedException {
        if (!terminated.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("no terminal signal within 5 s");
        }
        return this;
    }

    List<T> values() {
        return values;
    }

    Throwable error() {
        return error;
    }

    boolean completed() {
        return completed;
    }

    boolean signalled() {
        return !signalThreads.isEmpty();
    }

    List<String> signalThreads() {
        return signalThreads;
    }
}
