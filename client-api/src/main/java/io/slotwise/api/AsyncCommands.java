package io.slotwise.api;

import io.slotwise.codec.RedisCodec;
import io.slotwise.command.Command;
import java.util.concurrent.CompletionStage;

/**
 * The asynchronous API: every command family in one interface. An implementation provides {@link #execute}, {@link
 * #codec}, the transactions and the cluster scan; every command method is a default method that builds a {@link
 * Command} and calls {@link #execute}.
 * The synchronous and reactive flavours wrap calls to these methods rather than listing commands again.
 *
 * <p>Threading: methods may be called from any thread and never block. Returned stages complete on an I/O thread;
 * callbacks attached to them must not block. See {@link CommandExecutor} for which errors are thrown at once and which
 * complete the stage.
 *
 * <p>Beyond the command families: single-slot {@code MULTI}/{@code EXEC} transactions ({@link TransactionCommands})
 * and a cluster-wide key scan that tracks its progress by slot ({@link ClusterScanCommands}). The transaction-scoped
 * commands a transaction body receives refuse both (no nesting).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface AsyncCommands<K, V>
        extends StringCommands<K, V>,
                KeyCommands<K, V>,
                HashCommands<K, V>,
                ListCommands<K, V>,
                SetCommands<K, V>,
                SortedSetCommands<K, V>,
                HyperLogLogCommands<K, V>,
                GeoCommands<K, V>,
                BitmapCommands<K, V>,
                StreamCommands<K, V>,
                ScriptingCommands<K, V>,
                ServerCommands<K, V>,
                PubSubCommands<K, V>,
                TransactionCommands<K, V>,
                ClusterScanCommands<K, V> {

    /**
     * Sends a command and returns its decoded reply: routes it by its keys (splitting it by slot when it allows it),
     * to any node or to several nodes as its {@link io.slotwise.command.Routing} says, follows redirects, retries
     * transient errors, merges split or fanned-out replies, and decodes the result with the command's decoder.
     *
     * @param command the command, never {@code null}
     * @param <T> the decoded reply type
     * @return a stage completed with the decoded reply, or exceptionally with a {@link io.slotwise.RedisException}
     */
    @Override
    <T> CompletionStage<T> execute(Command<T> command);

    /**
     * Returns the codec of this client's keys and values.
     *
     * @return the codec, never {@code null}
     */
    @Override
    RedisCodec<K, V> codec();
}
