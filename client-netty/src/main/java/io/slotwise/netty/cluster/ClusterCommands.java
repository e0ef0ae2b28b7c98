package io.slotwise.netty.cluster;

import io.slotwise.api.AsyncCommands;
import io.slotwise.codec.RedisCodec;
import io.slotwise.command.Command;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** The asynchronous command catalogue of a cluster client, for one codec: every command goes to the dispatcher. */
final class ClusterCommands<K, V> implements AsyncCommands<K, V> {

    private final ClusterDispatcher dispatcher;
    private final RedisCodec<K, V> codec;

    ClusterCommands(ClusterDispatcher dispatcher, RedisCodec<K, V> codec) {
        this.dispatcher = dispatcher;
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public <T> CompletionStage<T> execute(Command<T> command) {
        return dispatcher.execute(Objects.requireNonNull(command, "command"));
    }

    @Override
    public RedisCodec<K, V> codec() {
        return codec;
    }
}
