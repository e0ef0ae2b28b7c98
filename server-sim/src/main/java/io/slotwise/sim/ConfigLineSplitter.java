package io.slotwise.sim;

import io.slotwise.sim.protocol.InlineArgumentSplitter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Splits one line of a redis.conf file into arguments as Redis does: with {@code sdssplitargs}, the same rules as
 * inline requests ({@link InlineArgumentSplitter}). The line is split as UTF-8 bytes, so {@code \xHH} yields a byte,
 * as in Redis.
 */
final class ConfigLineSplitter {
    private ConfigLineSplitter() {}

    /**
     * Splits a line.
     *
     * @param line the line without its terminator
     * @return the arguments (none for a blank line), or empty if the quotes are unbalanced
     */
    static Optional<List<String>> split(String line) {
        return InlineArgumentSplitter.split(line.getBytes(StandardCharsets.UTF_8))
                .map(args -> args.stream()
                        .map(arg -> new String(arg, StandardCharsets.UTF_8))
                        .toList());
    }
}
