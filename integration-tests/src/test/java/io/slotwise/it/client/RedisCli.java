package io.slotwise.it.client;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the installed {@code redis-cli} (for its {@code --cluster} subcommands) and captures what it prints. */
final class RedisCli {

    /** Why the redis-cli tests are skipped when it is missing. */
    static final String MISSING_MESSAGE =
            "redis-cli was not found on PATH, in /usr/bin or in /usr/local/bin (apt-get install -y redis-tools)";

    /**
     * What one run printed and how it ended.
     *
     * @param exitCode the process's exit code
     * @param output stdout and stderr, interleaved
     */
    record Result(int exitCode, String output) {
        /** Whether it exited with 0. */
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private RedisCli() {}

    /** Finds an executable {@code redis-cli} on {@code PATH}, then in {@code /usr/bin} and {@code /usr/local/bin}. */
    static Optional<Path> locate() {
        List<String> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(List.of(path.split(File.pathSeparator)));
        }
        directories.add("/usr/bin");
        directories.add("/usr/local/bin");
        return directories.stream()
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "redis-cli"))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }

    /**
     * Runs {@code redis-cli args...} and waits for it to exit.
     *
     * @param timeout how long it may run; it is killed after that
     * @return its exit code and output
     * @throws IllegalStateException if redis-cli is missing, cannot start, or does not exit within {@code timeout}
     *     (the message includes what it printed)
     */
    static Result run(Duration timeout, String... args) {
        Path executable = locate().orElseThrow(() -> new IllegalStateException(MISSING_MESSAGE));
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        Path output = null;
        Process process = null;
        try {
            output = Files.createTempFile("slotwise-redis-cli-", ".log");
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("redis-cli " + String.join(" ", args) + " did not finish within "
                        + timeout.toSeconds() + " s; it printed:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run redis-cli " + String.join(" ", args), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running redis-cli", e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                awaitExit(process);
            }
            deleteQuietly(output);
        }
    }

    private static void awaitExit(Process process) {
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover log file in the temporary directory harms nothing.
        }
    }
}
