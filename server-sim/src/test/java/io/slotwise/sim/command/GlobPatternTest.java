package io.slotwise.sim.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GlobPatternTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("*", "", true),
                Arguments.of("*", "anything", true),
                Arguments.of("h?llo", "hello", true),
                Arguments.of("h?llo", "hllo", false),
                Arguments.of("h*llo", "heeeello", true),
                Arguments.of("h*llo", "hello world", false),
                Arguments.of("h[ae]llo", "hallo", true),
                Arguments.of("h[ae]llo", "hillo", false),
                Arguments.of("h[^e]llo", "hallo", true),
                Arguments.of("h[^e]llo", "hello", false),
                Arguments.of("h[a-b]llo", "hbllo", true),
                Arguments.of("h[b-a]llo", "hallo", true),
                Arguments.of("h[a-b]llo", "hcllo", false),
                Arguments.of("h\\*llo", "h*llo", true),
                Arguments.of("h\\*llo", "hello", false),
                Arguments.of("[\\]]", "]", true),
                Arguments.of("*a*b*c", "xxaxxbxxbc", true),
                Arguments.of("*a*b*c", "xxaxxbxxbcx", false),
                Arguments.of("a**", "a", true),
                Arguments.of("cluster-*", "cluster-node-timeout", true),
                Arguments.of("", "", true),
                Arguments.of("", "a", false));
    }

    @ParameterizedTest(name = "''{0}'' ~ ''{1}'' = {2}")
    @MethodSource("cases")
    void matchesLikeRedisStringmatch(String pattern, String text, boolean expected) {
        assertEquals(expected, GlobPattern.of(pattern, false).matches(text));
    }

    @ParameterizedTest(name = "''{0}'' ~ ''{1}'' ignoring case = {2}")
    @MethodSource("caseInsensitive")
    void ignoreCaseFoldsAsciiLetters(String pattern, String text, boolean expected) {
        assertEquals(expected, GlobPattern.of(pattern, true).matches(text));
        assertEquals(pattern.equals(text), GlobPattern.of(pattern, false).matches(text));
    }

    static Stream<Arguments> caseInsensitive() {
        return Stream.of(
                Arguments.of("PORT", "port", true),
                Arguments.of("[A-C]x", "bx", true),
                Arguments.of("PORT", "bind", false));
    }
}
