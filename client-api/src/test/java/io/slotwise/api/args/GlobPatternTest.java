package io.slotwise.api.args;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobPatternTest {

    @ParameterizedTest(name = "''{1}'' matches ''{0}'': {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "*|anything|true",
                "*|''|true",
                "user:*|user:42|true",
                "user:*|use|false",
                "user:?|user:4|true",
                "user:?|user:42|false",
                "a*b*c|aXXbYYc|true",
                "a*b*c|aXXbYY|false",
                "h[ae]llo|hallo|true",
                "h[ae]llo|hillo|false",
                "h[^e]llo|hallo|true",
                "h[^e]llo|hello|false",
                "h[a-c]llo|hbllo|true",
                "h[c-a]llo|hbllo|true",
                "h[a-c]llo|hdllo|false",
                "h\\*llo|h*llo|true",
                "h\\*llo|hello|false",
                "[\\]]|]|true",
                "**x|abcx|true",
                "abc|abcd|false",
            })
    void keysMatchAsRedisScanMatchDecides(String pattern, String key, boolean expected) {
        ScanArgs args = ScanArgs.builder().match(pattern).build();
        assertEquals(expected, args.matches(key.getBytes(StandardCharsets.UTF_8)));
    }
}
