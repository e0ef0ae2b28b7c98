package io.slotwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.topology.NodeAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeedUriTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # uri                                  | host        | port | tls   | user  | password
            redis://127.0.0.1:7000                 | 127.0.0.1   | 7000 | false | -     | -
            redis://127.0.0.1                      | 127.0.0.1   | 6379 | false | -     | -
            rediss://cache.example:6380/           | cache.example | 6380 | true | -    | -
            REDIS://10.0.0.1:7001/0                | 10.0.0.1    | 7001 | false | -     | -
            redis://:s3cret@127.0.0.1:7000         | 127.0.0.1   | 7000 | false | -     | s3cret
            rediss://app:s3cret@127.0.0.1:7000     | 127.0.0.1   | 7000 | true  | app   | s3cret
            redis://app:p%40ss%3Aw0rd@127.0.0.1    | 127.0.0.1   | 6379 | false | app   | p@ss:w0rd
            redis://app:p@ss@127.0.0.1:7000        | 127.0.0.1   | 7000 | false | app   | p@ss
            redis://[::1]:7000                     | ::1         | 7000 | false | -     | -
            redis://[::1]                          | ::1         | 6379 | false | -     | -
            """)
    void parsesSeedUris(String uri, String host, int port, boolean tls, String user, String password) {
        SeedUri seed = SeedUri.parse(uri);

        assertEquals(new NodeAddress(host, port), seed.address());
        assertEquals(tls, seed.tls());
        assertEquals(password != null, seed.credentials().isPresent());
        seed.credentials().ifPresent(credentials -> {
            assertEquals(Optional.ofNullable(user), credentials.user());
            assertArrayEquals(password.toCharArray(), credentials.password());
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1:7000                       | must start with redis:// or rediss://
            http://127.0.0.1:7000                | must start with redis:// or rediss://
            redis://127.0.0.1:7000/3             | database 0 only
            redis://127.0.0.1:7000?timeout=1     | query strings and fragments are not supported
            redis://127.0.0.1:notaport           | the port is not a number
            redis://127.0.0.1:70000              | the port must be 1..65535
            redis://:7000                        | the host is missing
            redis://::1:7000                     | write an IPv6 host in brackets
            redis://[::1:7000                    | no closing ]
            redis://app@127.0.0.1                | user:password or :password
            redis://app:@127.0.0.1               | the password is empty
            redis://app:bad%zz@127.0.0.1         | invalid %-escape
            """)
    void rejectsInvalidSeedsWithAClearReason(String uri, String reason) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> SeedUri.parse(uri));

        assertTrue(failure.getMessage().contains(reason), failure.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"redis://app:hunter2@127.0.0.1:7000/9", "redis://app:hunter2@127.0.0.1:bad", "redis://:hunter2@"})
    void errorMessagesNeverRepeatThePassword(String uri) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> SeedUri.parse(uri));

        assertFalse(failure.getMessage().contains("hunter2"), failure.getMessage());
        assertFalse(failure.getMessage().contains("app"), failure.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "redis://app:hunter2@127.0.0.1:7000, redis://<credentials>@127.0.0.1:7000",
        "rediss://127.0.0.1:7000, rediss://127.0.0.1:7000"
    })
    void toStringHidesCredentials(String uri, String shown) {
        assertEquals(shown, SeedUri.parse(uri).toString());
    }
}
