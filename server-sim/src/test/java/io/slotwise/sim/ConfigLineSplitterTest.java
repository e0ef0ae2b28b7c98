package io.slotwise.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLineSplitterTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("port 7000", List.of("port", "7000")),
                Arguments.of("  bind\t127.0.0.1   ::1 ", List.of("bind", "127.0.0.1", "::1")),
                Arguments.of("save \"\"", List.of("save", "")),
                Arguments.of("a \"b c\" 'd e'", List.of("a", "b c", "d e")),
                Arguments.of("a \"\\x41\\n\\\\\\\"\"", List.of("a", "A\n\\\"")),
                Arguments.of("a 'it\\'s'", List.of("a", "it's")),
                Arguments.of("a 'no\\nescape'", List.of("a", "no\\nescape")),
                Arguments.of("pre\"fix d\"", List.of("prefix d")),
                Arguments.of("", List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lines")
    void splitsLikeSdssplitargs(String line, List<String> expected) {
        assertEquals(Optional.of(expected), ConfigLineSplitter.split(line));
    }

    static Stream<String> unbalanced() {
        return Stream.of("a \"b", "a 'b", "a \"b\"c", "a 'b'c");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("unbalanced")
    void unbalancedQuotesAreRejected(String line) {
        assertEquals(Optional.empty(), ConfigLineSplitter.split(line));
    }
}
