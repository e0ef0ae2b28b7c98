package io.slotwise.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.topology.NodeAddress;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectTest {

    static Stream<Arguments> redirects() {
        return Stream.of(
                Arguments.of("MOVED 3999 127.0.0.1:6381", new Redirect.Moved(3999, new NodeAddress("127.0.0.1", 6381))),
                Arguments.of("ASK 3999 127.0.0.1:6381", new Redirect.Ask(3999, new NodeAddress("127.0.0.1", 6381))),
                Arguments.of(
                        "MOVED 0 redis-2.example:7000",
                        new Redirect.Moved(0, new NodeAddress("redis-2.example", 7000))),
                Arguments.of("MOVED 16383 ::1:7001", new Redirect.Moved(16383, new NodeAddress("::1", 7001))),
                // An empty endpoint or the unknown-endpoint marker means the replying node's host.
                Arguments.of("MOVED 3168 :7300", new Redirect.Moved(3168, new NodeAddress("10.0.0.9", 7300))),
                Arguments.of("ASK 12 ?:7301", new Redirect.Ask(12, new NodeAddress("10.0.0.9", 7301))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("redirects")
    void redirectIsParsedIntoSlotAndTarget(String message, Redirect expected) {
        assertEquals(Optional.of(expected), Redirect.parse(message, "10.0.0.9"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "ERR unknown command",
                "MOVED",
                "MOVED 3999",
                "MOVED abc 127.0.0.1:6381",
                "MOVED 16384 127.0.0.1:6381",
                "MOVED -1 127.0.0.1:6381",
                "MOVED 1 127.0.0.1",
                "MOVED 1 127.0.0.1:notaport",
                "MOVED 1 127.0.0.1:70000",
                "ASKING 1 127.0.0.1:7000",
                "MOVED 1 127.0.0.1:7000 extra"
            })
    void malformedOrOtherErrorsAreNotRedirects(String message) {
        assertTrue(Redirect.parse(message, "127.0.0.1").isEmpty(), message);
    }
}
