package io.slotwise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.command.Command;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The varargs forms of the multi-key commands send exactly what their list forms send. */
class VarargsOverloadsTest {

    static Stream<Arguments> pairs() {
        List<String> keys = List.of("a", "{b}1", "c");
        return Stream.of(
                Arguments.of("MGET", (Consumer<AsyncCommands<String, String>>) c -> c.mget("a", "{b}1", "c"), (Consumer<
                                AsyncCommands<String, String>>)
                        c -> c.mget(keys)),
                Arguments.of("DEL", (Consumer<AsyncCommands<String, String>>) c -> c.del("a", "{b}1", "c"), (Consumer<
                                AsyncCommands<String, String>>)
                        c -> c.del(keys)),
                Arguments.of(
                        "UNLINK",
                        (Consumer<AsyncCommands<String, String>>) c -> c.unlink("a", "{b}1", "c"),
                        (Consumer<AsyncCommands<String, String>>) c -> c.unlink(keys)),
                Arguments.of(
                        "EXISTS",
                        (Consumer<AsyncCommands<String, String>>) c -> c.exists("a", "{b}1", "c"),
                        (Consumer<AsyncCommands<String, String>>) c -> c.exists(keys)),
                Arguments.of(
                        "TOUCH",
                        (Consumer<AsyncCommands<String, String>>) c -> c.touch("a", "{b}1", "c"),
                        (Consumer<AsyncCommands<String, String>>) c -> c.touch(keys)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void varargsFormSendsTheSameCommandAsTheListForm(
            String name,
            Consumer<AsyncCommands<String, String>> varargs,
            Consumer<AsyncCommands<String, String>> list) {
        RecordingCommands<String, String> a = RecordingCommands.utf8();
        RecordingCommands<String, String> b = RecordingCommands.utf8();
        varargs.accept(a);
        list.accept(b);
        Command<?> fromVarargs = a.onlySent();
        Command<?> fromList = b.onlySent();
        assertEquals(name, fromVarargs.name());
        assertEquals(
                fromList.arguments().stream().map(String::new).toList(),
                fromVarargs.arguments().stream().map(String::new).toList());
        assertEquals(fromList.split(), fromVarargs.split());
        assertEquals(fromList.traits(), fromVarargs.traits());
    }
}
