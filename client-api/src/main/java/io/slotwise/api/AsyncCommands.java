package io.slotwise.api;

import io.slotwise.codec.RedisCodec;
import io.slotwise.command.Command;
import java.util.concurrent.CompletionStage;

/**
 * The asynchronous API: every command family in one interface. An implementation provides only {@link #execute} and
 * {@link #codec}; every command method is a default method that builds a {@link Command} and calls {@link #execute}.
 * The synchronous and reactive flavours wrap calls to these methods rather than listing commands again.
 *
 * <p>Threading: methods may be called from any thread and never block. Returned stages complete on an I/O thread;
 * callbacks attached to them must not block. See {@link CommandExecutor} for which errors are thrown at once and which
 * complete the stage.
 *
 * <p>Not here yet: transactions. {@code MULTI}/{@code EXEC} cannot be a one-line command, because the queued commands
 * must share one connection and one slot. The planned shape, implemented by the dispatcher:
 *
 * <pre>{@code
 * CompletionStage<TransactionResult> transaction(List<K> keys, Consumer<AsyncCommands<K, V>> body)
 * }</pre>
 *
 * {@code keys} fixes the slot up front (checked with {@code SingleSlotRequirement}, so a cross-slot transaction fails
 * before anything is sent); {@code body} queues commands on a transaction-scoped {@code AsyncCommands} whose
 * {@code execute} rejects commands with keys outside that slot and returns stages that complete after {@code EXEC}.
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
                ScriptingCommands<K, V>,
                ServerCommands<K, V> {

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
