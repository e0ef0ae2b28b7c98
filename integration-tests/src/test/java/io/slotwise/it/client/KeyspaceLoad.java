package io.slotwise.it.client;

import io.slotwise.RedisCommandException;
import io.slotwise.api.AsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Keeps a client busy from several threads while a test changes the cluster underneath: each worker thread owns a
 * disjoint set of keys and loops {@code SET} (the next key, a fresh value) then {@code GET} (a random key it has
 * written), waiting for each reply. Every call that fails reaches {@link #failures()}; so does every read that returns a
 * value the key cannot hold.
 *
 * <p>What a key can hold: the value of its last acknowledged {@code SET}, or of any later {@code SET} that failed
 * (its outcome is unknown). A read narrows that set to the value read. {@link #readBackMismatches} checks every key at
 * the end the same way.
 *
 * <p>Threads: {@link #start} starts the workers; {@link #stop} (or {@link #close}) ends and joins them. Counters and
 * failures may be read while it runs; {@link #readBackMismatches} only after {@link #stop}.
 */
final class KeyspaceLoad implements AutoCloseable {

    /** How long one call may take before the load records it as hung and moves on. */
    static final Duration CALL_LIMIT = Duration.ofSeconds(60);

    /** Marks a failure that is a wrong value read, not an exception from the client. */
    static final String READ_MISMATCH = "read-mismatch";

    /**
     * One failed call.
     *
     * @param operation {@code SET}, {@code GET} or {@link #READ_MISMATCH}
     * @param key the key
     * @param atNanos {@link System#nanoTime()} when the failure was seen
     * @param cause the exception the caller received (for a mismatch, one describing it)
     */
    record Failure(String operation, String key, long atNanos, Throwable cause) {}

    /** Told about every successful call, on the worker's thread. */
    @FunctionalInterface
    interface SuccessObserver {
        /**
         * A call succeeded.
         *
         * @param key the key
         * @param write whether it was a {@code SET}
         * @param startedNanos {@link System#nanoTime()} just before the call
         * @param finishedNanos {@link System#nanoTime()} when its reply arrived
         */
        void succeeded(String key, boolean write, long startedNanos, long finishedNanos);
    }

    private final String name;
    private final AsyncCommands<String, String> commands;
    private final SuccessObserver observer;
    private final List<Worker> workers = new ArrayList<>();
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong successes = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong distinctKeysWritten = new AtomicLong();
    private volatile boolean running = true;

    private KeyspaceLoad(String name, AsyncCommands<String, String> commands, SuccessObserver observer) {
        this.name = name;
        this.commands = commands;
        this.observer = observer;
    }

    /**
     * Starts one worker thread per key list.
     *
     * @param name prefixes values and thread names
     * @param keysPerWorker disjoint key lists, one per worker, none empty
     * @param initialValues values the keys hold before the load starts (absent: unknown, not read before written)
     * @param observer told about each success
     */
    static KeyspaceLoad start(
            String name,
            AsyncCommands<String, String> commands,
            List<List<String>> keysPerWorker,
            Map<String, String> initialValues,
            SuccessObserver observer) {
        KeyspaceLoad load = new KeyspaceLoad(name, commands, observer);
        for (int i = 0; i < keysPerWorker.size(); i++) {
            Worker worker = load.new Worker(i, keysPerWorker.get(i), initialValues);
            load.workers.add(worker);
        }
        load.workers.forEach(Thread::start);
        return load;
    }

    /** Splits {@code keys} round-robin into {@code count} lists. */
    static List<List<String>> partition(List<String> keys, int count) {
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < keys.size(); i++) {
            parts.get(i % count).add(keys.get(i));
        }
        return parts;
    }

    /** Returns how many calls succeeded so far. */
    long successes() {
        return successes.get();
    }

    /** Returns how many {@code SET}s succeeded so far. */
    long successfulWrites() {
        return writes.get();
    }

    /** Returns how many distinct keys have had at least one acknowledged {@code SET} so far. */
    long distinctKeysWritten() {
        return distinctKeysWritten.get();
    }

    /** Returns the failures so far, in the order they were seen. */
    List<Failure> failures() {
        return List.copyOf(failures);
    }

    /**
     * Ends the load: workers finish their current call and exit.
     *
     * @throws AssertionError if a worker does not exit in time (a call hangs beyond {@link #CALL_LIMIT})
     */
    void stop() {
        running = false;
        for (Worker worker : workers) {
            try {
                worker.join(CALL_LIMIT.multipliedBy(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while stopping the load", e);
            }
            if (worker.isAlive()) {
                throw new AssertionError(worker.getName() + " did not stop");
            }
        }
    }

    /**
     * Reads every key the workers wrote, with {@code MGET} in chunks, and describes each one that holds a value it
     * cannot hold. Call after {@link #stop}.
     *
     * @return the mismatches, empty if every key reads back as expected
     * @throws AssertionError if an {@code MGET} fails
     */
    List<String> readBackMismatches(AsyncCommands<String, String> reader) {
        Map<String, Set<String>> possible = new LinkedHashMap<>();
        workers.forEach(worker -> possible.putAll(worker.possible));
        List<String> keys = new ArrayList<>(possible.keySet());
        List<String> mismatches = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 1000) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 1000));
            List<String> values;
            try {
                values = reader.mget(chunk).toCompletableFuture().get(CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError("MGET of " + chunk.size() + " keys failed", e.getCause());
            } catch (InterruptedException | TimeoutException e) {
                throw new AssertionError("MGET of " + chunk.size() + " keys did not complete", e);
            }
            for (int i = 0; i < chunk.size(); i++) {
                Set<String> expected = possible.get(chunk.get(i));
                if (!expected.contains(values.get(i))) {
                    mismatches.add(chunk.get(i) + " holds " + values.get(i) + ", expected one of " + expected);
                }
            }
        }
        return mismatches;
    }

    /** Summarises successes and failures by kind, with the first few failure messages. */
    String summary() {
        List<Failure> seen = failures();
        Map<String, Long> byKind =
                seen.stream().collect(Collectors.groupingBy(KeyspaceLoad::kind, TreeMap::new, Collectors.counting()));
        StringBuilder text = new StringBuilder()
                .append(successes())
                .append(" successful calls, ")
                .append(seen.size())
                .append(" failed ")
                .append(byKind);
        seen.stream()
                .limit(3)
                .forEach(failure -> text.append("\n  ")
                        .append(failure.operation())
                        .append(' ')
                        .append(failure.key())
                        .append(": ")
                        .append(failure.cause()));
        return text.toString();
    }

    /** The exception type, plus the error code for server errors, or {@link #READ_MISMATCH}. */
    static String kind(Failure failure) {
        if (failure.operation().equals(READ_MISMATCH)) {
            return READ_MISMATCH;
        }
        Throwable cause = failure.cause();
        String type = cause.getClass().getSimpleName();
        return cause instanceof RedisCommandException error ? type + "(" + error.code() + ")" : type;
    }

    /** Stops the load if it still runs. */
    @Override
    public void close() {
        if (running) {
            stop();
        }
    }

    private static <T> T await(CompletionStage<T> stage) throws Throwable {
        try {
            return stage.toCompletableFuture().get(CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            throw new TimeoutException("the call did not complete within " + CALL_LIMIT.toSeconds() + " s");
        }
    }

    /** One worker: owns its keys and what each of them can hold. */
    private final class Worker extends Thread {
        private final int index;
        private final List<String> keys;
        private final Map<String, Set<String>> possible = new HashMap<>();
        private final Set<String> written = new HashSet<>();

        Worker(int index, List<String> keys, Map<String, String> initialValues) {
            super(name + "-load-" + index);
            setDaemon(true);
            this.index = index;
            this.keys = List.copyOf(keys);
            for (String key : keys) {
                if (initialValues.containsKey(key)) {
                    possible.put(key, valueSet(initialValues.get(key)));
                }
            }
        }

        @Override
        public void run() {
            SplittableRandom random = new SplittableRandom(index);
            for (long seq = 0; running; seq++) {
                write(keys.get((int) (seq % keys.size())), name + ":w" + index + ":" + seq);
                if (!running) {
                    break;
                }
                String readKey = keys.get(random.nextInt(keys.size()));
                if (possible.containsKey(readKey)) {
                    read(readKey);
                }
            }
        }

        private void write(String key, String value) {
            long started = System.nanoTime();
            try {
                String reply = await(commands.set(key, value));
                if (!"OK".equals(reply)) {
                    throw new IllegalStateException("SET answered " + reply);
                }
                possible.put(key, valueSet(value));
                writes.incrementAndGet();
                if (written.add(key)) {
                    distinctKeysWritten.incrementAndGet();
                }
                succeeded(key, true, started);
            } catch (Throwable failure) {
                possible.computeIfAbsent(key, k -> new HashSet<>()).add(value);
                failures.add(new Failure("SET", key, System.nanoTime(), failure));
            }
        }

        private void read(String key) {
            long started = System.nanoTime();
            String value;
            try {
                value = await(commands.get(key));
            } catch (Throwable failure) {
                failures.add(new Failure("GET", key, System.nanoTime(), failure));
                return;
            }
            Set<String> expected = possible.get(key);
            if (!expected.contains(value)) {
                failures.add(new Failure(
                        READ_MISMATCH,
                        key,
                        System.nanoTime(),
                        new IllegalStateException(
                                "GET " + key + " returned " + value + ", expected one of " + expected)));
            }
            possible.put(key, valueSet(value));
            succeeded(key, false, started);
        }

        private void succeeded(String key, boolean write, long started) {
            successes.incrementAndGet();
            observer.succeeded(key, write, started, System.nanoTime());
        }

        private static Set<String> valueSet(String value) {
            Set<String> set = new HashSet<>();
            set.add(value);
            return set;
        }
    }
}
