package io.slotwise.it.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code /usr/bin/redis-cli} with arguments and collects its exit status and combined output. Each run is bounded
 * by a timeout after which the process is killed. Thread-safe (each call runs its own process).
 */
final class RedisCli {

    /** The redis-cli these tests were written against (7.0.15); tests skip when it is missing. */
    static final Path BINARY = Path.of("/usr/bin/redis-cli");

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    /** The outcome of one run. */
    record Result(List<String> command, int exitStatus, String output) {

        /** The run as text, for failure messages. */
        String describe() {
            return String.join(" ", command) + " -> exit " + exitStatus + "\n" + output;
        }
    }

    private RedisCli() {}

    /** Returns whether the binary exists and is executable. */
    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Runs redis-cli with {@code args} (stdin empty) and waits for it to exit.
     *
     * @throws IllegalStateException if it does not exit within a minute (it is killed)
     */
    static Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("redis-cli", ".out");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(
                                Path.of("/dev/null").toFile()))
                        .start();
                if (!process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                            + RUN_TIMEOUT.toSeconds() + " s; output:\n"
                            + Files.readString(output, StandardCharsets.ISO_8859_1));
                }
                return new Result(command, process.exitValue(), Files.readString(output, StandardCharsets.ISO_8859_1));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /**
     * Runs {@code --cluster check} against {@code 127.0.0.1:port} until it reports full slot coverage and agreement
     * (real Redis may report a transient disagreement right after a change), and returns that run's result.
     *
     * @throws AssertionError with the last check's output if it does not pass within the timeout
     */
    static Result awaitCheckOk(int port, Duration timeout) {
        Result[] last = new Result[1];
        Waiting.until("redis-cli --cluster check 127.0.0.1:" + port + " reports OK", timeout, () -> {
            last[0] = run("--cluster", "check", "127.0.0.1:" + port);
            return checkProblem(last[0]);
        });
        return last[0];
    }

    private static Optional<String> checkProblem(Result result) {
        String output = result.output();
        if (result.exitStatus() == 0
                && output.contains("[OK] All nodes agree about slots configuration.")
                && output.contains("[OK] All 16384 slots covered.")
                && !output.contains("[ERR]")
                && !output.contains("[WARNING]")) {
            return Optional.empty();
        }
        return Optional.of(result.describe());
    }

    /**
     * Runs redis-cli and asserts exit status 0.
     *
     * @throws AssertionError with the command and its output otherwise
     */
    static Result succeed(String... args) {
        Result result = run(args);
        if (result.exitStatus() != 0) {
            throw new AssertionError("redis-cli failed: " + result.describe());
        }
        return result;
    }
}
