package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.slotwise.event.ClientEventListener;
import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ListenerFanOutTest {

    private static final NodeAddress NODE = new NodeAddress("127.0.0.1", 7000);
    private static final IllegalStateException FAILURE = new IllegalStateException("listener bug");

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("commandSucceeded GET PT0.005S", (Consumer<ClientEventListener>)
                        l -> l.commandSucceeded("GET", Duration.ofMillis(5))),
                Arguments.of("commandFailed GET PT0.005S listener bug", (Consumer<ClientEventListener>)
                        l -> l.commandFailed("GET", Duration.ofMillis(5), FAILURE)),
                Arguments.of(
                        "requestStarted 127.0.0.1:7000", (Consumer<ClientEventListener>) l -> l.requestStarted(NODE)),
                Arguments.of(
                        "requestFinished 127.0.0.1:7000", (Consumer<ClientEventListener>) l -> l.requestFinished(NODE)),
                Arguments.of("retried GET 2 listener bug", (Consumer<ClientEventListener>)
                        l -> l.retried("GET", 2, FAILURE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyListenerGetsTheEventInOrderEvenAfterOneThrows(String expected, Consumer<ClientEventListener> event) {
        List<String> seen = new ArrayList<>();
        ClientEventListener fanOut =
                ListenerFanOut.of(List.of(new Recording("first", seen), new Throwing(), new Recording("second", seen)));
        event.accept(fanOut);
        assertEquals(List.of("first: " + expected, "second: " + expected), seen);
    }

    @Test
    void noListenersMeansTheNoOpListener() {
        assertSame(ClientEventListener.NONE, ListenerFanOut.of(List.of()));
    }

    /** Records each event as text. */
    private record Recording(String name, List<String> seen) implements ClientEventListener {
        @Override
        public void commandSucceeded(String command, Duration latency) {
            seen.add(name + ": commandSucceeded " + command + " " + latency);
        }

        @Override
        public void commandFailed(String command, Duration latency, Throwable cause) {
            seen.add(name + ": commandFailed " + command + " " + latency + " " + cause.getMessage());
        }

        @Override
        public void requestStarted(NodeAddress node) {
            seen.add(name + ": requestStarted " + node);
        }

        @Override
        public void requestFinished(NodeAddress node) {
            seen.add(name + ": requestFinished " + node);
        }

        @Override
        public void retried(String command, int attempt, Throwable cause) {
            seen.add(name + ": retried " + command + " " + attempt + " " + cause.getMessage());
        }
    }

    /** Throws from every event. */
    private static final class Throwing implements ClientEventListener {
        @Override
        public void commandSucceeded(String command, Duration latency) {
            throw FAILURE;
        }

        @Override
        public void commandFailed(String command, Duration latency, Throwable cause) {
            throw FAILURE;
        }

        @Override
        public void requestStarted(NodeAddress node) {
            throw FAILURE;
        }

        @Override
        public void requestFinished(NodeAddress node) {
            throw FAILURE;
        }

        @Override
        public void retried(String command, int attempt, Throwable cause) {
            throw FAILURE;
        }
    }
}
