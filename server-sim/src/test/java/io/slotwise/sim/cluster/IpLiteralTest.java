package io.slotwise.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpLiteralTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "INVALID",
            value = {
                "127.0.0.1, 127.0.0.1",
                "0.0.0.0, 0.0.0.0",
                "255.255.255.255, 255.255.255.255",
                "::1, ::1",
                "::, ::",
                "0:0:0:0:0:0:0:1, ::1",
                "FE80:0000:0000:0000:0202:B3FF:FE1E:8329, fe80::202:b3ff:fe1e:8329",
                "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
                "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
                "1::, 1::",
                "::ffff:127.0.0.1, ::ffff:127.0.0.1",
                "::FFFF:7f00:1, ::ffff:127.0.0.1",
                "::1.2.3.4, ::1.2.3.4",
                "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
                "localhost, INVALID",
                "example.com, INVALID",
                "127.0.0.256, INVALID",
                "127.0.0, INVALID",
                "127.0.0.1.5, INVALID",
                "127.00.0.1, INVALID",
                "127..0.1, INVALID",
                "'', INVALID",
                ":1, INVALID",
                "1:, INVALID",
                "1:::2, INVALID",
                "1::2::3, INVALID",
                "12345::1, INVALID",
                "1:2:3:4:5:6:7:8:9, INVALID",
                "1:2:3:4:5:6:7::8, INVALID",
                "g::1, INVALID",
                "::1.2.3, INVALID",
                "[::1], INVALID"
            })
    void normalizesLiteralsAndRejectsNames(String text, String expected) {
        assertEquals(Optional.ofNullable(expected), IpLiteral.normalize(text));
    }
}
