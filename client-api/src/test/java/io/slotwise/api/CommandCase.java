package io.slotwise.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.command.Command;
import io.slotwise.command.CommandTrait;
import io.slotwise.command.Routing;
import io.slotwise.command.Split;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One row of a family's command table: a call on the API and the command it must build (exact arguments, key
 * positions, traits, and routing or split). Defaults: the key is argument 1, no traits, routed by key without split.
 */
final class CommandCase {

    private final String expectedArgs;
    private final Function<AsyncCommands<String, String>, CompletionStage<?>> call;
    private int[] keys = {1};
    private final Set<CommandTrait> traits = EnumSet.noneOf(CommandTrait.class);
    private String shape = "by-keys";

    private CommandCase(String expectedArgs, Function<AsyncCommands<String, String>, CompletionStage<?>> call) {
        this.expectedArgs = expectedArgs;
        this.call = call;
    }

    /**
     * Starts a row.
     *
     * @param expectedArgs the arguments the call must produce, separated by single spaces
     * @param call the API call
     */
    static CommandCase expect(String expectedArgs, Function<AsyncCommands<String, String>, CompletionStage<?>> call) {
        return new CommandCase(expectedArgs, call);
    }

    CommandCase keys(int... positions) {
        this.keys = positions;
        return this;
    }

    CommandCase readOnly() {
        traits.add(CommandTrait.READ_ONLY);
        return this;
    }

    CommandCase blocking() {
        traits.add(CommandTrait.BLOCKING);
        return this;
    }

    /** "split <width> <merger>", "any-node" or "fan-out <target> <merger>". */
    CommandCase shape(String expectedShape) {
        this.shape = expectedShape;
        return this;
    }

    void verify() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        call.apply(client);
        Command<?> command = client.onlySent();
        assertEquals(Arrays.asList(expectedArgs.split(" ")), texts(command), "arguments");
        assertArrayEquals(keys, command.keyIndexes(), "key indexes");
        assertEquals(traits, command.traits(), "traits");
        assertEquals(shape, shape(command), "routing");
    }

    static List<String> texts(Command<?> command) {
        return command.arguments().stream()
                .map(arg -> new String(arg, StandardCharsets.UTF_8))
                .toList();
    }

    static String shape(Command<?> command) {
        Routing routing = command.routing();
        if (routing instanceof Routing.FanOut fanOut) {
            return "fan-out " + fanOut.target() + " " + fanOut.merger();
        }
        if (routing instanceof Routing.AnyNode) {
            return "any-node";
        }
        return command.split()
                .map((Split split) -> "split " + split.keyGroupWidth() + " " + split.merger())
                .orElse("by-keys");
    }

    @Override
    public String toString() {
        return expectedArgs;
    }
}
