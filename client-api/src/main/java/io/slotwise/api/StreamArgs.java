package io.slotwise.api;

import io.slotwise.api.args.StreamOffset;
import io.slotwise.command.CommandBuilder;
import io.slotwise.value.StreamId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Argument lists shared by several stream commands. */
final class StreamArgs {

    private StreamArgs() {}

    /** Entry IDs as arguments, at least one, none null. */
    static List<byte[]> ids(String command, List<StreamId> ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(command + " needs at least one ID");
        }
        List<byte[]> args = new ArrayList<>(ids.size());
        for (StreamId id : ids) {
            args.add(Objects.requireNonNull(id, "id").toString().getBytes(StandardCharsets.US_ASCII));
        }
        return args;
    }

    /** Appends {@code STREAMS key... position...}, each stream recorded as a key. */
    static <K, V> CommandBuilder<K, V> streams(CommandBuilder<K, V> builder, List<StreamOffset<K>> offsets) {
        builder.arg("STREAMS");
        for (StreamOffset<K> offset : offsets) {
            builder.key(offset.stream());
        }
        for (StreamOffset<K> offset : offsets) {
            builder.arg(offset.position().argument());
        }
        return builder;
    }
}
