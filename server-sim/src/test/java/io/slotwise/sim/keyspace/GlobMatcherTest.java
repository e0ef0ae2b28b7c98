package io.slotwise.sim.keyspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobMatcherTest {

    @ParameterizedTest(name = "pattern {0} vs {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                // literals and ?
                "hello      | hello     | true",
                "hello      | hell      | false",
                "hello      | helloo    | false",
                "h?llo      | hallo     | true",
                "h?llo      | hllo      | false",
                // *
                "*          | anything  | true",
                "h*llo      | hllo      | true",
                "h*llo      | heeeello  | true",
                "h*llo      | heeeellx  | false",
                "a*b*c      | aXXbYYc   | true",
                "a*b*c      | aXXcYYb   | false",
                "*a         | banana    | true",
                "*n*n*      | banana    | true",
                "***a**     | xa        | true",
                "a*         | a         | true",
                "user:*:id  | user:42:id | true",
                // classes
                "h[ae]llo   | hello     | true",
                "h[ae]llo   | hallo     | true",
                "h[ae]llo   | hillo     | false",
                "h[^e]llo   | hallo     | true",
                "h[^e]llo   | hello     | false",
                "h[a-b]llo  | hbllo     | true",
                "h[a-b]llo  | hcllo     | false",
                "h[b-a]llo  | hallo     | true",
                "[a-cx-z]   | y         | true",
                "[a-cx-z]   | d         | false",
                "[]         | ]         | false",
                "[]a]       | a]        | false",
                "[^]        | q         | true",
                "[\\]]      | ]         | true",
                "[\\]]      | \\        | false",
                "[a-]       | ]         | true",
                "[a-]       | ^         | true",
                "[a-]       | \\        | false",
                "[a-]       | b         | false",
                "[abc       | c         | true",
                "[abc       | d         | false",
                "[^         | x         | true",
                // escapes
                "\\*        | *         | true",
                "\\*        | a         | false",
                "\\?x       | ?x        | true",
                "a\\        | a\\       | true",
                "\\[a]      | [a]       | true",
                "\\[a]      | a         | false",
                // the empty subject only matches the empty pattern
                "\"\"       | \"\"      | true",
                "*          | \"\"      | false",
                "\"\"       | a         | false",
            })
    void matchesLikeRedisStringmatchlen(String pattern, String subject, boolean expected) {
        assertEquals(expected, GlobMatcher.matches(utf8(pattern), utf8(subject)));
    }

    @Test
    void rangesCompareBytesUnsigned() {
        byte[] pattern = {'[', 'a', '-', (byte) 0xF0, ']'};
        assertTrue(GlobMatcher.matches(pattern, new byte[] {(byte) 0x80}));
        assertFalse(GlobMatcher.matches(pattern, new byte[] {(byte) 0xF1}));
        assertFalse(GlobMatcher.matches(pattern, new byte[] {'A'}));
    }

    @Test
    void questionMarkMatchesAnySingleByteIncludingBinary() {
        assertTrue(GlobMatcher.matches(utf8("a?c"), new byte[] {'a', 0, 'c'}));
        assertTrue(GlobMatcher.matches(utf8("a*"), new byte[] {'a', (byte) 0xFF, 0}));
    }

    @Test
    @Timeout(10)
    void manyStarsOnALongNonMatchingSubjectDoNotBacktrackExponentially() {
        byte[] pattern = utf8("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b");
        assertFalse(GlobMatcher.matches(pattern, utf8("a".repeat(20_000))));
        assertTrue(GlobMatcher.matches(pattern, utf8("a".repeat(20_000) + "b")));
    }

    @Test
    void keyAndMemberOverloadsMatchTheirBytes() {
        assertTrue(GlobMatcher.matches(utf8("user:*"), Key.of("user:1")));
        assertFalse(GlobMatcher.matches(utf8("user:*"), Bytes.of("order:1")));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
