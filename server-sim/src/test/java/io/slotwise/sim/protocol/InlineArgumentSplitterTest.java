package io.slotwise.sim.protocol;

import static io.slotwise.sim.protocol.DecoderHarness.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Inline splitting follows Redis's sdssplitargs. */
class InlineArgumentSplitterTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("set \"a b\" 'c\\'d'", List.of("set", "a b", "c'd")),
                Arguments.of("echo \"\\x41\\x4a\\x4B\"", List.of("echo", "AJK")),
                Arguments.of("echo \"\\xff\\x00z\"", List.of("echo", "\u00ff\0z")),
                Arguments.of("echo \"\\xZZ\\x4\"", List.of("echo", "xZZx4")),
                Arguments.of("echo \"\\n\\r\\t\\b\\a\\\\\\\"\\q\"", List.of("echo", "\n\r\t\b\u0007\\\"q")),
                Arguments.of("echo 'a\\nb\\\\c'", List.of("echo", "a\\nb\\\\c")),
                Arguments.of("echo ab\"c d\"", List.of("echo", "abc d")),
                Arguments.of("echo ab'c d' e", List.of("echo", "abc d", "e")),
                Arguments.of("echo \"\" ''", List.of("echo", "", "")),
                Arguments.of("  leading\t\tand   trailing  ", List.of("leading", "and", "trailing")),
                Arguments.of("\u000b\u000cvt\u000bff", List.of("vt\u000bff")),
                Arguments.of("echo \"a\"\u000bb", List.of("echo", "a", "b")),
                Arguments.of("a\rb", List.of("a", "b")),
                Arguments.of("echo a\0b c", List.of("echo", "a")),
                Arguments.of("unquoted\\x41", List.of("unquoted\\x41")),
                Arguments.of("", List.of()),
                Arguments.of(" \t ", List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lines")
    void lineSplitsAsRedisSplitsIt(String line, List<String> expected) {
        Optional<List<byte[]>> split = InlineArgumentSplitter.split(bytes(line));
        assertTrue(split.isPresent(), "unbalanced");
        assertEquals(
                expected,
                split.get().stream()
                        .map(arg -> new String(arg, StandardCharsets.ISO_8859_1))
                        .toList());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "echo \"abc",
                "echo 'abc",
                "echo \"a\"b",
                "echo 'a'b",
                "echo \"abc\\\"",
                "echo 'abc\\'",
                "echo \"abc\\",
                "echo \"a\0\"",
            })
    void unbalancedQuotesAreRejected(String line) {
        assertEquals(Optional.empty(), InlineArgumentSplitter.split(bytes(line)));
    }
}
